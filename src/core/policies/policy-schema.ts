import { z } from 'zod';
import { asList, asObject, issueAdder, type AddIssue } from '../validation';
import { parseDate } from '../dates/calendar-date';

/**
 * A certification program's policy: every rule the product applies to that
 * program, as data. A new body is configured by writing one of these, not by
 * changing code. Amounts of money are integer cents in `fees.currency`.
 */

export const isoDateSchema = z.string('must be a date as YYYY-MM-DD').refine((value) => parseDate(value) !== null, {
  error: (issue) => `"${String(issue.input)}" is not a calendar date (YYYY-MM-DD)`,
});

const monthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a month-day as MM-DD')
  // 2000 is a leap year, so 02-29 is allowed (it is constrained to 02-28 in other years).
  .refine((value) => parseDate(`2000-${value}`) !== null, 'is not a day of the year');

const cents = z.number().int('must be whole cents').nonnegative('must not be negative');
const credits = z.number().finite().nonnegative('must not be negative');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

export const memberPriceSchema = z.strictObject({ member: cents, nonMember: cents });

/** Where a deadline falls, relative to the end of the cycle or to the due date. */
export const dateRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('offset'),
    from: z.enum(['cycle-end', 'due']),
    years: z.number().int().default(0),
    months: z.number().int().default(0),
    days: z.number().int().default(0),
  }),
  z.strictObject({
    kind: z.literal('month-day'),
    of: z.enum(['cycle-end', 'due']),
    monthDay: monthDaySchema,
    yearOffset: z.number().int().default(0),
  }),
]);

export const cycleSchema = z.discriminatedUnion('kind', [
  /** Anniversary cycles: award + n·k years to the day before award + n·(k+1) years. */
  z.strictObject({ kind: z.literal('anniversary'), years: z.number().int().min(1).max(10) }),
  /**
   * Fixed calendar cycles anchored on a month-day: each ends the day before the
   * anchor, n years apart, counted from the award year; the first starts at the award.
   */
  z.strictObject({ kind: z.literal('fixed'), years: z.number().int().min(1).max(10), anchor: monthDaySchema }),
]);

export const creditRuleSchema = z.discriminatedUnion('kind', [
  /** Each activity earns its hours, optionally up to a cap per activity. */
  z.strictObject({ kind: z.literal('hours'), maxPerActivity: credits.positive().optional() }),
  /** Each activity earns a set credit (never more than the hours claimed). */
  z.strictObject({ kind: z.literal('per-activity'), credits: credits.positive() }),
]);

export const activityTypeSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  credit: creditRuleSchema,
  /** Counts only when approved by the body in advance (e.g. TechServe's outside events). */
  requiresApproval: z.boolean().default(false),
});

export const minimumSchema = z.strictObject({
  key: slug,
  credits: credits,
  /** Which earned credit counts toward this minimum. */
  when: z.union([z.strictObject({ category: slug }), z.strictObject({ approved: z.literal(true) })]),
  /** The adjective used in plain words: "6 more *legal* contact hours". */
  term: z.string().min(1),
  description: z.string().min(1),
});

const requirementSchema = z.strictObject({
  total: credits,
  minimums: z.record(slug, credits).default({}),
});

export const sharingSchema = z.strictObject({
  /** Programs of one body that name the same group share their credit. */
  group: slug,
  /** What someone holding two or more programs of the group needs in total. */
  combined: requirementSchema,
  /** What they need when the combination is new this cycle (NAMSS: first dual recertification). */
  firstTimeCombined: requirementSchema.nullable().default(null),
});

export const examSchema = z.strictObject({
  questions: z.number().int().positive(),
  /** Pass marks in force from each date (`from: null` = since the beginning). */
  passMarks: z.array(z.strictObject({ from: isoDateSchema.nullable(), percent: z.number().min(0).max(100) })).min(1),
  timeLimitMinutes: z.number().int().positive().nullable(),
  /** The exam must be taken within this many months of registration. */
  windowMonths: z.number().int().positive().nullable(),
  retakes: z.strictObject({
    allowed: z.number().int().nonnegative(),
    withinMonths: z.number().int().positive().nullable(),
    fee: cents,
  }),
  results: z.strictObject({
    immediate: z.boolean(),
    sectionReport: z.boolean(),
    revealAnswers: z.boolean(),
    copyToEmployer: z.boolean(),
  }),
});

/** The notices a certificant can receive; each is sent at most once per cycle (or per decision). */
export const NOTICE_KINDS = [
  'window-open',
  'due-reminder',
  'late',
  'lapsed',
  'grace-ending',
  'expired',
  'renewal-submitted',
  'payment-received',
  'audit-selected',
  'renewal-approved',
  'renewal-returned',
  'extension-requested',
  'extension-decided',
  'standing-changed',
  'appeal-decided',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** When reminders go out; which notices a certificant cannot turn off. Notices are a courtesy, never the rule. */
export const notificationScheduleSchema = z.strictObject({
  /** Reminders this many days before the due date (the extended due date when one was granted). */
  beforeDue: z.array(z.number().int().positive().max(365)).default([90, 30, 7]),
  /** A reminder this many days before grace ends; null for none. */
  graceEndingDays: z.number().int().positive().max(365).nullable().default(30),
  /** Kinds the body sends to everyone regardless of their preferences. */
  mandatory: z.array(z.enum(NOTICE_KINDS)).default([]),
});

export const policySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must look like body/program'),
    version: z.number().int().positive(),
    body: slug,
    name: z.string().min(1),
    designation: z.string().min(1),
    summary: z.string().default(''),
    prerequisites: z
      .strictObject({ programs: z.array(z.string()).default([]), experienceYears: z.number().nonnegative().default(0) })
      .default({ programs: [], experienceYears: 0 }),
    ethics: z.strictObject({ title: z.string().min(1), tenets: z.array(z.string().min(1)).min(1) }).nullable(),
    cycle: cycleSchema,
    credit: z.strictObject({
      unit: z.strictObject({ one: z.string().min(1), many: z.string().min(1) }),
      total: credits,
      minimums: z.array(minimumSchema).default([]),
      recommendedPerYear: credits.nullable().default(null),
      sharing: sharingSchema.nullable().default(null),
    }),
    activityTypes: z.array(activityTypeSchema).min(1),
    /** How activity types not in the list count; null refuses them. */
    otherActivityTypes: z
      .strictObject({ credit: creditRuleSchema, requiresApproval: z.boolean().default(false) })
      .nullable()
      .default(null),
    renewal: z.strictObject({
      opens: dateRuleSchema.nullable(),
      due: dateRuleSchema,
      lateUntil: dateRuleSchema.nullable(),
      /** A check dated on or before the due date counts as on time. */
      checkDateCounts: z.boolean().default(false),
      /** Share of renewal applications drawn at random for audit (0..1); an audited one needs evidence for every activity. */
      auditShare: z.number().min(0).max(1).default(0),
      /** Staff aim to decide a paid renewal within this many days of payment (NAMSS: 3-4 weeks). */
      reviewTargetDays: z.number().int().positive().default(28),
    }),
    extension: z
      .strictObject({
        requestBy: dateRuleSchema,
        /** Local time in the body's time zone on the request date ("end of business day"). */
        requestByTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
        /** Share of the required credit that must be evidenced to request it (0..1). */
        evidenceShare: z.number().min(0).max(1),
        evidence: z.string().min(1),
        newDue: dateRuleSchema,
        alwaysAudited: z.boolean(),
      })
      .nullable(),
    lapse: z.strictObject({
      graceUntil: dateRuleSchema.nullable(),
      reinstatement: z.string().nullable(),
      afterGrace: z.enum(['new-exam', 'new-application']),
    }),
    exam: examSchema.nullable(),
    /** Staff decisions on a certification's standing (ethics suspension or withdrawal). */
    standing: z
      .strictObject({
        /** The person may appeal a suspension or withdrawal until this many days after the decision. */
        appealDays: z.number().int().positive().max(3650).default(30),
      })
      .default({ appealDays: 30 }),
    notifications: notificationScheduleSchema.default({ beforeDue: [90, 30, 7], graceEndingDays: 30, mandatory: [] }),
    fees: z.strictObject({
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
      certification: memberPriceSchema.nullable(),
      recertification: memberPriceSchema.nullable(),
      late: cents.nullable(),
      extension: cents.nullable(),
      reinstatement: cents.nullable(),
      packages: z
        .array(
          z.strictObject({
            id: slug,
            label: z.string().min(1),
            price: memberPriceSchema,
            soldSeparately: z.boolean(),
            bundlePrice: memberPriceSchema.nullable(),
          }),
        )
        .default([]),
    }),
    /**
     * Values the source pages do not give: present so the product runs, flagged
     * so nobody mistakes them for the body's rule. Each path names a field above.
     */
    configurable: z.array(z.strictObject({ path: z.string().min(1), reason: z.string().min(1) })).default([]),
    sources: z.array(z.string()).default([]),
  })
  .superRefine((parsed, ctx) => policyCrossFieldIssues(parsed, issueAdder(ctx)));

/**
 * Checks across fields. Zod skips them once any field fails, so parsers also
 * run them on the raw document then (see parseWithCrossChecks): one answer lists
 * every problem. Hence the defensive reads.
 */
export function policyCrossFieldIssues(parsed: unknown, issue: AddIssue): void {
  const policy = asObject(parsed);
  const typeIds = new Set<unknown>();
  asList(policy.activityTypes).forEach((type, index) => {
    const id = asObject(type).id;
    if (typeIds.has(id)) issue(['activityTypes', index, 'id'], `duplicate activity type "${String(id)}"`);
    typeIds.add(id);
  });
  const credit = asObject(policy.credit);
  const minimumKeys = new Set<unknown>();
  asList(credit.minimums).forEach((entry, index) => {
    const minimum = asObject(entry);
    if (minimumKeys.has(minimum.key)) issue(['credit', 'minimums', index, 'key'], `duplicate minimum "${String(minimum.key)}"`);
    minimumKeys.add(minimum.key);
    if (typeof minimum.credits === 'number' && typeof credit.total === 'number' && minimum.credits > credit.total) {
      issue(['credit', 'minimums', index, 'credits'], `must not exceed the total (${credit.total})`);
    }
  });
  const sharing = asObject(credit.sharing);
  for (const name of ['combined', 'firstTimeCombined'] as const) {
    for (const key of Object.keys(asObject(asObject(sharing[name]).minimums))) {
      if (!minimumKeys.has(key)) issue(['credit', 'sharing', name, 'minimums', key], `"${key}" is not one of credit.minimums`);
    }
  }
  const due = asObject(asObject(policy.renewal).due);
  if (due.from === 'due' || due.of === 'due') issue(['renewal', 'due'], 'the due date cannot be relative to itself');
  let lastFrom: unknown = null;
  asList(asObject(policy.exam).passMarks).forEach((mark, index) => {
    const from = asObject(mark).from;
    if (index > 0 && (from === null || (typeof lastFrom === 'string' && typeof from === 'string' && from <= lastFrom))) {
      issue(['exam', 'passMarks', index, 'from'], 'pass marks must be in date order, only the first without a date');
    }
    lastFrom = from;
  });
  asList(policy.configurable).forEach((entry, index) => {
    const path = asObject(entry).path;
    if (typeof path === 'string' && !hasPath(policy, path)) {
      issue(['configurable', index, 'path'], `"${path}" is not a field of this policy`);
    }
  });
}

/** Whether a dotted path names a field of the document (own fields only: not "constructor" or "__proto__"). */
function hasPath(root: unknown, path: string): boolean {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

export type PolicyInput = z.input<typeof policySchema>;
export type Policy = z.output<typeof policySchema>;
export type DateRule = z.output<typeof dateRuleSchema>;
export type CycleRule = z.output<typeof cycleSchema>;
export type CreditRule = z.output<typeof creditRuleSchema>;
export type ActivityType = z.output<typeof activityTypeSchema>;
export type Minimum = z.output<typeof minimumSchema>;
export type Requirement = z.output<typeof requirementSchema>;
export type MemberPrice = z.output<typeof memberPriceSchema>;
export type ExamPolicy = z.output<typeof examSchema>;
