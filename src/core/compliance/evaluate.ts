import { formatDate, requireDate, type DayNumber } from '../dates/calendar-date';
import type { PolicyRegistry } from '../policies/policy-registry';
import type { Minimum, Policy } from '../policies/policy-schema';
import { capOf, ineligibility, type CreditWindow, type PreparedActivity, type TypeRule } from './credit-activity';
import { currentCycle } from './cycles';
import { deadlinesFor, statusOn, type CycleState } from './deadlines';
import type {
  ActivityInput,
  CertificationInput,
  CertificationResult,
  CertificationSummary,
  CreditLine,
  EvaluateInput,
  EvaluateResult,
  SummaryResult,
} from './evaluate-types';
import { CreditExplainer, fromHundredths, missingPhrase } from './explain';
import { orderActivities } from './order-activities';
import { paceOf } from './pace';
import { requirementsFor, type HeldCertification, type RequirementHundredths } from './requirements';

/**
 * The compliance engine: for one person on one date, what each certification
 * requires, what they have earned, what is missing and where they stand
 * against the deadlines. Pure: no I/O, clock or environment; input is assumed
 * valid (see parseEvaluateInput for untrusted input).
 */
export function evaluate(input: EvaluateInput, registry: PolicyRegistry): EvaluateResult {
  return run(input, registry, true) as EvaluateResult;
}

/**
 * The same evaluation without the per-activity credit lines: the figures,
 * status, deadlines and what is missing. For bulk work that stores only those
 * (nightly re-evaluation, overviews): the lines are most of the engine's allocations.
 */
export function summarize(input: EvaluateInput, registry: PolicyRegistry): SummaryResult {
  return run(input, registry, false);
}

function run(input: EvaluateInput, registry: PolicyRegistry, explain: boolean): SummaryResult {
  const asOf = requireDate(input.asOf);
  const activities = prepareActivities(input.activities);
  const held: HeldCertification[] = input.certifications.map((certification) => ({
    policy: registry.require(certification.program),
    awarded: requireDate(certification.awarded),
    renewedThrough: certification.renewedThrough ? requireDate(certification.renewedThrough) : null,
    state: cycleStateOf(certification),
  }));
  const requirements = requirementsFor(held);
  return {
    asOf: input.asOf,
    certifications: held.map((certification, index) =>
      evaluateCertification(certification, requirements[index] as RequirementHundredths, activities, asOf, registry, explain),
    ),
  };
}

/** A certification's steps and decisions on its current cycle, as statusOn reads them. */
export function cycleStateOf(certification: CertificationInput): CycleState {
  return {
    extendedTo: certification.extendedTo ? requireDate(certification.extendedTo) : null,
    renewalSubmittedOn: certification.renewalSubmittedOn ? requireDate(certification.renewalSubmittedOn) : null,
    hold: certification.hold ?? null,
  };
}

/** Dates to day numbers, hours to exact hundredths, ordered by date then id so the result never depends on input order. */
export function prepareActivities(activities: readonly ActivityInput[]): PreparedActivity[] {
  const prepared: PreparedActivity[] = new Array<PreparedActivity>(activities.length);
  for (let i = 0; i < activities.length; i++) {
    const activity = activities[i] as ActivityInput;
    const date = activity.endDate ?? activity.date;
    prepared[i] = {
      id: activity.id,
      type: activity.type,
      day: requireDate(date),
      date,
      claimed: Math.round(activity.hours * 100),
      categories: activity.categories ?? NO_CATEGORIES,
      approved: activity.approved === true,
    };
  }
  return orderActivities(prepared);
}

const NO_CATEGORIES: readonly string[] = Object.freeze([]);

// Shared by every credit line that counts toward no minimum; frozen so no caller can change it for all.
const NO_MINIMUMS = Object.freeze([]) as unknown as string[];

const minimumIndex = new WeakMap<Policy, Map<string, Minimum>>();

function minimumByKey(policy: Policy, key: string): Minimum {
  let index = minimumIndex.get(policy);
  if (!index) {
    index = new Map(policy.credit.minimums.map((minimum) => [minimum.key, minimum]));
    minimumIndex.set(policy, index);
  }
  return index.get(key) as Minimum;
}

function countsToward(minimum: Minimum, activity: PreparedActivity): boolean {
  return 'approved' in minimum.when ? activity.approved : activity.categories.includes(minimum.when.category);
}

function evaluateCertification(
  certification: HeldCertification,
  required: RequirementHundredths,
  activities: readonly PreparedActivity[],
  asOf: DayNumber,
  registry: PolicyRegistry,
  explain: boolean,
): CertificationSummary | CertificationResult {
  const { policy, awarded, renewedThrough } = certification;
  const cycle = currentCycle(policy.cycle, awarded, renewedThrough);
  const deadlines = deadlinesFor(policy, cycle.end);
  const window: CreditWindow = { awarded, start: cycle.start, end: cycle.end, asOf };
  const minimums = required.minimums.map(([key]) => minimumByKey(policy, key));
  const explainer = new CreditExplainer(policy, window);
  const earnedMinimums = minimums.map(() => 0);
  let earnedTotal = 0;
  const credits: CreditLine[] | undefined = explain ? [] : undefined;
  const knownTypes = registry.typeRulesOf(policy);
  for (const activity of activities) {
    const rule = knownTypes.get(activity.type) ?? registry.typeRule(policy, activity.type);
    let reason = ineligibility(rule, activity, window);
    let counted = 0;
    let toward: string[] = NO_MINIMUMS;
    if (reason === null) {
      const cap = capOf(rule as TypeRule);
      counted = activity.claimed > cap ? cap : activity.claimed;
      if (counted < activity.claimed) reason = 'capped';
      earnedTotal += counted;
      for (let i = 0; counted > 0 && i < minimums.length; i++) {
        const minimum = minimums[i] as Minimum;
        if (countsToward(minimum, activity)) {
          earnedMinimums[i] = (earnedMinimums[i] as number) + counted;
          toward = toward === NO_MINIMUMS ? [minimum.key] : [...toward, minimum.key];
        }
      }
    }
    if (!credits) continue;
    const line: CreditLine = {
      activity: activity.id,
      claimed: fromHundredths(activity.claimed),
      credits: fromHundredths(counted),
      countsToward: toward,
    };
    // Same shape for every line (undefined is left out of JSON), which keeps V8 on its fast path.
    line.reason = reason ?? undefined;
    line.explanation = reason === null ? undefined : explainer.explain(reason, rule, activity);
    credits.push(line);
  }

  const missing: string[] = [];
  if (earnedTotal < required.total) missing.push(missingPhrase(policy.credit.unit, required.total - earnedTotal));
  required.minimums.forEach(([, need], i) => {
    const have = earnedMinimums[i] as number;
    if (have < need) missing.push(missingPhrase(policy.credit.unit, need - have, (minimums[i] as Minimum).term));
  });

  return {
    program: policy.id,
    policyVersion: policy.version,
    designation: policy.designation,
    unit: policy.credit.unit,
    cycle: { start: formatDate(cycle.start), end: formatDate(cycle.end), index: cycle.index },
    required: {
      total: fromHundredths(required.total),
      minimums: figures(required.minimums, (i) => (required.minimums[i] as [string, number])[1]),
    },
    earned: {
      total: fromHundredths(earnedTotal),
      minimums: figures(required.minimums, (i) => earnedMinimums[i] as number),
    },
    compliant: missing.length === 0,
    status: statusOn(deadlines.days, asOf, certification.state),
    deadlines: { ...deadlines.dates },
    ...(credits ? { credits } : {}),
    missing,
    pace: paceOf({ policy, start: cycle.start, end: cycle.end, asOf, required: required.total, earned: earnedTotal }),
    sharedWith: required.sharedWith.slice(),
    notes: notesFor(policy, required.sharedWith.length > 0),
  };
}

function figures(keys: RequirementHundredths['minimums'], value: (index: number) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < keys.length; i++) out[(keys[i] as [string, number])[0]] = fromHundredths(value(i));
  return out;
}

const RESULT_SECTIONS = ['cycle', 'credit', 'renewal', 'lapse', 'extension', 'activityTypes'];

const notesCache = new WeakMap<Policy, { shared: string[]; single: string[] }>();

/** The policy's placeholder values that bear on this result (sharing ones only when credit is shared). */
function notesFor(policy: Policy, shared: boolean): string[] {
  let notes = notesCache.get(policy);
  if (!notes) {
    const relevant = policy.configurable.filter((entry) =>
      RESULT_SECTIONS.some((section) => entry.path === section || entry.path.startsWith(`${section}.`)),
    );
    const text = (entry: { path: string; reason: string }) =>
      `${entry.path} is a placeholder the body must confirm: ${entry.reason}`;
    notes = {
      shared: relevant.map(text),
      single: relevant.filter((entry) => !entry.path.startsWith('credit.sharing')).map(text),
    };
    notesCache.set(policy, notes);
  }
  return (shared ? notes.shared : notes.single).slice();
}
