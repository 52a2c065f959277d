ALTER TABLE "service_listings" ADD COLUMN "visible_from" date DEFAULT 'infinity' NOT NULL;--> statement-breakpoint
ALTER TABLE "service_listings" ADD COLUMN "visible_until" date DEFAULT '-infinity' NOT NULL;--> statement-breakpoint
ALTER TABLE "service_listings" ADD COLUMN "provider_verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "service_listings" ADD COLUMN "provider_grade" "credit_grade";--> statement-breakpoint
ALTER TABLE "service_listings" ADD COLUMN "provider_grade_key" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "service_listings" ADD COLUMN "provider_score" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "service_listings" ADD COLUMN "provider_rating" double precision DEFAULT 4 NOT NULL;--> statement-breakpoint
CREATE INDEX "provider_profiles_rank_idx" ON "provider_profiles" USING btree (((CASE "credit_grade" WHEN 'A' THEN 15 WHEN 'B' THEN 10 WHEN 'C' THEN 4 WHEN 'D' THEN -20 ELSE 6 END) + (((40 + "rating_sum")::float8 / (10 + "review_count")) - 1) / 4 * 20),"org_id");--> statement-breakpoint
CREATE INDEX "provider_profiles_grade_rank_idx" ON "provider_profiles" USING btree ((CASE "credit_grade" WHEN 'A' THEN 4 WHEN 'B' THEN 3 WHEN 'C' THEN 2 WHEN 'D' THEN 0 ELSE 1 END),((CASE "credit_grade" WHEN 'A' THEN 15 WHEN 'B' THEN 10 WHEN 'C' THEN 4 WHEN 'D' THEN -20 ELSE 6 END) + (((40 + "rating_sum")::float8 / (10 + "review_count")) - 1) / 4 * 20),"org_id");--> statement-breakpoint
CREATE INDEX "provider_profiles_rating_rank_idx" ON "provider_profiles" USING btree (((40 + "rating_sum")::float8 / (10 + "review_count")),"org_id");--> statement-breakpoint
CREATE INDEX "service_listings_price_idx" ON "service_listings" USING btree ("price_fen","id");--> statement-breakpoint
CREATE INDEX "service_listings_rank_idx" ON "service_listings" USING btree ("provider_score","id");--> statement-breakpoint
CREATE INDEX "service_listings_grade_rank_idx" ON "service_listings" USING btree ("provider_grade_key","provider_score","id");--> statement-breakpoint
CREATE INDEX "service_listings_rating_rank_idx" ON "service_listings" USING btree ("provider_rating","id");