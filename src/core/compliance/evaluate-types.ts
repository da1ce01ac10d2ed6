import type { CreditReason } from './credit-activity';
import type { CertificationStatus } from './deadlines';

/** One certification a person holds. Dates are YYYY-MM-DD calendar dates. */
export interface CertificationInput {
  program: string;
  awarded: string;
  /** End date of the last cycle already renewed. */
  renewedThrough?: string | null;
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

export interface RequirementFigures {
  total: number;
  minimums: Record<string, number>;
}

export interface CreditLine {
  activity: string;
  claimed: number;
  credits: number;
  /** Present when the activity counts less than claimed. */
  reason?: CreditReason;
  explanation?: string;
  /** Minimum keys this activity's credit counts toward (besides the total). */
  countsToward: string[];
}

export interface Pace {
  basis: 'recommended-per-year' | 'even';
  /** Credit a person on pace would have by the as-of date. */
  expected: number;
  earned: number;
  onTrack: boolean;
  behindBy: number;
}

export interface CertificationResult {
  program: string;
  policyVersion: number;
  designation: string;
  unit: { one: string; many: string };
  cycle: { start: string; end: string; index: number };
  required: RequirementFigures;
  earned: RequirementFigures;
  compliant: boolean;
  status: CertificationStatus;
  deadlines: {
    opens: string | null;
    due: string;
    lateUntil: string | null;
    graceUntil: string | null;
    extensionRequestBy: string | null;
    extendedDue: string | null;
  };
  /** Each activity's credit toward this cycle, in date order, with the reason when it counts less than claimed. */
  credits: CreditLine[];
  missing: string[];
  pace: Pace;
  /** Programs whose credit this one shares (their combined requirement applies). */
  sharedWith: string[];
  /** Caveats: values of the policy that are placeholders the body must confirm. */
  notes: string[];
}

export interface EvaluateResult {
  asOf: string;
  certifications: CertificationResult[];
}

/** A certification's result without its credit lines (see summarize()). */
export type CertificationSummary = Omit<CertificationResult, 'credits'>;

export interface SummaryResult {
  asOf: string;
  certifications: CertificationSummary[];
}
