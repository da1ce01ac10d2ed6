ALTER TABLE "people" ADD COLUMN "calendar_token" text;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_calendar_token_unique" UNIQUE("body_id","calendar_token");