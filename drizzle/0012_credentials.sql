CREATE TABLE "credential_keys" (
	"body_id" text NOT NULL,
	"kid" text NOT NULL,
	"alg" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_jwk_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "credential_keys_body_id_kid_pk" PRIMARY KEY("body_id","kid")
);
--> statement-breakpoint
CREATE TABLE "credential_status_lists" (
	"body_id" text NOT NULL,
	"list" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credential_status_lists_body_id_list_pk" PRIMARY KEY("body_id","list")
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"certification_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"program_id" text NOT NULL,
	"holder_name" text NOT NULL,
	"certificate_number" text NOT NULL,
	"awarded" date NOT NULL,
	"cycle_start" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"issue_reason" text NOT NULL,
	"status_list" integer NOT NULL,
	"status_index" integer NOT NULL,
	"revoked" boolean DEFAULT false NOT NULL,
	"revocation_reason" text,
	"revoked_at" timestamp with time zone,
	"suspended" boolean DEFAULT false NOT NULL,
	"suspension_reason" text,
	"superseded_by" uuid,
	"judged_on" date NOT NULL,
	"jwt" text,
	"kid" text,
	CONSTRAINT "credentials_body_id_id_pk" PRIMARY KEY("body_id","id"),
	CONSTRAINT "credentials_status_index_unique" UNIQUE("body_id","status_list","status_index")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "credential_keys_current_unique" ON "credential_keys" USING btree ("body_id") WHERE "credential_keys"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "credentials_certification_idx" ON "credentials" USING btree ("body_id","certification_id","issued_at");--> statement-breakpoint
CREATE INDEX "credentials_person_idx" ON "credentials" USING btree ("body_id","person_id");--> statement-breakpoint
CREATE INDEX "credentials_public_id_idx" ON "credentials" USING btree ("id");