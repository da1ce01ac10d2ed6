import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only record of every state change: who, when, what, before and after.
 * No code path updates or deletes a row (and the migration revokes it where
 * the database allows).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    bodyId: text('body_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The person the change concerns, so admins can browse a person's history. */
    personId: uuid('person_id'),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.id] }), index('audit_log_person_idx').on(t.bodyId, t.personId, t.at)],
);
