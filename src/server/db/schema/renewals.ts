import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/*
 * Recertification: renewal applications and their audits, extensions, the
 * invoices and payments they raise, staff decisions on a certification's
 * standing, and the notices people receive. Every table is keyed by body.
 */

export const RENEWAL_STATES = ['submitted', 'returned', 'approved', 'withdrawn'] as const;
export type RenewalState = (typeof RENEWAL_STATES)[number];

/** Which phase of the cycle a renewal was submitted in (decides its fees). */
export const RENEWAL_PHASES = ['on-time', 'late', 'grace'] as const;
export type RenewalPhaseName = (typeof RENEWAL_PHASES)[number];

/**
 * A certificant's application to renew one certification for one cycle. The
 * submitted activities and the ethics attestation are frozen in the row; a
 * returned application can be submitted again (a new row; the old one stays).
 * At most one application per cycle is open (submitted) at a time.
 */
export const renewals = pgTable(
  'renewals',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    certificationId: uuid('certification_id').notNull(),
    programId: text('program_id').notNull(),
    cycleStart: date('cycle_start', { mode: 'string' }).notNull(),
    cycleEnd: date('cycle_end', { mode: 'string' }).notNull(),
    policyVersion: integer('policy_version').notNull(),
    state: text('state').$type<RenewalState>().notNull().default('submitted'),
    phase: text('phase').$type<RenewalPhaseName>().notNull(),
    /** Calendar date of submission in the body's time zone. */
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid('submitted_by'),
    /** True for a renewal the scheduler made at the cycle end of a program without a window (TechServe). */
    automatic: boolean('automatic').notNull().default(false),
    /** The code of ethics as attested (title and tenets), null when the program has none. */
    ethicsAttestation: jsonb('ethics_attestation').$type<{ title: string; tenets: string[]; attestedAt: string } | null>(),
    /** The engine's figures for the submitted activities at submission (required, earned, missing). */
    figures: jsonb('figures').notNull(),
    auditSelected: boolean('audit_selected').notNull().default(false),
    /** The recorded draw: seed, the value drawn, the policy's share, or why the audit is compulsory. */
    auditDraw: jsonb('audit_draw').$type<AuditDraw | null>(),
    invoiceId: uuid('invoice_id'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Reasons given when returned (or withdrawn). */
    decisionReasons: text('decision_reasons').array().notNull().default([]),
    /** The cycle the certification was renewed through on approval. */
    renewedThrough: date('renewed_through', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.id] }),
    index('renewals_certification_idx').on(t.bodyId, t.certificationId, t.cycleStart),
    index('renewals_state_idx').on(t.bodyId, t.state, t.submittedAt),
    index('renewals_person_idx').on(t.bodyId, t.personId),
  ],
);

export interface AuditDraw {
  /** Why this application was (or was not) audited. */
  rule: 'random' | 'extension' | 'reinstatement' | 'staff';
  seed?: string;
  /** The value in [0, 1) the seed gave; audited when below the share. */
  value?: number;
  share?: number;
}

export const EVIDENCE_DECISIONS = ['pending', 'accepted', 'rejected'] as const;
export type EvidenceDecision = (typeof EVIDENCE_DECISIONS)[number];

/** One activity submitted with a renewal, and, when audited, the reviewer's decision on its evidence. */
export const renewalItems = pgTable(
  'renewal_items',
  {
    bodyId: text('body_id').notNull(),
    renewalId: uuid('renewal_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    /** Credit the engine gave the activity at submission, in hundredths. */
    hundredths: integer('hundredths').notNull(),
    decision: text('decision').$type<EvidenceDecision>().notNull().default('pending'),
    reason: text('reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.renewalId, t.activityId] })],
);

export const EXTENSION_STATES = ['requested', 'granted', 'refused', 'withdrawn'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

/** A request to move a cycle's due date (NAMSS: to June 1), with evidence for part of the credit. */
export const extensions = pgTable(
  'extensions',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    certificationId: uuid('certification_id').notNull(),
    cycleStart: date('cycle_start', { mode: 'string' }).notNull(),
    cycleEnd: date('cycle_end', { mode: 'string' }).notNull(),
    state: text('state').$type<ExtensionState>().notNull().default('requested'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    requestedBy: uuid('requested_by'),
    /** The activities whose evidence supports the request, and the credit they carry. */
    activityIds: uuid('activity_ids').array().notNull(),
    evidencedHundredths: integer('evidenced_hundredths').notNull(),
    reason: text('reason'),
    /** The due date the extension moves to, from the policy. */
    newDue: date('new_due', { mode: 'string' }).notNull(),
    invoiceId: uuid('invoice_id'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.id] }),
    index('extensions_certification_idx').on(t.bodyId, t.certificationId, t.cycleStart),
  ],
);

export const INVOICE_SUBJECTS = ['renewal', 'extension'] as const;
export type InvoiceSubject = (typeof INVOICE_SUBJECTS)[number];

export interface InvoiceLine {
  /** recertification, late, reinstatement, extension */
  code: string;
  label: string;
  cents: number;
}

/**
 * An invoice: written once, never edited. A correction is a credit
 * (invoice_credits); what is owed is the total less credits less payments.
 * `paidOn` records when that first reached zero (a state, not an amount).
 */
export const invoices = pgTable(
  'invoices',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Printed number, sequential per body: NAMSS-2026-000123. */
    number: text('number').notNull(),
    personId: uuid('person_id').notNull(),
    subject: text('subject').$type<InvoiceSubject>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    currency: text('currency').notNull(),
    lines: jsonb('lines').$type<InvoiceLine[]>().notNull(),
    totalCents: integer('total_cents').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * A check dated on or before this date pays the invoice as if on time
     * (its late and reinstatement lines are credited); null when the policy has no such rule.
     */
    onTimeThrough: date('on_time_through', { mode: 'string' }),
    /** Secret of the pay link a certificant can give their employer. */
    payToken: text('pay_token').notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.id] }),
    unique('invoices_number_unique').on(t.bodyId, t.number),
    unique('invoices_pay_token_unique').on(t.bodyId, t.payToken),
    index('invoices_person_idx').on(t.bodyId, t.personId),
    index('invoices_subject_idx').on(t.bodyId, t.subject, t.subjectId),
  ],
);

/** A credit against an invoice: the only way an amount owed changes. */
export const invoiceCredits = pgTable(
  'invoice_credits',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    invoiceId: uuid('invoice_id').notNull(),
    cents: integer('cents').notNull(),
    /** The invoice line credited, when a whole line is (e.g. the late fee of a check dated on time). */
    lineCode: text('line_code'),
    reason: text('reason').notNull(),
    /** Null when the rule credited it by itself. */
    byUserId: uuid('by_user_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.id] }), index('invoice_credits_invoice_idx').on(t.bodyId, t.invoiceId)],
);

export const PAYMENT_METHODS = ['check', 'card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/**
 * pending: a card charge reserved under the invoice's lock and sent to the
 * provider, not yet answered (it blocks another charge but is not paid);
 * succeeded: money received. A declined charge's row is deleted.
 */
export const PAYMENT_STATUSES = ['pending', 'succeeded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Money received against an invoice: a check staff recorded, or a card payment through the payment provider. */
export const payments = pgTable(
  'payments',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    invoiceId: uuid('invoice_id').notNull(),
    method: text('method').$type<PaymentMethod>().notNull(),
    cents: integer('cents').notNull(),
    status: text('status').$type<PaymentStatus>().notNull().default('succeeded'),
    /** Who paid: the certificant, or an employer paying for them. */
    payerKind: text('payer_kind').$type<'person' | 'employer'>().notNull(),
    payerName: text('payer_name').notNull(),
    checkNumber: text('check_number'),
    /** The date written on the check. */
    checkWrittenOn: date('check_written_on', { mode: 'string' }),
    /** The date the money arrived (body's time zone). */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** The payment provider and its reference for card payments (idempotency: one payment per reference). */
    provider: text('provider'),
    providerReference: text('provider_reference'),
    /** The payer's key for one card payment attempt: a retried request finds the payment it made. */
    idempotencyKey: text('idempotency_key'),
    /** What identifies the card on a receipt; the number itself is never stored. */
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.id] }),
    index('payments_invoice_idx').on(t.bodyId, t.invoiceId),
    unique('payments_provider_reference_unique').on(t.bodyId, t.provider, t.providerReference),
    unique('payments_idempotency_key_unique').on(t.bodyId, t.invoiceId, t.idempotencyKey),
  ],
);

export const STANDING_ACTIONS = ['suspend', 'withdraw', 'restore'] as const;
export type StandingAction = (typeof STANDING_ACTIONS)[number];

/**
 * A staff decision on a certification's standing (ethics): suspend, withdraw,
 * or restore, with the reason; the person may appeal a suspension or
 * withdrawal until `appealBy`. The certification's `hold` mirrors the latest.
 */
export const standingDecisions = pgTable(
  'standing_decisions',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    certificationId: uuid('certification_id').notNull(),
    personId: uuid('person_id').notNull(),
    action: text('action').$type<StandingAction>().notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    appealBy: date('appeal_by', { mode: 'string' }),
    appealText: text('appeal_text'),
    appealedAt: timestamp('appealed_at', { withTimezone: true }),
    appealOutcome: text('appeal_outcome').$type<'upheld' | 'overturned'>(),
    appealDecidedBy: uuid('appeal_decided_by'),
    appealDecidedAt: timestamp('appeal_decided_at', { withTimezone: true }),
    appealDecisionReason: text('appeal_decision_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.id] }),
    index('standing_decisions_certification_idx').on(t.bodyId, t.certificationId),
  ],
);

/**
 * A notice to a certificant: shown in their inbox and e-mailed. `key` makes
 * each notice happen once (e.g. `due-reminder:<certification>:<cycle>:30`),
 * whoever or however often the scheduler runs.
 */
export const notifications = pgTable(
  'notifications',
  {
    bodyId: text('body_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A path in the web app the notice links to. */
    link: text('link'),
    /** The date the notice is for (body's time zone), e.g. the tick's date. */
    noticeOn: date('notice_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** E-mail delivery: claimed before sending, so a restart never sends twice. */
    emailClaimedAt: timestamp('email_claimed_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    /** Why no e-mail went: the person turned this kind off, or has no address. */
    emailSkipped: text('email_skipped'),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.id] }),
    unique('notifications_key_unique').on(t.bodyId, t.personId, t.key),
    index('notifications_person_idx').on(t.bodyId, t.personId, t.createdAt),
    index('notifications_email_idx').on(t.bodyId, t.emailedAt),
  ],
);

/** Kinds of notice a certificant has turned off (mandatory kinds are sent regardless). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    bodyId: text('body_id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.personId, t.kind] })],
);
