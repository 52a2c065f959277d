CREATE TYPE "public"."expert_title" AS ENUM('senior_full', 'senior', 'intermediate', 'junior', 'none');--> statement-breakpoint
CREATE TYPE "public"."group_member_status" AS ENUM('invited', 'active', 'left');--> statement-breakpoint
CREATE TYPE "public"."guidance_channel" AS ENUM('guidance_24h', 'insurer', 'provider', 'expert');--> statement-breakpoint
CREATE TYPE "public"."hazard_file_role" AS ENUM('photo', 'evidence');--> statement-breakpoint
CREATE TYPE "public"."hazard_grade" AS ENUM('general', 'major');--> statement-breakpoint
CREATE TYPE "public"."hazard_status" AS ENUM('open', 'rectifying', 'rectified', 'verified', 'closed');--> statement-breakpoint
CREATE TYPE "public"."inspection_source" AS ENUM('self_check', 'mutual_aid', 'insurer', 'provider', 'expert', 'government', 'free_checkup');--> statement-breakpoint
CREATE TYPE "public"."occupational_hazard_level" AS ENUM('general', 'serious', 'severe');--> statement-breakpoint
CREATE TYPE "public"."policy_status" AS ENUM('active', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."risk_grade" AS ENUM('red', 'orange', 'yellow', 'blue');--> statement-breakpoint
CREATE TYPE "public"."safety_engineer_level" AS ENUM('senior', 'intermediate', 'junior');--> statement-breakpoint
CREATE TYPE "public"."training_kind" AS ENUM('all_staff', 'principals', 'special_operations', 'exchange_meeting');--> statement-breakpoint
ALTER TYPE "public"."file_purpose" ADD VALUE 'photo';--> statement-breakpoint
ALTER TYPE "public"."file_purpose" ADD VALUE 'attachment';--> statement-breakpoint
CREATE TABLE "checklist_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"based_on_key" varchar(40),
	"name" text NOT NULL,
	"body" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkup_enterprises" (
	"program_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"carrier_org_id" uuid,
	"inspection_id" uuid,
	"plan_text" text,
	"plan_file_id" uuid,
	"plan_issued_at" timestamp with time zone,
	CONSTRAINT "checkup_enterprises_program_id_enterprise_id_pk" PRIMARY KEY("program_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "checkup_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"runner_org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkup_programs_dates_check" CHECK ("checkup_programs"."ends_on" >= "checkup_programs"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "enterprise_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"industry_detail" varchar(5),
	"employees" integer,
	"high_risk" boolean DEFAULT false NOT NULL,
	"occupational_hazard" "occupational_hazard_level",
	"supervised_major_hazard" boolean DEFAULT false NOT NULL,
	"recent_accidents" integer DEFAULT 0 NOT NULL,
	"priority_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"added_by_org_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_profiles_employees_check" CHECK ("enterprise_profiles"."employees" IS NULL OR "enterprise_profiles"."employees" >= 0)
);
--> statement-breakpoint
CREATE TABLE "expert_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"assigned_by_org_id" uuid NOT NULL,
	"draw_id" uuid,
	"inspection_id" uuid,
	"task" text DEFAULT '' NOT NULL,
	"due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"drawn_by_org_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"task" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"seed" varchar(64) NOT NULL,
	"drawn_expert_ids" uuid[] NOT NULL,
	"excluded" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"drawn_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"employer_org_id" uuid,
	"user_id" uuid,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"industry_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"title" "expert_title" DEFAULT 'none' NOT NULL,
	"safety_engineer_level" "safety_engineer_level",
	"certificate_no" varchar(64),
	"phone" varchar(32),
	"bio" text,
	"active" boolean DEFAULT true NOT NULL,
	"unavailable" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"declared_conflict_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"group_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"status" "group_member_status" NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"joined_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	CONSTRAINT "group_members_group_id_enterprise_id_pk" PRIMARY KEY("group_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "group_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"phone" varchar(32),
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guidance_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_org_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guidance_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"channel" "guidance_channel" NOT NULL,
	"counterpart_org_id" uuid,
	"expert_id" uuid,
	"subject" text NOT NULL,
	"target_minutes" integer,
	"opened_at" timestamp with time zone NOT NULL,
	"first_answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "hazard_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hazard_id" uuid NOT NULL,
	"event" varchar(40) NOT NULL,
	"from_status" "hazard_status",
	"to_status" "hazard_status" NOT NULL,
	"actor_org_id" uuid,
	"actor_user_id" uuid,
	"reason" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_files" (
	"hazard_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"role" "hazard_file_role" NOT NULL,
	"event_id" uuid,
	CONSTRAINT "hazard_files_hazard_id_file_id_pk" PRIMARY KEY("hazard_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "hazards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"finder_org_id" uuid NOT NULL,
	"source" "inspection_source" NOT NULL,
	"item_key" varchar(60),
	"grade" "hazard_grade" NOT NULL,
	"description" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"responsible_person" text DEFAULT '' NOT NULL,
	"found_on" date NOT NULL,
	"deadline" date NOT NULL,
	"status" "hazard_status" DEFAULT 'open' NOT NULL,
	"left_open_on" date,
	"reported_to_bureau_id" uuid,
	"reported_at" timestamp with time zone,
	"bureau_acknowledged_at" timestamp with time zone,
	"bureau_acknowledged_by_user_id" uuid,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hazards_deadline_check" CHECK ("hazards"."deadline" >= "hazards"."found_on")
);
--> statement-breakpoint
CREATE TABLE "inspection_photos" (
	"inspection_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"caption" text,
	CONSTRAINT "inspection_photos_inspection_id_file_id_pk" PRIMARY KEY("inspection_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"inspector_org_id" uuid NOT NULL,
	"source" "inspection_source" NOT NULL,
	"inspected_on" date NOT NULL,
	"inspector_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"template" jsonb,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"score_bp" integer,
	"created_by_user_id" uuid,
	"inspector_confirmed_at" timestamp with time zone,
	"inspector_confirmed_by_user_id" uuid,
	"enterprise_acknowledged_at" timestamp with time zone,
	"enterprise_acknowledged_by_user_id" uuid,
	"enterprise_acknowledge_note" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_score_check" CHECK ("inspections"."score_bp" IS NULL OR "inspections"."score_bp" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "insurance_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"insurer_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"policy_number" varchar(64) NOT NULL,
	"premium_fen" bigint NOT NULL,
	"prevention_fee_bps" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"risk_grade" "risk_grade" NOT NULL,
	"optional_services" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "policy_status" DEFAULT 'active' NOT NULL,
	"renewal_of_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insurance_policies_fee_check" CHECK ("insurance_policies"."prevention_fee_bps" BETWEEN 0 AND 10000),
	CONSTRAINT "insurance_policies_premium_check" CHECK ("insurance_policies"."premium_fen" >= 0),
	CONSTRAINT "insurance_policies_dates_check" CHECK ("insurance_policies"."end_date" >= "insurance_policies"."start_date")
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"grade" "risk_grade" NOT NULL,
	"assessed_on" date NOT NULL,
	"assessor_org_id" uuid,
	"assessor_name" text NOT NULL,
	"reason" text NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rotation_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"inspector_enterprise_id" uuid NOT NULL,
	"inspected_enterprise_id" uuid NOT NULL,
	"inspection_id" uuid,
	CONSTRAINT "rotation_assignments_not_self" CHECK ("rotation_assignments"."inspector_enterprise_id" <> "rotation_assignments"."inspected_enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "rotation_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"other_group_id" uuid,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"seed" varchar(64) NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rotation_cycles_dates_check" CHECK ("rotation_cycles"."ends_on" >= "rotation_cycles"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organiser_org_id" uuid NOT NULL,
	"trainer_org_id" uuid,
	"enterprise_id" uuid,
	"group_id" uuid,
	"topic" text NOT NULL,
	"kind" "training_kind" NOT NULL,
	"held_on" date NOT NULL,
	"hours" smallint,
	"attendee_count" integer NOT NULL,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"material_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_attendees_check" CHECK ("training_sessions"."attendee_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "unclaimed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "checklist_templates" ADD CONSTRAINT "checklist_templates_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_enterprises" ADD CONSTRAINT "checkup_enterprises_program_id_checkup_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."checkup_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_enterprises" ADD CONSTRAINT "checkup_enterprises_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_enterprises" ADD CONSTRAINT "checkup_enterprises_carrier_org_id_organisations_id_fk" FOREIGN KEY ("carrier_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_enterprises" ADD CONSTRAINT "checkup_enterprises_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_enterprises" ADD CONSTRAINT "checkup_enterprises_plan_file_id_files_id_fk" FOREIGN KEY ("plan_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_programs" ADD CONSTRAINT "checkup_programs_runner_org_id_organisations_id_fk" FOREIGN KEY ("runner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_profiles" ADD CONSTRAINT "enterprise_profiles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_profiles" ADD CONSTRAINT "enterprise_profiles_added_by_org_id_organisations_id_fk" FOREIGN KEY ("added_by_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_assigned_by_org_id_organisations_id_fk" FOREIGN KEY ("assigned_by_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_draw_id_expert_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."expert_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draws" ADD CONSTRAINT "expert_draws_drawn_by_org_id_organisations_id_fk" FOREIGN KEY ("drawn_by_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draws" ADD CONSTRAINT "expert_draws_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draws" ADD CONSTRAINT "expert_draws_drawn_by_user_id_users_id_fk" FOREIGN KEY ("drawn_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_employer_org_id_organisations_id_fk" FOREIGN KEY ("employer_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_organisations_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_staff" ADD CONSTRAINT "group_staff_group_id_organisations_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_staff" ADD CONSTRAINT "group_staff_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_messages" ADD CONSTRAINT "guidance_messages_thread_id_guidance_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."guidance_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_messages" ADD CONSTRAINT "guidance_messages_author_org_id_organisations_id_fk" FOREIGN KEY ("author_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_messages" ADD CONSTRAINT "guidance_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_threads" ADD CONSTRAINT "guidance_threads_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_threads" ADD CONSTRAINT "guidance_threads_counterpart_org_id_organisations_id_fk" FOREIGN KEY ("counterpart_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_threads" ADD CONSTRAINT "guidance_threads_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_threads" ADD CONSTRAINT "guidance_threads_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_events" ADD CONSTRAINT "hazard_events_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_events" ADD CONSTRAINT "hazard_events_actor_org_id_organisations_id_fk" FOREIGN KEY ("actor_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_events" ADD CONSTRAINT "hazard_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_files" ADD CONSTRAINT "hazard_files_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_files" ADD CONSTRAINT "hazard_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_files" ADD CONSTRAINT "hazard_files_event_id_hazard_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."hazard_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_finder_org_id_organisations_id_fk" FOREIGN KEY ("finder_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_reported_to_bureau_id_organisations_id_fk" FOREIGN KEY ("reported_to_bureau_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_bureau_acknowledged_by_user_id_users_id_fk" FOREIGN KEY ("bureau_acknowledged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_photos" ADD CONSTRAINT "inspection_photos_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_photos" ADD CONSTRAINT "inspection_photos_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspector_org_id_organisations_id_fk" FOREIGN KEY ("inspector_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspector_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("inspector_confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_enterprise_acknowledged_by_user_id_users_id_fk" FOREIGN KEY ("enterprise_acknowledged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_insurer_id_organisations_id_fk" FOREIGN KEY ("insurer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_policies" ADD CONSTRAINT "insurance_policies_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_assessor_org_id_organisations_id_fk" FOREIGN KEY ("assessor_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_assignments" ADD CONSTRAINT "rotation_assignments_cycle_id_rotation_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."rotation_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_assignments" ADD CONSTRAINT "rotation_assignments_inspector_enterprise_id_organisations_id_fk" FOREIGN KEY ("inspector_enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_assignments" ADD CONSTRAINT "rotation_assignments_inspected_enterprise_id_organisations_id_fk" FOREIGN KEY ("inspected_enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_assignments" ADD CONSTRAINT "rotation_assignments_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_cycles" ADD CONSTRAINT "rotation_cycles_group_id_organisations_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_cycles" ADD CONSTRAINT "rotation_cycles_other_group_id_organisations_id_fk" FOREIGN KEY ("other_group_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_cycles" ADD CONSTRAINT "rotation_cycles_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_organiser_org_id_organisations_id_fk" FOREIGN KEY ("organiser_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_trainer_org_id_organisations_id_fk" FOREIGN KEY ("trainer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_group_id_organisations_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checklist_templates_owner_idx" ON "checklist_templates" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "checkup_enterprises_enterprise_idx" ON "checkup_enterprises" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "checkup_enterprises_carrier_idx" ON "checkup_enterprises" USING btree ("carrier_org_id");--> statement-breakpoint
CREATE INDEX "checkup_programs_runner_idx" ON "checkup_programs" USING btree ("runner_org_id");--> statement-breakpoint
CREATE INDEX "expert_assignments_expert_idx" ON "expert_assignments" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "expert_assignments_enterprise_idx" ON "expert_assignments" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "expert_draws_drawer_idx" ON "expert_draws" USING btree ("drawn_by_org_id","created_at");--> statement-breakpoint
CREATE INDEX "experts_employer_idx" ON "experts" USING btree ("employer_org_id");--> statement-breakpoint
CREATE INDEX "group_members_enterprise_idx" ON "group_members" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "group_staff_member_idx" ON "group_staff" USING btree ("group_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "guidance_messages_thread_idx" ON "guidance_messages" USING btree ("thread_id","at");--> statement-breakpoint
CREATE INDEX "guidance_threads_enterprise_idx" ON "guidance_threads" USING btree ("enterprise_id","opened_at");--> statement-breakpoint
CREATE INDEX "guidance_threads_counterpart_idx" ON "guidance_threads" USING btree ("counterpart_org_id","opened_at");--> statement-breakpoint
CREATE INDEX "hazard_events_hazard_idx" ON "hazard_events" USING btree ("hazard_id","at");--> statement-breakpoint
CREATE INDEX "hazards_enterprise_idx" ON "hazards" USING btree ("enterprise_id","status","deadline");--> statement-breakpoint
CREATE INDEX "hazards_inspection_idx" ON "hazards" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "hazards_finder_idx" ON "hazards" USING btree ("finder_org_id");--> statement-breakpoint
CREATE INDEX "hazards_unacknowledged_idx" ON "hazards" USING btree ("reported_at") WHERE reported_at IS NOT NULL AND bureau_acknowledged_at IS NULL;--> statement-breakpoint
CREATE INDEX "inspections_enterprise_idx" ON "inspections" USING btree ("enterprise_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_inspector_idx" ON "inspections" USING btree ("inspector_org_id","inspected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_policies_number_key" ON "insurance_policies" USING btree ("insurer_id","policy_number");--> statement-breakpoint
CREATE INDEX "insurance_policies_enterprise_idx" ON "insurance_policies" USING btree ("enterprise_id","end_date");--> statement-breakpoint
CREATE INDEX "risk_assessments_enterprise_idx" ON "risk_assessments" USING btree ("enterprise_id","assessed_on");--> statement-breakpoint
CREATE INDEX "rotation_assignments_cycle_idx" ON "rotation_assignments" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "rotation_assignments_inspector_idx" ON "rotation_assignments" USING btree ("inspector_enterprise_id");--> statement-breakpoint
CREATE INDEX "rotation_assignments_inspected_idx" ON "rotation_assignments" USING btree ("inspected_enterprise_id");--> statement-breakpoint
CREATE INDEX "rotation_cycles_group_idx" ON "rotation_cycles" USING btree ("group_id","starts_on");--> statement-breakpoint
CREATE INDEX "training_sessions_enterprise_idx" ON "training_sessions" USING btree ("enterprise_id","held_on");--> statement-breakpoint
CREATE INDEX "training_sessions_group_idx" ON "training_sessions" USING btree ("group_id","held_on");--> statement-breakpoint
CREATE INDEX "training_sessions_organiser_idx" ON "training_sessions" USING btree ("organiser_org_id","held_on");