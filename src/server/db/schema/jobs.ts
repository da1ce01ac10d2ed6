import { date, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per body, job and date the scheduler ran (or is running): the
 * claim that keeps two server processes from doing the same day's work, and
 * the record of what each run did. A job itself is idempotent: running it
 * again for a date (`recert tick --as-of`) gives the same result.
 */
export const scheduledRuns = pgTable(
  'scheduled_runs',
  {
    bodyId: text('body_id').notNull(),
    job: text('job').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    result: jsonb('result'),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.job, t.asOf] })],
);
