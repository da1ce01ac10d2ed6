import type { Hold } from '../../../core/compliance/deadlines';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** A certificant's record in one body. */
export const people = pgTable(
  'people',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The body's certificant number, printed on certificates and used by providers' rosters. */
    number: text('number').notNull(),
    /** Exactly as it will print on certificates. */
    legalName: text('legal_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    city: text('city'),
    region: text('region'),
    member: boolean('member').notNull().default(false),
    /** Where the body writes to the person, besides their sign-in addresses (lower-cased). */
    contactEmails: text('contact_emails').array().notNull().default([]),
    /** Set when an admin merged this record into another: the record stays, hidden, so the merge can be reversed. */
    mergedInto: uuid('merged_into'),
    /** Secret of the person's private iCal feed of deadlines; null until they ask for the feed. */
    calendarToken: text('calendar_token'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.id] }),
    unique('people_number_unique').on(t.bodyId, t.number),
    unique('people_calendar_token_unique').on(t.bodyId, t.calendarToken),
  ],
);

/** Certifications a person holds, with the award and the last cycle renewed. */
export const certifications = pgTable(
  'certifications',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    programId: text('program_id').notNull(),
    awarded: date('awarded', { mode: 'string' }).notNull(),
    renewedThrough: date('renewed_through', { mode: 'string' }),
    /*
     * The current cycle's state besides the calendar, read by the engine
     * (statusOn); written by the renewal, extension and standing use cases
     * in the same transaction as their own rows, and cleared on renewal.
     */
    /** The current cycle's due date as moved by a granted extension. */
    extendedTo: date('extended_to', { mode: 'string' }),
    /** The current cycle's renewal was submitted on this date and awaits a decision. */
    renewalSubmittedOn: date('renewal_submitted_on', { mode: 'string' }),
    /** An ethics suspension or withdrawal in force. */
    hold: text('hold').$type<Hold>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.id] }),
    unique('certifications_person_program_unique').on(t.bodyId, t.personId, t.programId),
  ],
);

/**
 * The figures of each certification's current cycle as last evaluated, and
 * the policy version they were judged under: overviews read these, and a
 * later policy edit never rewrites them for a cycle already judged.
 */
export const cycleResults = pgTable(
  'cycle_results',
  {
    bodyId: text('body_id').notNull(),
    certificationId: uuid('certification_id').notNull(),
    cycleStart: date('cycle_start', { mode: 'string' }).notNull(),
    cycleEnd: date('cycle_end', { mode: 'string' }).notNull(),
    policyVersion: integer('policy_version').notNull(),
    evaluatedOn: date('evaluated_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    compliant: boolean('compliant').notNull(),
    onPace: boolean('on_pace').notNull(),
    due: date('due', { mode: 'string' }).notNull(),
    summary: jsonb('summary').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.certificationId, t.cycleStart] }),
    index('cycle_results_status_idx').on(t.bodyId, t.status),
  ],
);

/**
 * An admin's merge of a duplicate record into the one that stays: what moved,
 * so that an admin can reverse it exactly. The merged record itself is kept
 * (people.merged_into), never deleted.
 */
export const personMerges = pgTable(
  'person_merges',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    survivorId: uuid('survivor_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    reason: text('reason').notNull(),
    mergedBy: uuid('merged_by').notNull(),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
    /** The ids that moved (certifications, activities, evidence files, sign-ins) and the survivor's contact e-mails before. */
    moved: jsonb('moved').$type<MergeMoved>().notNull(),
    reversedBy: uuid('reversed_by'),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
    reverseReason: text('reverse_reason'),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.id] }), index('person_merges_survivor_idx').on(t.bodyId, t.survivorId)],
);

export interface MergeMoved {
  certificationIds: string[];
  /** Certifications of a program the survivor already holds: they stay with the merged record. */
  keptApartCertificationIds: string[];
  keptApartPrograms: string[];
  activityIds: string[];
  evidenceIds: string[];
  /** Providers' attendance rows matched to the merged record (absent in merges from before attendance existed). */
  attendanceIds?: string[];
  /** The merged record's notices, moved to the survivor's inbox (absent in merges from before notices existed). */
  notificationIds?: string[];
  membershipUserIds: string[];
  survivorContactEmailsBefore: string[];
}
