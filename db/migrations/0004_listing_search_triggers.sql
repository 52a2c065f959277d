-- Search denormalisation for service_listings (see app/services/search.server.ts).
-- A listing carries the facts public search filters and sorts on, so one table's indexes
-- answer the query: the days it may be shown (visible_from … visible_until) and its
-- provider's verification, credit grade and ranking. The database keeps them current,
-- whoever writes: a listing, its provider's organisation, profile or qualifications.
-- The ranking constants mirror app/domain/rank-weights.ts (an integration test checks).
CREATE OR REPLACE FUNCTION service_listing_search_flags() RETURNS trigger AS $$
DECLARE
  org_suspended timestamptz;
  org_status verification_status;
  grade credit_grade;
  n integer := 0;
  s integer := 0;
  q_from date;
  q_until date;
BEGIN
  SELECT o.suspended_at, o.verification_status INTO org_suspended, org_status
    FROM organisations o WHERE o.id = NEW.provider_id;
  SELECT p.credit_grade, p.review_count, p.rating_sum INTO grade, n, s
    FROM provider_profiles p WHERE p.org_id = NEW.provider_id;
  n := coalesce(n, 0);
  s := coalesce(s, 0);
  NEW.provider_verified := coalesce(org_status = 'verified', false);
  NEW.provider_grade := grade;
  NEW.provider_grade_key := CASE grade WHEN 'A' THEN 4 WHEN 'B' THEN 3 WHEN 'C' THEN 2 WHEN 'D' THEN 0 ELSE 1 END;
  NEW.provider_rating := (40 + s)::float8 / (10 + n);
  NEW.provider_score := (CASE grade WHEN 'A' THEN 15 WHEN 'B' THEN 10 WHEN 'C' THEN 4 WHEN 'D' THEN -20 ELSE 6 END)
    + (NEW.provider_rating - 1) / 4 * 20;
  IF NEW.status <> 'active' OR org_suspended IS NOT NULL OR org_status IS NULL OR org_status = 'rejected' THEN
    NEW.visible_from := 'infinity';
    NEW.visible_until := '-infinity';
  ELSIF NEW.required_qualification_type IS NULL THEN
    NEW.visible_from := '-infinity';
    NEW.visible_until := 'infinity';
  ELSE
    -- Verified qualifications of the required type; several certificates count as one span
    -- from the earliest start to the latest end (a gap between renewals is not modelled).
    SELECT min(q.valid_from), max(q.valid_to) INTO q_from, q_until
      FROM qualifications q
      WHERE q.provider_id = NEW.provider_id AND q.type = NEW.required_qualification_type AND q.status = 'verified';
    NEW.visible_from := coalesce(q_from, 'infinity');
    NEW.visible_until := coalesce(q_until, '-infinity');
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER service_listings_search_flags BEFORE INSERT OR UPDATE ON service_listings
  FOR EACH ROW EXECUTE FUNCTION service_listing_search_flags();
--> statement-breakpoint
-- Touching a provider's listings re-runs the trigger above for each of them.
CREATE OR REPLACE FUNCTION service_listings_touch_provider() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'organisations' THEN
    UPDATE service_listings SET status = status WHERE provider_id = NEW.id;
  ELSIF TG_TABLE_NAME = 'provider_profiles' THEN
    UPDATE service_listings SET status = status WHERE provider_id = NEW.org_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE service_listings SET status = status
      WHERE provider_id = OLD.provider_id AND required_qualification_type IS NOT NULL;
  ELSE
    UPDATE service_listings SET status = status
      WHERE provider_id = NEW.provider_id AND required_qualification_type IS NOT NULL;
    IF TG_OP = 'UPDATE' AND OLD.provider_id <> NEW.provider_id THEN
      UPDATE service_listings SET status = status
        WHERE provider_id = OLD.provider_id AND required_qualification_type IS NOT NULL;
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER organisations_listing_search_flags AFTER UPDATE OF suspended_at, verification_status ON organisations
  FOR EACH ROW
  WHEN (OLD.suspended_at IS DISTINCT FROM NEW.suspended_at OR OLD.verification_status IS DISTINCT FROM NEW.verification_status)
  EXECUTE FUNCTION service_listings_touch_provider();
--> statement-breakpoint
CREATE TRIGGER provider_profiles_listing_search_flags AFTER INSERT OR UPDATE OF credit_grade, review_count, rating_sum ON provider_profiles
  FOR EACH ROW EXECUTE FUNCTION service_listings_touch_provider();
--> statement-breakpoint
CREATE TRIGGER qualifications_listing_search_flags AFTER INSERT OR UPDATE OR DELETE ON qualifications
  FOR EACH ROW EXECUTE FUNCTION service_listings_touch_provider();
--> statement-breakpoint
-- Fill the new columns for listings that already exist.
UPDATE service_listings SET status = status;
