CREATE TABLE "scheduled_runs" (
	"body_id" text NOT NULL,
	"job" text NOT NULL,
	"as_of" date NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"result" jsonb,
	CONSTRAINT "scheduled_runs_body_id_job_as_of_pk" PRIMARY KEY("body_id","job","as_of")
);
