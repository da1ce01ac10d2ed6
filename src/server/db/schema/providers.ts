import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

import type { ProviderKind, ProviderStatus } from '../../providers/provider-kinds';

export { PROVIDER_KINDS, PROVIDER_STATUSES, type ProviderKind, type ProviderStatus } from '../../providers/provider-kinds';

/** A CE provider (sponsor) of one body. Its users are memberships with role `provider` and this provider's id. */
export const providers = pgTable(
  'providers',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<ProviderKind>().notNull(),
    contactName: text('contact_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    website: text('website'),
    city: text('city'),
    region: text('region'),
    status: text('status').$type<ProviderStatus>().notNull().default('active'),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    /** SHA-256 of the provider's API key for attendance reporting; the key itself is shown once. */
    apiKeyHash: text('api_key_hash'),
    /** The key's first characters, so people can tell which key is in use. */
    apiKeyPrefix: text('api_key_prefix'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.id] }), unique('providers_api_key_unique').on(t.apiKeyHash)],
);

/** Staff monitoring of a provider: notes, warnings, suspensions, terminations, reinstatements. */
export const providerNotices = pgTable(
  'provider_notices',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    providerId: uuid('provider_id').notNull(),
    kind: text('kind').$type<'note' | 'warning' | 'suspension' | 'termination' | 'reinstatement'>().notNull(),
    text: text('text').notNull(),
    byUserId: uuid('by_user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.id] }), index('provider_notices_provider_idx').on(t.bodyId, t.providerId, t.at)],
);

export const APPLICATION_STATUSES = ['draft', 'submitted', 'info-requested', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * A provider's application for pre-approval of an offering. `content` is the
 * editable draft; each submission freezes a copy in application_versions.
 * The decision clock runs from the first submission and pauses while more
 * information is asked for.
 */
export const applications = pgTable(
  'applications',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    providerId: uuid('provider_id').notNull(),
    status: text('status').$type<ApplicationStatus>().notNull().default('draft'),
    content: jsonb('content').notNull(),
    /** The last submitted version (0 while a draft that was never submitted). */
    version: integer('version').notNull().default(0),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    /** The date the decision is due, in the body's time zone; moves later by the days the clock was paused. */
    decisionDue: date('decision_due', { mode: 'string' }),
    /** When more information was asked for (the clock is paused until the provider resubmits). */
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    /** The coordinator's decision: outcome, reasons, approved hours and categories, changes asked for. */
    decision: jsonb('decision'),
    feeCents: integer('fee_cents').notNull().default(0),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.id] }),
    index('applications_provider_idx').on(t.bodyId, t.providerId),
    index('applications_queue_idx').on(t.bodyId, t.status, t.decisionDue),
  ],
);

/** Each submitted version of an application, frozen. */
export const applicationVersions = pgTable(
  'application_versions',
  {
    bodyId: text('body_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    /** The ids of the files attached at submission. */
    fileIds: uuid('file_ids').array().notNull().default([]),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.applicationId, t.version] })],
);

/** Resumes, syllabi and other files of an application; bytes in file storage. Never changed once a version names them. */
export const applicationFiles = pgTable(
  'application_files',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    kind: text('kind').$type<'resume' | 'syllabus' | 'agenda' | 'other'>().notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    /** Removed from the draft (still kept if a submitted version names it). */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.id] }), index('application_files_application_idx').on(t.bodyId, t.applicationId)],
);

export const VOTES = ['approve', 'approve-with-changes', 'more-information', 'reject'] as const;
export type Vote = (typeof VOTES)[number];

/** Committee members assigned to an application, and their votes. */
export const applicationReviews = pgTable(
  'application_reviews',
  {
    bodyId: text('body_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    reviewerUserId: uuid('reviewer_user_id').notNull(),
    assignedBy: uuid('assigned_by').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    vote: text('vote').$type<Vote>(),
    comment: text('comment'),
    votedAt: timestamp('voted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.applicationId, t.reviewerUserId] })],
);

/**
 * An approved offering: what the public calendar lists, what rosters report
 * against, and what an approval code proves. Its hours and categories are the
 * approved ones, which may differ from those proposed.
 */
export const offerings = pgTable(
  'offerings',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** An activity type of the body's programs (course, conference, workshop, symposium, webinar, recurring course). */
    type: text('type').notNull(),
    virtual: boolean('virtual').notNull(),
    city: text('city'),
    region: text('region'),
    /** Planned dates of the offering, in order. */
    dates: date('dates', { mode: 'string' }).array().notNull(),
    hundredths: integer('hundredths').notNull(),
    categories: text('categories').array().notNull().default([]),
    registrationContact: text('registration_contact').notNull(),
    registrationUrl: text('registration_url'),
    approvalCode: text('approval_code').notNull(),
    recurring: boolean('recurring').notNull().default(false),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** Set when the approval was withdrawn (the provider was terminated): off the calendar, codes no longer valid after it. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.id] }),
    unique('offerings_approval_code_unique').on(t.bodyId, t.approvalCode),
    index('offerings_calendar_idx').on(t.bodyId, t.validUntil),
    index('offerings_provider_idx').on(t.bodyId, t.providerId),
  ],
);

/**
 * One attendee of an offering as the provider reported them. Rows are kept
 * even when no certificant matches yet (matched later, when the person
 * registers or adds the e-mail). A re-upload never duplicates: one row per
 * offering, attendee and completion date. Kept at least the body's
 * records period (nothing deletes earlier; a later purge is logged).
 */
export const attendance = pgTable(
  'attendance',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    offeringId: uuid('offering_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    /** The identity the provider gave: `number:<certificant number>` or `email:<address>`. */
    attendeeKey: text('attendee_key').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    number: text('number'),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    hundredths: integer('hundredths').notNull(),
    grade: text('grade'),
    personId: uuid('person_id'),
    /** The activity this row put on the certificant's transcript. */
    activityId: uuid('activity_id'),
    matchedAt: timestamp('matched_at', { withTimezone: true }),
    /** Printed on the confirmation of completion; anyone can check it. */
    verificationCode: text('verification_code').notNull(),
    confirmationIssuedAt: timestamp('confirmation_issued_at', { withTimezone: true }),
    reportedBy: uuid('reported_by'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.id] }),
    unique('attendance_once').on(t.bodyId, t.offeringId, t.attendeeKey, t.completedOn),
    unique('attendance_verification_unique').on(t.bodyId, t.verificationCode),
    // Later matching looks for a new person's number and e-mails among the rows still unmatched.
    index('attendance_unmatched_idx')
      .on(t.bodyId, t.email)
      .where(sql`${t.personId} is null`),
    index('attendance_unmatched_number_idx')
      .on(t.bodyId, t.number)
      .where(sql`${t.personId} is null`),
    index('attendance_person_idx').on(t.bodyId, t.personId),
    // Confirmations still to issue: the follow-up after a roster, and staff's list of those past their window.
    index('attendance_unconfirmed_idx')
      .on(t.bodyId, t.completedOn)
      .where(sql`${t.confirmationIssuedAt} is null`),
  ],
);

/** A terminated provider's appeal to the Review and Appeals Committee. */
export const providerAppeals = pgTable(
  'provider_appeals',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    providerId: uuid('provider_id').notNull(),
    /** The termination notice appealed against. */
    noticeId: uuid('notice_id').notNull(),
    grounds: text('grounds').notNull(),
    filedBy: uuid('filed_by').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').$type<'open' | 'upheld' | 'overturned'>().notNull().default('open'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.id] }), unique('provider_appeals_notice_unique').on(t.bodyId, t.noticeId)],
);

/** Members of the Review and Appeals Committee on one appeal, and their votes. */
export const appealVotes = pgTable(
  'appeal_votes',
  {
    bodyId: text('body_id').notNull(),
    appealId: uuid('appeal_id').notNull(),
    memberUserId: uuid('member_user_id').notNull(),
    assignedBy: uuid('assigned_by').notNull(),
    /** `uphold` keeps the termination; `overturn` lifts it. */
    vote: text('vote').$type<'uphold' | 'overturn'>(),
    comment: text('comment'),
    votedAt: timestamp('voted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.appealId, t.memberUserId] })],
);
