-- Facet lexemes in the search vectors (see app/domain/search-facets.ts): the categories
-- (c:testing), region keys (r:330700) and industries (i:26) of a provider or listing are
-- lexemes of its search_vector, next to the CJK text tokens the app writes. One GIN index
-- then answers "检测 in 金华 for testing" by intersecting posting lists inside the index
-- (a few ms), where ANDing separate bitmaps of 60,000 rows each costs ten times more.
-- The trigger keeps them current whoever writes; the app's refresh functions write the text.
CREATE OR REPLACE FUNCTION search_vector_with_facets(vector tsvector, categories text[], region_keys text[], industry_codes text[])
RETURNS tsvector AS $$
  SELECT array_to_tsvector(
    coalesce(array(SELECT u.lexeme FROM unnest(vector) u WHERE u.lexeme !~ '^[cri]:'), '{}')
    || array(SELECT 'c:' || x FROM unnest(categories) x)
    || array(SELECT 'r:' || x FROM unnest(region_keys) x)
    || array(SELECT 'i:' || x FROM unnest(industry_codes) x));
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION provider_profile_search_facets() RETURNS trigger AS $$
BEGIN
  NEW.search_vector := search_vector_with_facets(NEW.search_vector, NEW.categories::text[], NEW.region_keys::text[], NEW.industry_codes::text[]);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER provider_profiles_search_facets BEFORE INSERT OR UPDATE ON provider_profiles
  FOR EACH ROW EXECUTE FUNCTION provider_profile_search_facets();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION service_listing_search_facets() RETURNS trigger AS $$
BEGIN
  NEW.search_vector := search_vector_with_facets(NEW.search_vector, ARRAY[NEW.category::text], NEW.region_keys::text[], NEW.industry_codes::text[]);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER service_listings_search_facets BEFORE INSERT OR UPDATE ON service_listings
  FOR EACH ROW EXECUTE FUNCTION service_listing_search_facets();
--> statement-breakpoint
UPDATE provider_profiles SET search_vector = search_vector;
--> statement-breakpoint
UPDATE service_listings SET search_vector = search_vector;
