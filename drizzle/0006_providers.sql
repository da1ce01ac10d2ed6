CREATE TABLE "appeal_votes" (
	"body_id" text NOT NULL,
	"appeal_id" uuid NOT NULL,
	"member_user_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"vote" text,
	"comment" text,
	"voted_at" timestamp with time zone,
	CONSTRAINT "appeal_votes_body_id_appeal_id_member_user_id_pk" PRIMARY KEY("body_id","appeal_id","member_user_id")
);
--> statement-breakpoint
CREATE TABLE "application_files" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_files_body_id_id_pk" PRIMARY KEY("body_id","id")
);
--> statement-breakpoint
CREATE TABLE "application_reviews" (
	"body_id" text NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"vote" text,
	"comment" text,
	"voted_at" timestamp with time zone,
	CONSTRAINT "application_reviews_body_id_application_id_reviewer_user_id_pk" PRIMARY KEY("body_id","application_id","reviewer_user_id")
);
--> statement-breakpoint
CREATE TABLE "application_versions" (
	"body_id" text NOT NULL,
	"application_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_versions_body_id_application_id_version_pk" PRIMARY KEY("body_id","application_id","version")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"decision_due" date,
	"paused_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision" jsonb,
	"fee_cents" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_body_id_id_pk" PRIMARY KEY("body_id","id")
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"offering_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"attendee_key" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"number" text,
	"completed_on" date NOT NULL,
	"hundredths" integer NOT NULL,
	"grade" text,
	"person_id" uuid,
	"activity_id" uuid,
	"matched_at" timestamp with time zone,
	"verification_code" text NOT NULL,
	"confirmation_issued_at" timestamp with time zone,
	"reported_by" uuid,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_body_id_id_pk" PRIMARY KEY("body_id","id"),
	CONSTRAINT "attendance_once" UNIQUE("body_id","offering_id","attendee_key","completed_on"),
	CONSTRAINT "attendance_verification_unique" UNIQUE("body_id","verification_code")
);
--> statement-breakpoint
CREATE TABLE "offerings" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"type" text NOT NULL,
	"virtual" boolean NOT NULL,
	"city" text,
	"region" text,
	"dates" date[] NOT NULL,
	"hundredths" integer NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"registration_contact" text NOT NULL,
	"registration_url" text,
	"approval_code" text NOT NULL,
	"recurring" boolean DEFAULT false NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offerings_body_id_id_pk" PRIMARY KEY("body_id","id"),
	CONSTRAINT "offerings_approval_code_unique" UNIQUE("body_id","approval_code")
);
--> statement-breakpoint
CREATE TABLE "provider_appeals" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"grounds" text NOT NULL,
	"filed_by" uuid NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "provider_appeals_body_id_id_pk" PRIMARY KEY("body_id","id"),
	CONSTRAINT "provider_appeals_notice_unique" UNIQUE("body_id","notice_id")
);
--> statement-breakpoint
CREATE TABLE "provider_notices" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"by_user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_notices_body_id_id_pk" PRIMARY KEY("body_id","id")
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"contact_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"website" text,
	"city" text,
	"region" text,
	"status" text DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"api_key_hash" text,
	"api_key_prefix" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_body_id_id_pk" PRIMARY KEY("body_id","id"),
	CONSTRAINT "providers_api_key_unique" UNIQUE("api_key_hash")
);
--> statement-breakpoint
ALTER TABLE "bodies" ADD COLUMN "document" jsonb;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "provider_id" uuid;--> statement-breakpoint
CREATE INDEX "application_files_application_idx" ON "application_files" USING btree ("body_id","application_id");--> statement-breakpoint
CREATE INDEX "applications_provider_idx" ON "applications" USING btree ("body_id","provider_id");--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "applications" USING btree ("body_id","status","decision_due");--> statement-breakpoint
CREATE INDEX "attendance_unmatched_idx" ON "attendance" USING btree ("body_id","email");--> statement-breakpoint
CREATE INDEX "attendance_person_idx" ON "attendance" USING btree ("body_id","person_id");--> statement-breakpoint
CREATE INDEX "offerings_calendar_idx" ON "offerings" USING btree ("body_id","valid_until");--> statement-breakpoint
CREATE INDEX "offerings_provider_idx" ON "offerings" USING btree ("body_id","provider_id");--> statement-breakpoint
CREATE INDEX "provider_notices_provider_idx" ON "provider_notices" USING btree ("body_id","provider_id","at");