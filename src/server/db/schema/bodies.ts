import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** A credentialing body: the tenant, and the distribution key of every body-scoped table. */
export const bodies = pgTable('bodies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  /** The whole body document (core/policies/body-schema.ts): its provider program and what is configurable. */
  document: jsonb('document'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A certification program and the policy version currently in force. */
export const programs = pgTable(
  'programs',
  {
    bodyId: text('body_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    designation: text('designation').notNull(),
    currentVersion: integer('current_version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.id] })],
);

/** Every version of every policy ever in force: results name the version they were judged under. */
export const policyVersions = pgTable(
  'policy_versions',
  {
    bodyId: text('body_id').notNull(),
    programId: text('program_id').notNull(),
    version: integer('version').notNull(),
    policy: jsonb('policy').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.programId, t.version] })],
);
