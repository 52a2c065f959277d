CREATE TYPE "public"."prevention_fee_entry_kind" AS ENUM('fund', 'commission', 'release');--> statement-breakpoint
CREATE TYPE "public"."insurance_service" AS ENUM('risk_assessment', 'key_inspection', 'thorough_inspection', 'all_staff_training', 'rectification_assistance', 'one_enterprise_one_plan', 'remote_guidance', 'onsite_stationing');--> statement-breakpoint
CREATE TYPE "public"."plan_assignee_kind" AS ENUM('staff', 'expert', 'provider');--> statement-breakpoint
CREATE TYPE "public"."plan_item_state" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."insurance_visit_kind" AS ENUM('service', 'return_visit');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insurance_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"insurer_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"plan_item_id" uuid,
	"visit_id" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"filed_on" date NOT NULL,
	"needs_check" boolean DEFAULT false NOT NULL,
	"extension_days" smallint DEFAULT 0 NOT NULL,
	"extension_reason" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_user_id" uuid,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insurance_complaints_extension_check" CHECK ("insurance_complaints"."extension_days" BETWEEN 0 AND 30 AND ("insurance_complaints"."extension_days" = 0) = ("insurance_complaints"."extension_reason" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "insurance_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"insurer_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"service" "insurance_service" NOT NULL,
	"sequence" smallint NOT NULL,
	"window_start" date NOT NULL,
	"due_date" date NOT NULL,
	"hazard_id" uuid,
	"guidance" jsonb,
	"state" "plan_item_state" DEFAULT 'open' NOT NULL,
	"assignee_kind" "plan_assignee_kind",
	"assignee_user_id" uuid,
	"assignee_expert_id" uuid,
	"assignee_engagement_id" uuid,
	"scheduled_on" date,
	"done_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insurance_plan_items_window_check" CHECK ("insurance_plan_items"."due_date" >= "insurance_plan_items"."window_start"),
	CONSTRAINT "insurance_plan_items_assignee_check" CHECK (("insurance_plan_items"."assignee_kind" IS NULL AND "insurance_plan_items"."assignee_user_id" IS NULL AND "insurance_plan_items"."assignee_expert_id" IS NULL AND "insurance_plan_items"."assignee_engagement_id" IS NULL)
        OR ("insurance_plan_items"."assignee_kind" = 'staff' AND "insurance_plan_items"."assignee_user_id" IS NOT NULL)
        OR ("insurance_plan_items"."assignee_kind" = 'expert' AND "insurance_plan_items"."assignee_expert_id" IS NOT NULL)
        OR ("insurance_plan_items"."assignee_kind" = 'provider' AND "insurance_plan_items"."assignee_engagement_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "insurance_visit_photos" (
	"visit_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"d_hash" varchar(16),
	"caption" text,
	CONSTRAINT "insurance_visit_photos_visit_id_file_id_pk" PRIMARY KEY("visit_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "insurance_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"insurer_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" "insurance_visit_kind" DEFAULT 'service' NOT NULL,
	"return_of_visit_id" uuid,
	"inspection_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"staff_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"staff_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"satisfaction" smallint,
	"comments" text,
	"fix_verified" boolean,
	"created_by_user_id" uuid,
	"service_confirmed_at" timestamp with time zone,
	"service_confirmed_by_user_id" uuid,
	"enterprise_confirmed_at" timestamp with time zone,
	"enterprise_confirmed_by_user_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insurance_visits_time_check" CHECK ("insurance_visits"."ended_at" > "insurance_visits"."started_at"),
	CONSTRAINT "insurance_visits_satisfaction_check" CHECK ("insurance_visits"."satisfaction" IS NULL OR "insurance_visits"."satisfaction" BETWEEN 1 AND 5),
	CONSTRAINT "insurance_visits_position_check" CHECK (("insurance_visits"."lat" IS NULL) = ("insurance_visits"."lng" IS NULL) AND ("insurance_visits"."lat" IS NULL OR ("insurance_visits"."lat" BETWEEN -90 AND 90 AND "insurance_visits"."lng" BETWEEN -180 AND 180)))
);
--> statement-breakpoint
CREATE TABLE "oversight_settings" (
	"bureau_id" uuid PRIMARY KEY NOT NULL,
	"min_visit_minutes" integer NOT NULL,
	"max_travel_kmh" integer NOT NULL,
	"photo_hamming_max" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oversight_settings_range_check" CHECK ("oversight_settings"."min_visit_minutes" BETWEEN 1 AND 480 AND "oversight_settings"."max_travel_kmh" BETWEEN 10 AND 300 AND "oversight_settings"."photo_hamming_max" BETWEEN 0 AND 15)
);
--> statement-breakpoint
CREATE TABLE "prevention_fee_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"insurer_id" uuid NOT NULL,
	"kind" "prevention_fee_entry_kind" NOT NULL,
	"amount_fen" bigint NOT NULL,
	"overrun_fen" bigint DEFAULT 0 NOT NULL,
	"overrun_reason" text,
	"engagement_id" uuid,
	"plan_item_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prevention_fee_entries_amount_check" CHECK ("prevention_fee_entries"."amount_fen" >= 0 AND "prevention_fee_entries"."overrun_fen" >= 0),
	CONSTRAINT "prevention_fee_entries_overrun_check" CHECK ("prevention_fee_entries"."overrun_fen" = 0 OR ("prevention_fee_entries"."kind" = 'commission' AND "prevention_fee_entries"."overrun_reason" IS NOT NULL AND "prevention_fee_entries"."overrun_fen" <= "prevention_fee_entries"."amount_fen")),
	CONSTRAINT "prevention_fee_entries_engagement_check" CHECK (("prevention_fee_entries"."kind" = 'fund') = ("prevention_fee_entries"."engagement_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD COLUMN "guidance_response_minutes" integer;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD COLUMN "stationing_days_per_month" smallint;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD COLUMN "cancelled_on" date;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_complaints" ADD CONSTRAINT "insurance_complaints_policy_id_insurance_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."insurance_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_complaints" ADD CONSTRAINT "insurance_complaints_insurer_id_organisations_id_fk" FOREIGN KEY ("insurer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_complaints" ADD CONSTRAINT "insurance_complaints_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_complaints" ADD CONSTRAINT "insurance_complaints_plan_item_id_insurance_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."insurance_plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_complaints" ADD CONSTRAINT "insurance_complaints_visit_id_insurance_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."insurance_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_complaints" ADD CONSTRAINT "insurance_complaints_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_complaints" ADD CONSTRAINT "insurance_complaints_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_plan_items" ADD CONSTRAINT "insurance_plan_items_policy_id_insurance_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."insurance_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_plan_items" ADD CONSTRAINT "insurance_plan_items_insurer_id_organisations_id_fk" FOREIGN KEY ("insurer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_plan_items" ADD CONSTRAINT "insurance_plan_items_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_plan_items" ADD CONSTRAINT "insurance_plan_items_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_plan_items" ADD CONSTRAINT "insurance_plan_items_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_plan_items" ADD CONSTRAINT "insurance_plan_items_assignee_expert_id_experts_id_fk" FOREIGN KEY ("assignee_expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_plan_items" ADD CONSTRAINT "insurance_plan_items_assignee_engagement_id_engagements_id_fk" FOREIGN KEY ("assignee_engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_visit_photos" ADD CONSTRAINT "insurance_visit_photos_visit_id_insurance_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."insurance_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_visit_photos" ADD CONSTRAINT "insurance_visit_photos_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_visits" ADD CONSTRAINT "insurance_visits_plan_item_id_insurance_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."insurance_plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_visits" ADD CONSTRAINT "insurance_visits_policy_id_insurance_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."insurance_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_visits" ADD CONSTRAINT "insurance_visits_insurer_id_organisations_id_fk" FOREIGN KEY ("insurer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_visits" ADD CONSTRAINT "insurance_visits_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_visits" ADD CONSTRAINT "insurance_visits_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_visits" ADD CONSTRAINT "insurance_visits_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_visits" ADD CONSTRAINT "insurance_visits_service_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("service_confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_visits" ADD CONSTRAINT "insurance_visits_enterprise_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("enterprise_confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_settings" ADD CONSTRAINT "oversight_settings_bureau_id_organisations_id_fk" FOREIGN KEY ("bureau_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_fee_entries" ADD CONSTRAINT "prevention_fee_entries_policy_id_insurance_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."insurance_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_fee_entries" ADD CONSTRAINT "prevention_fee_entries_insurer_id_organisations_id_fk" FOREIGN KEY ("insurer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_fee_entries" ADD CONSTRAINT "prevention_fee_entries_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_fee_entries" ADD CONSTRAINT "prevention_fee_entries_plan_item_id_insurance_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."insurance_plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_fee_entries" ADD CONSTRAINT "prevention_fee_entries_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_owner_key" ON "calendar_feeds" USING btree ("org_id",coalesce("user_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "insurance_complaints_insurer_idx" ON "insurance_complaints" USING btree ("insurer_id","filed_on");--> statement-breakpoint
CREATE INDEX "insurance_complaints_enterprise_idx" ON "insurance_complaints" USING btree ("enterprise_id","filed_on");--> statement-breakpoint
CREATE INDEX "insurance_plan_items_policy_idx" ON "insurance_plan_items" USING btree ("policy_id","service","sequence");--> statement-breakpoint
CREATE INDEX "insurance_plan_items_insurer_idx" ON "insurance_plan_items" USING btree ("insurer_id","state","due_date");--> statement-breakpoint
CREATE INDEX "insurance_plan_items_enterprise_idx" ON "insurance_plan_items" USING btree ("enterprise_id","due_date");--> statement-breakpoint
CREATE INDEX "insurance_plan_items_assignee_idx" ON "insurance_plan_items" USING btree ("assignee_user_id","due_date") WHERE "insurance_plan_items"."assignee_user_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_plan_items_hazard_key" ON "insurance_plan_items" USING btree ("policy_id","hazard_id") WHERE "insurance_plan_items"."hazard_id" IS NOT NULL AND "insurance_plan_items"."state" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "insurance_visit_photos_sha_idx" ON "insurance_visit_photos" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "insurance_visit_photos_dhash_idx" ON "insurance_visit_photos" USING btree ("d_hash");--> statement-breakpoint
CREATE INDEX "insurance_visits_item_idx" ON "insurance_visits" USING btree ("plan_item_id");--> statement-breakpoint
CREATE INDEX "insurance_visits_insurer_idx" ON "insurance_visits" USING btree ("insurer_id","started_at");--> statement-breakpoint
CREATE INDEX "insurance_visits_enterprise_idx" ON "insurance_visits" USING btree ("enterprise_id","started_at");--> statement-breakpoint
CREATE INDEX "prevention_fee_entries_policy_idx" ON "prevention_fee_entries" USING btree ("policy_id","created_at");--> statement-breakpoint
CREATE INDEX "prevention_fee_entries_insurer_idx" ON "prevention_fee_entries" USING btree ("insurer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "prevention_fee_entries_fund_key" ON "prevention_fee_entries" USING btree ("policy_id") WHERE "prevention_fee_entries"."kind" = 'fund';--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_options_check" CHECK (("insurance_policies"."guidance_response_minutes" IS NULL OR "insurance_policies"."guidance_response_minutes" BETWEEN 5 AND 2880) AND ("insurance_policies"."stationing_days_per_month" IS NULL OR "insurance_policies"."stationing_days_per_month" BETWEEN 1 AND 31));--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_cancel_check" CHECK (("insurance_policies"."status" = 'cancelled') = ("insurance_policies"."cancelled_on" IS NOT NULL));