import { z } from 'zod';
import { STATUSES, type Hold } from './deadlines';

/** One certification a person holds. Dates are YYYY-MM-DD calendar dates. */
export interface CertificationInput {
  program: string;
  awarded: string;
  /** End date of the last cycle already renewed. */
  renewedThrough?: string | null;
  /** The current cycle's due date as moved by a granted extension. */
  extendedTo?: string | null;
  /** The current cycle's renewal was submitted on this date and is not yet decided. */
  renewalSubmittedOn?: string | null;
  /** A staff decision (ethics) that overrides the calendar. */
  hold?: Hold | null;
}

export interface ActivityInput {
  id: string;
  type: string;
  /** Date of the activity (its first day when it spans several). */
  date: string;
  /** Last day of a multi-day activity; credit is earned on this date. */
  endDate?: string | null;
  hours: number;
  categories?: readonly string[];
  approved?: boolean;
  title?: string;
}

export interface EvaluateInput {
  asOf: string;
  certifications: readonly CertificationInput[];
  activities: readonly ActivityInput[];
}

const figuresSchema = z.object({ total: z.number(), minimums: z.record(z.string(), z.number()) });
const date = z.string().describe('YYYY-MM-DD');

export const creditReasonSchema = z.enum([
  'type-not-accepted',
  'after-as-of',
  'before-award',
  'outside-cycle',
  'not-approved',
  'capped',
]);

export const creditLineSchema = z.object({
  activity: z.string(),
  claimed: z.number(),
  credits: z.number(),
  /** Present when the activity counts less than claimed. */
  reason: creditReasonSchema.optional(),
  explanation: z.string().optional(),
  /** Minimum keys this activity's credit counts toward (besides the total). */
  countsToward: z.array(z.string()),
});

export const paceSchema = z.object({
  basis: z.enum(['recommended-per-year', 'even']),
  /** Credit a person on pace would have by the as-of date. */
  expected: z.number(),
  earned: z.number(),
  onTrack: z.boolean(),
  behindBy: z.number(),
});

/** The engine's answer for one certification: the single source of its type and of the API's OpenAPI schema. */
export const certificationResultSchema = z.object({
  program: z.string(),
  policyVersion: z.number().int(),
  designation: z.string(),
  unit: z.object({ one: z.string(), many: z.string() }),
  cycle: z.object({ start: date, end: date, index: z.number().int() }),
  required: figuresSchema,
  earned: figuresSchema,
  compliant: z.boolean(),
  status: z.enum(STATUSES),
  deadlines: z.object({
    opens: date.nullable(),
    due: date,
    lateUntil: date.nullable(),
    graceUntil: date.nullable(),
    extensionRequestBy: date.nullable(),
    extendedDue: date.nullable(),
  }),
  /** Each activity's credit toward this cycle, in date order, with the reason when it counts less than claimed. */
  credits: z.array(creditLineSchema),
  missing: z.array(z.string()),
  pace: paceSchema,
  /** Programs whose credit this one shares (their combined requirement applies). */
  sharedWith: z.array(z.string()),
  /** Caveats: values of the policy that are placeholders the body must confirm. */
  notes: z.array(z.string()),
});

export const evaluateResultSchema = z.object({ asOf: date, certifications: z.array(certificationResultSchema) });

export type RequirementFigures = z.output<typeof figuresSchema>;
export type CreditLine = z.output<typeof creditLineSchema>;
export type Pace = z.output<typeof paceSchema>;
export type CertificationResult = z.output<typeof certificationResultSchema>;
export type EvaluateResult = z.output<typeof evaluateResultSchema>;

/** A certification's result without its credit lines (see summarize()). */
export type CertificationSummary = Omit<CertificationResult, 'credits'>;

export interface SummaryResult {
  asOf: string;
  certifications: CertificationSummary[];
}
