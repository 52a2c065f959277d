CREATE TYPE "public"."register_import_status" AS ENUM('previewed', 'done');--> statement-breakpoint
CREATE TABLE "register_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bureau_org_id" uuid NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"status" "register_import_status" DEFAULT 'previewed' NOT NULL,
	"rows" jsonb NOT NULL,
	"total" integer NOT NULL,
	"created" integer,
	"updated" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "register_imports" ADD CONSTRAINT "register_imports_bureau_org_id_organisations_id_fk" FOREIGN KEY ("bureau_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_imports" ADD CONSTRAINT "register_imports_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "register_imports_bureau_idx" ON "register_imports" USING btree ("bureau_org_id","created_at");