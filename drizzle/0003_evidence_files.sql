CREATE TABLE "evidence_files" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_body_id_id_pk" PRIMARY KEY("body_id","id")
);
--> statement-breakpoint
CREATE INDEX "evidence_activity_idx" ON "evidence_files" USING btree ("body_id","activity_id");