ALTER TABLE "provider_profiles" ADD COLUMN "listed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_profiles" ADD COLUMN "org_verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The profile copies its organisation's public standing, so directory search needs no join
-- until the page is chosen. Rejected or suspended organisations are not listed.
CREATE OR REPLACE FUNCTION provider_profile_search_flags() RETURNS trigger AS $$
DECLARE
  org_suspended timestamptz;
  org_status verification_status;
BEGIN
  SELECT o.suspended_at, o.verification_status INTO org_suspended, org_status
    FROM organisations o WHERE o.id = NEW.org_id;
  NEW.listed := org_suspended IS NULL AND org_status IS NOT NULL AND org_status <> 'rejected';
  NEW.org_verified := coalesce(org_status = 'verified', false);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER provider_profiles_search_flags BEFORE INSERT OR UPDATE ON provider_profiles
  FOR EACH ROW EXECUTE FUNCTION provider_profile_search_flags();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION provider_profiles_touch_org() RETURNS trigger AS $$
BEGIN
  UPDATE provider_profiles SET listed = listed WHERE org_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER organisations_profile_search_flags AFTER UPDATE OF suspended_at, verification_status ON organisations
  FOR EACH ROW
  WHEN (OLD.suspended_at IS DISTINCT FROM NEW.suspended_at OR OLD.verification_status IS DISTINCT FROM NEW.verification_status)
  EXECUTE FUNCTION provider_profiles_touch_org();
--> statement-breakpoint
UPDATE provider_profiles SET listed = listed;
