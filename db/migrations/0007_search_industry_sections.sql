-- Industry facets name the section too (GB/T 4754-2017 division ranges), so a filter on a
-- section (C, 31 divisions) is one lexeme, 'is:C', instead of an OR over 32 posting lists:
--   a declared division 26 → i:26 and is:C;  a declared section C → i:C and is:C.
-- A filter on division 26 asks for i:26 | i:C (the division, or the whole section declared).
CREATE OR REPLACE FUNCTION industry_section_of(code text) RETURNS text AS $$
  SELECT CASE
    WHEN code ~ '^[A-T]$' THEN code
    WHEN code !~ '^[0-9]{2}$' THEN NULL
    WHEN code::int <= 5 THEN 'A' WHEN code::int <= 12 THEN 'B' WHEN code::int <= 43 THEN 'C'
    WHEN code::int <= 46 THEN 'D' WHEN code::int <= 50 THEN 'E' WHEN code::int <= 52 THEN 'F'
    WHEN code::int <= 60 THEN 'G' WHEN code::int <= 62 THEN 'H' WHEN code::int <= 65 THEN 'I'
    WHEN code::int <= 69 THEN 'J' WHEN code::int = 70 THEN 'K' WHEN code::int <= 72 THEN 'L'
    WHEN code::int <= 75 THEN 'M' WHEN code::int <= 79 THEN 'N' WHEN code::int <= 82 THEN 'O'
    WHEN code::int = 83 THEN 'P' WHEN code::int <= 85 THEN 'Q' WHEN code::int <= 90 THEN 'R'
    WHEN code::int <= 96 THEN 'S' WHEN code::int = 97 THEN 'T'
  END;
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_vector_with_facets(vector tsvector, categories text[], region_keys text[], industry_codes text[])
RETURNS tsvector AS $$
  SELECT array_to_tsvector(
    coalesce(array(SELECT u.lexeme FROM unnest(vector) u WHERE u.lexeme !~ '^(c|r|i|is):'), '{}')
    || array(SELECT 'c:' || x FROM unnest(categories) x)
    || array(SELECT 'r:' || x FROM unnest(region_keys) x)
    || array(SELECT 'i:' || x FROM unnest(industry_codes) x)
    || array(SELECT 'is:' || industry_section_of(x) FROM unnest(industry_codes) x WHERE industry_section_of(x) IS NOT NULL));
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
UPDATE provider_profiles SET search_vector = search_vector WHERE industry_codes <> '{}';
--> statement-breakpoint
UPDATE service_listings SET search_vector = search_vector WHERE industry_codes <> '{}';
