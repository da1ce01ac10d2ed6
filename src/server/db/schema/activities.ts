import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const REVIEW_STATES = ['not-needed', 'pending', 'approved', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** A CE activity a certificant recorded (or a provider reported). Hours are integer hundredths. */
export const activities = pgTable(
  'activities',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    title: text('title').notNull(),
    provider: text('provider'),
    type: text('type').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    hundredths: integer('hundredths').notNull(),
    categories: text('categories').array().notNull().default([]),
    /** Approved by the body: sponsored, pre-approved (approval code) or approved in advance by a reviewer. */
    approved: boolean('approved').notNull().default(false),
    approvalCode: text('approval_code'),
    city: text('city'),
    region: text('region'),
    virtual: boolean('virtual').notNull().default(false),
    review: text('review').$type<ReviewState>().notNull().default('not-needed'),
    reviewReason: text('review_reason'),
    /** Set when a submitted renewal used the activity: from then on it cannot change. */
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.id] }), index('activities_person_idx').on(t.bodyId, t.personId, t.startDate)],
);

/** Evidence for an activity (a certificate, an agenda): metadata here, the bytes in file storage under `storageKey`. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.id] }), index('evidence_activity_idx').on(t.bodyId, t.activityId)],
);
