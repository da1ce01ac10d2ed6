DROP INDEX "attendance_unmatched_idx";--> statement-breakpoint
CREATE INDEX "attendance_unmatched_number_idx" ON "attendance" USING btree ("body_id","number") WHERE "attendance"."person_id" is null;--> statement-breakpoint
CREATE INDEX "attendance_unconfirmed_idx" ON "attendance" USING btree ("body_id","completed_on") WHERE "attendance"."confirmation_issued_at" is null;--> statement-breakpoint
CREATE INDEX "attendance_unmatched_idx" ON "attendance" USING btree ("body_id","email") WHERE "attendance"."person_id" is null;