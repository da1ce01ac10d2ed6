CREATE TABLE "bodies" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"body_id" text NOT NULL,
	"program_id" text NOT NULL,
	"version" integer NOT NULL,
	"policy" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_versions_body_id_program_id_version_pk" PRIMARY KEY("body_id","program_id","version")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"body_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"designation" text NOT NULL,
	"current_version" integer NOT NULL,
	CONSTRAINT "programs_body_id_id_pk" PRIMARY KEY("body_id","id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"body_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_body_id_user_id_role_pk" PRIMARY KEY("body_id","user_id","role")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_emails" (
	"email" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "certifications" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"program_id" text NOT NULL,
	"awarded" date NOT NULL,
	"renewed_through" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certifications_body_id_id_pk" PRIMARY KEY("body_id","id"),
	CONSTRAINT "certifications_person_program_unique" UNIQUE("body_id","person_id","program_id")
);
--> statement-breakpoint
CREATE TABLE "cycle_results" (
	"body_id" text NOT NULL,
	"certification_id" uuid NOT NULL,
	"cycle_start" date NOT NULL,
	"cycle_end" date NOT NULL,
	"policy_version" integer NOT NULL,
	"evaluated_on" date NOT NULL,
	"status" text NOT NULL,
	"compliant" boolean NOT NULL,
	"on_pace" boolean NOT NULL,
	"due" date NOT NULL,
	"summary" jsonb NOT NULL,
	CONSTRAINT "cycle_results_body_id_certification_id_cycle_start_pk" PRIMARY KEY("body_id","certification_id","cycle_start")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"legal_name" text NOT NULL,
	"birth_date" date,
	"city" text,
	"region" text,
	"member" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_body_id_id_pk" PRIMARY KEY("body_id","id"),
	CONSTRAINT "people_number_unique" UNIQUE("body_id","number")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"provider" text,
	"type" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"hundredths" integer NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"approved" boolean DEFAULT false NOT NULL,
	"approval_code" text,
	"city" text,
	"region" text,
	"virtual" boolean DEFAULT false NOT NULL,
	"review" text DEFAULT 'not-needed' NOT NULL,
	"review_reason" text,
	"locked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_body_id_id_pk" PRIMARY KEY("body_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"body_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"person_id" uuid,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	CONSTRAINT "audit_log_body_id_id_pk" PRIMARY KEY("body_id","id")
);
--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_emails_user_idx" ON "user_emails" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cycle_results_status_idx" ON "cycle_results" USING btree ("body_id","status");--> statement-breakpoint
CREATE INDEX "activities_person_idx" ON "activities" USING btree ("body_id","person_id","start_date");--> statement-breakpoint
CREATE INDEX "audit_log_person_idx" ON "audit_log" USING btree ("body_id","person_id","at");