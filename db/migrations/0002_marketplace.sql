CREATE TYPE "public"."bureau_evaluation_result" AS ENUM('good', 'pass', 'fail');--> statement-breakpoint
CREATE TYPE "public"."credit_grade" AS ENUM('A', 'B', 'C', 'D');--> statement-breakpoint
CREATE TYPE "public"."file_purpose" AS ENUM('qualification_scan', 'deliverable', 'evidence');--> statement-breakpoint
CREATE TYPE "public"."listing_status" AS ENUM('active', 'paused');--> statement-breakpoint
CREATE TYPE "public"."price_model" AS ENUM('fixed', 'per_visit', 'yearly_custody');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('pending', 'verified', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."service_category" AS ENUM('consulting', 'training', 'assessment', 'testing', 'occupational_health', 'engineer_firm', 'custody', 'rescue');--> statement-breakpoint
CREATE TYPE "public"."violation_kind" AS ENUM('qualification_renting', 'illegal_affiliation', 'falsification', 'monopoly_pricing');--> statement-breakpoint
CREATE TYPE "public"."deliverable_kind" AS ENUM('report', 'visit', 'training');--> statement-breakpoint
CREATE TYPE "public"."delivery_form" AS ENUM('government_purchase', 'enterprise_purchase', 'mutual_aid', 'association', 'insurance');--> statement-breakpoint
CREATE TYPE "public"."engagement_status" AS ENUM('offer', 'signed', 'in_service', 'delivered', 'changes_requested', 'accepted', 'closed', 'cancelled', 'disputed');--> statement-breakpoint
CREATE TYPE "public"."payer_kind" AS ENUM('enterprise', 'insurer', 'bureau');--> statement-breakpoint
CREATE TYPE "public"."quote_status" AS ENUM('submitted', 'withdrawn', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('open', 'awarded', 'closed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."review_direction" AS ENUM('client_to_provider', 'provider_to_client');--> statement-breakpoint
CREATE TABLE "bureau_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"bureau_id" uuid NOT NULL,
	"result" "bureau_evaluation_result" NOT NULL,
	"note" text,
	"evaluated_on" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"purpose" "file_purpose" NOT NULL,
	"original_name" text NOT NULL,
	"stored_name" varchar(80) NOT NULL,
	"mime_type" varchar(100) NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_storedName_unique" UNIQUE("stored_name")
);
--> statement-breakpoint
CREATE TABLE "practice_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"categories" "service_category"[] DEFAULT '{}' NOT NULL,
	"note" text,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "provider_experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"certificate_no" varchar(64),
	"specialties" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"categories" "service_category"[] DEFAULT '{}' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"staff_count" integer DEFAULT 0 NOT NULL,
	"contact_name" text,
	"contact_phone" varchar(32),
	"contact_email" text,
	"region_codes" varchar(6)[] DEFAULT '{}' NOT NULL,
	"region_keys" varchar(6)[] DEFAULT '{}' NOT NULL,
	"industry_codes" varchar(2)[] DEFAULT '{}' NOT NULL,
	"credit_grade" "credit_grade",
	"credit_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"credit_computed_at" timestamp with time zone,
	"review_count" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"search_vector" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"type" varchar(40) NOT NULL,
	"certificate_no" varchar(64) NOT NULL,
	"issuer" text NOT NULL,
	"scope" text NOT NULL,
	"scope_categories" "service_category"[] DEFAULT '{}' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"scan_file_id" uuid,
	"status" "review_status" DEFAULT 'pending' NOT NULL,
	"reviewed_by_user_id" uuid,
	"reviewed_at" timestamp with time zone,
	"reject_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"category" "service_category" NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"deliverables" text DEFAULT '' NOT NULL,
	"price_model" "price_model" NOT NULL,
	"price_fen" bigint NOT NULL,
	"region_codes" varchar(6)[] DEFAULT '{}' NOT NULL,
	"region_keys" varchar(6)[] DEFAULT '{}' NOT NULL,
	"industry_codes" varchar(2)[] DEFAULT '{}' NOT NULL,
	"required_qualification_type" varchar(40),
	"status" "listing_status" DEFAULT 'active' NOT NULL,
	"search_vector" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "violations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"kind" "violation_kind" NOT NULL,
	"serious" boolean DEFAULT false NOT NULL,
	"note" text,
	"occurred_on" date NOT NULL,
	"recorded_by_org_id" uuid NOT NULL,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliverables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"kind" "deliverable_kind" NOT NULL,
	"title" text NOT NULL,
	"file_id" uuid,
	"occurred_on" date,
	"notes" text,
	"attendees" integer,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"event" varchar(40) NOT NULL,
	"from_status" "engagement_status",
	"to_status" "engagement_status" NOT NULL,
	"actor_org_id" uuid,
	"actor_user_id" uuid,
	"reason" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"sender_org_id" uuid NOT NULL,
	"sender_user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"request_id" uuid,
	"quote_id" uuid,
	"category" "service_category" NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"price_fen" bigint NOT NULL,
	"start_date" date,
	"end_date" date,
	"delivery_form" "delivery_form" DEFAULT 'enterprise_purchase' NOT NULL,
	"payer" "payer_kind" DEFAULT 'enterprise' NOT NULL,
	"subsidy_eligible" boolean DEFAULT false NOT NULL,
	"status" "engagement_status" DEFAULT 'offer' NOT NULL,
	"offer_awaiting_org_id" uuid,
	"signed_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"listing_id" uuid,
	"price_fen" bigint NOT NULL,
	"plan" text NOT NULL,
	"duration_days" integer,
	"valid_until" date,
	"status" "quote_status" DEFAULT 'submitted' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"direction" "review_direction" NOT NULL,
	"reviewer_org_id" uuid NOT NULL,
	"reviewee_org_id" uuid NOT NULL,
	"professionalism" smallint,
	"timeliness" smallint,
	"effect" smallint,
	"overall" smallint NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"reply" text,
	"replied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"category" "service_category" NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"industry_code" varchar(2),
	"budget_fen" bigint,
	"deadline" date,
	"status" "request_status" DEFAULT 'open' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bureau_evaluations" ADD CONSTRAINT "bureau_evaluations_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_evaluations" ADD CONSTRAINT "bureau_evaluations_bureau_id_organisations_id_fk" FOREIGN KEY ("bureau_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_evaluations" ADD CONSTRAINT "bureau_evaluations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_notices" ADD CONSTRAINT "practice_notices_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_experts" ADD CONSTRAINT "provider_experts_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_profiles" ADD CONSTRAINT "provider_profiles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_scan_file_id_files_id_fk" FOREIGN KEY ("scan_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_listings" ADD CONSTRAINT "service_listings_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_recorded_by_org_id_organisations_id_fk" FOREIGN KEY ("recorded_by_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_events" ADD CONSTRAINT "engagement_events_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_events" ADD CONSTRAINT "engagement_events_actor_org_id_organisations_id_fk" FOREIGN KEY ("actor_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_events" ADD CONSTRAINT "engagement_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_messages" ADD CONSTRAINT "engagement_messages_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_messages" ADD CONSTRAINT "engagement_messages_sender_org_id_organisations_id_fk" FOREIGN KEY ("sender_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_messages" ADD CONSTRAINT "engagement_messages_sender_user_id_users_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_offer_awaiting_org_id_organisations_id_fk" FOREIGN KEY ("offer_awaiting_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_listing_id_service_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."service_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_org_id_organisations_id_fk" FOREIGN KEY ("reviewer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewee_org_id_organisations_id_fk" FOREIGN KEY ("reviewee_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bureau_evaluations_provider_idx" ON "bureau_evaluations" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "practice_notices_county_idx" ON "practice_notices" USING btree ("county_code");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_notices_active_key" ON "practice_notices" USING btree ("provider_id","county_code") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "provider_experts_provider_idx" ON "provider_experts" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_profiles_search_idx" ON "provider_profiles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "provider_profiles_region_keys_idx" ON "provider_profiles" USING gin ("region_keys");--> statement-breakpoint
CREATE INDEX "provider_profiles_categories_idx" ON "provider_profiles" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "provider_profiles_industries_idx" ON "provider_profiles" USING gin ("industry_codes");--> statement-breakpoint
CREATE INDEX "qualifications_provider_idx" ON "qualifications" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "qualifications_status_idx" ON "qualifications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "service_listings_provider_idx" ON "service_listings" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "service_listings_search_idx" ON "service_listings" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "service_listings_region_keys_idx" ON "service_listings" USING gin ("region_keys");--> statement-breakpoint
CREATE INDEX "service_listings_industries_idx" ON "service_listings" USING gin ("industry_codes");--> statement-breakpoint
CREATE INDEX "service_listings_category_price_idx" ON "service_listings" USING btree ("category","price_fen");--> statement-breakpoint
CREATE INDEX "violations_provider_idx" ON "violations" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "deliverables_engagement_idx" ON "deliverables" USING btree ("engagement_id");--> statement-breakpoint
CREATE INDEX "engagement_events_engagement_idx" ON "engagement_events" USING btree ("engagement_id","at");--> statement-breakpoint
CREATE INDEX "engagement_messages_engagement_idx" ON "engagement_messages" USING btree ("engagement_id","created_at");--> statement-breakpoint
CREATE INDEX "engagements_enterprise_idx" ON "engagements" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "engagements_provider_idx" ON "engagements" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "engagements_delivered_idx" ON "engagements" USING btree ("delivered_at") WHERE status = 'delivered';--> statement-breakpoint
CREATE INDEX "quotes_request_idx" ON "quotes" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "quotes_provider_idx" ON "quotes" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_one_live_per_provider" ON "quotes" USING btree ("request_id","provider_id") WHERE status in ('submitted', 'accepted');--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_one_per_direction" ON "reviews" USING btree ("engagement_id","direction");--> statement-breakpoint
CREATE INDEX "reviews_reviewee_idx" ON "reviews" USING btree ("reviewee_org_id","published_at");--> statement-breakpoint
CREATE INDEX "service_requests_enterprise_idx" ON "service_requests" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_open_idx" ON "service_requests" USING btree ("category","region_code") WHERE status = 'open';