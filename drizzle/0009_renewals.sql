CREATE TABLE "extensions" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"certification_id" uuid NOT NULL,
	"cycle_start" date NOT NULL,
	"cycle_end" date NOT NULL,
	"state" text DEFAULT 'requested' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by" uuid,
	"activity_ids" uuid[] NOT NULL,
	"evidenced_hundredths" integer NOT NULL,
	"reason" text,
	"new_due" date NOT NULL,
	"invoice_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	CONSTRAINT "extensions_body_id_id_pk" PRIMARY KEY("body_id","id")
);
--> statement-breakpoint
CREATE TABLE "invoice_credits" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"cents" integer NOT NULL,
	"line_code" text,
	"reason" text NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_credits_body_id_id_pk" PRIMARY KEY("body_id","id")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"person_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"lines" jsonb NOT NULL,
	"total_cents" integer NOT NULL,
	"issued_on" date NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"on_time_through" date,
	"pay_token" text NOT NULL,
	"paid_on" date,
	CONSTRAINT "invoices_body_id_id_pk" PRIMARY KEY("body_id","id"),
	CONSTRAINT "invoices_number_unique" UNIQUE("body_id","number"),
	CONSTRAINT "invoices_pay_token_unique" UNIQUE("body_id","pay_token")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"body_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_body_id_person_id_kind_pk" PRIMARY KEY("body_id","person_id","kind")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"notice_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"email_claimed_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	"email_skipped" text,
	CONSTRAINT "notifications_body_id_id_pk" PRIMARY KEY("body_id","id"),
	CONSTRAINT "notifications_key_unique" UNIQUE("body_id","person_id","key")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"method" text NOT NULL,
	"cents" integer NOT NULL,
	"payer_kind" text NOT NULL,
	"payer_name" text NOT NULL,
	"check_number" text,
	"check_written_on" date,
	"received_on" date NOT NULL,
	"provider" text,
	"provider_reference" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_body_id_id_pk" PRIMARY KEY("body_id","id"),
	CONSTRAINT "payments_provider_reference_unique" UNIQUE("body_id","provider","provider_reference")
);
--> statement-breakpoint
CREATE TABLE "renewal_items" (
	"body_id" text NOT NULL,
	"renewal_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"hundredths" integer NOT NULL,
	"decision" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "renewal_items_body_id_renewal_id_activity_id_pk" PRIMARY KEY("body_id","renewal_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "renewals" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"certification_id" uuid NOT NULL,
	"program_id" text NOT NULL,
	"cycle_start" date NOT NULL,
	"cycle_end" date NOT NULL,
	"policy_version" integer NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"phase" text NOT NULL,
	"submitted_on" date NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"automatic" boolean DEFAULT false NOT NULL,
	"ethics_attestation" jsonb,
	"figures" jsonb NOT NULL,
	"audit_selected" boolean DEFAULT false NOT NULL,
	"audit_draw" jsonb,
	"invoice_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reasons" text[] DEFAULT '{}' NOT NULL,
	"renewed_through" date,
	CONSTRAINT "renewals_body_id_id_pk" PRIMARY KEY("body_id","id")
);
--> statement-breakpoint
CREATE TABLE "standing_decisions" (
	"body_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"certification_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"appeal_by" date,
	"appeal_text" text,
	"appealed_at" timestamp with time zone,
	"appeal_outcome" text,
	"appeal_decided_by" uuid,
	"appeal_decided_at" timestamp with time zone,
	"appeal_decision_reason" text,
	CONSTRAINT "standing_decisions_body_id_id_pk" PRIMARY KEY("body_id","id")
);
--> statement-breakpoint
ALTER TABLE "certifications" ADD COLUMN "extended_to" date;--> statement-breakpoint
ALTER TABLE "certifications" ADD COLUMN "renewal_submitted_on" date;--> statement-breakpoint
ALTER TABLE "certifications" ADD COLUMN "hold" text;--> statement-breakpoint
CREATE INDEX "extensions_certification_idx" ON "extensions" USING btree ("body_id","certification_id","cycle_start");--> statement-breakpoint
CREATE INDEX "invoice_credits_invoice_idx" ON "invoice_credits" USING btree ("body_id","invoice_id");--> statement-breakpoint
CREATE INDEX "invoices_person_idx" ON "invoices" USING btree ("body_id","person_id");--> statement-breakpoint
CREATE INDEX "invoices_subject_idx" ON "invoices" USING btree ("body_id","subject","subject_id");--> statement-breakpoint
CREATE INDEX "notifications_person_idx" ON "notifications" USING btree ("body_id","person_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_email_idx" ON "notifications" USING btree ("body_id","emailed_at");--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("body_id","invoice_id");--> statement-breakpoint
CREATE INDEX "renewals_certification_idx" ON "renewals" USING btree ("body_id","certification_id","cycle_start");--> statement-breakpoint
CREATE INDEX "renewals_state_idx" ON "renewals" USING btree ("body_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "renewals_person_idx" ON "renewals" USING btree ("body_id","person_id");--> statement-breakpoint
CREATE INDEX "standing_decisions_certification_idx" ON "standing_decisions" USING btree ("body_id","certification_id");