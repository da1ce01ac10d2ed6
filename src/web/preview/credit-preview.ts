import { evaluate } from '../../core/compliance/evaluate';
import type {
  ActivityInput,
  CertificationInput,
  CertificationResult,
  CreditLine,
  EvaluateResult,
} from '../../core/compliance/evaluate-types';
import { addYears, formatDate, parseDate } from '../../core/dates/calendar-date';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { ActivityView } from '../../server/activities/activity-schemas';

/**
 * The Add-activity form's live preview: the engine, run in the browser over the person's recorded
 * activities plus the one being typed, says how much the new one will count and what is then still
 * missing. The progress API gives each certification's cycle but not the award and renewal dates
 * the engine starts from, so they are reconstructed here, and the reconstruction is trusted only
 * when it reproduces the server's own figures for the recorded activities.
 */

export const DRAFT_ID = 'draft-activity';

/** The activity being typed, as far as the engine needs it. */
export interface DraftActivity {
  type: string;
  startDate: string;
  endDate?: string | null;
  hours: number;
  categories: readonly string[];
  title?: string;
}

export interface PreviewBase {
  asOf: string;
  certifications: CertificationInput[];
  /** The recorded activities, as the engine reads them. */
  activities: ActivityInput[];
  /** The engine's result for the recorded activities: equal to the server's. */
  baseline: EvaluateResult;
  /** The rules it was checked against. */
  registry: PolicyRegistry;
}

export type PreviewBaseResult = { ok: true; base: PreviewBase } | { ok: false; reason: string };

export interface DraftCredit {
  program: string;
  designation: string;
  unit: { one: string; many: string };
  /** The draft's credit line under this certification. */
  line: CreditLine;
  missingBefore: string[];
  missingAfter: string[];
  compliantAfter: boolean;
  earnedAfter: number;
  requiredTotal: number;
}

/** A recorded activity as the engine reads it (as the server does: only a given approval counts). */
export function toEngineActivity(activity: ActivityView): ActivityInput {
  return {
    id: activity.id,
    type: activity.type,
    date: activity.startDate,
    endDate: activity.endDate,
    hours: activity.hours,
    categories: activity.categories,
    approved: activity.approved,
    title: activity.title,
  };
}

/** How far back a reconstructed award of a renewed certification lies, in cycles. */
const RENEWED_CYCLES_BACK = 10;

/**
 * Award and renewal dates that give the engine the same cycle: a first cycle starting at the award;
 * a first cycle ending on the same day, cut short by a renewal; or a later cycle of a certification
 * awarded long ago and renewed up to this cycle. Which one also decides a shared (dual) requirement:
 * programs renewed together since the newest award need the combined total, a new combination the
 * first-time total.
 */
function candidatesFor(result: CertificationResult, registry: PolicyRegistry): CertificationInput[] {
  const policy = registry.get(result.program);
  const start = parseDate(result.cycle.start);
  const end = parseDate(result.cycle.end);
  if (!policy || start === null || end === null) return [];
  const { program } = result;
  const years = policy.cycle.years;
  const gridAward = addYears(end + 1, -years);
  const atAward: CertificationInput = { program, awarded: result.cycle.start, renewedThrough: null };
  const cutShort: CertificationInput = {
    program,
    awarded: formatDate(gridAward),
    renewedThrough: start > gridAward ? formatDate(start - 1) : null,
  };
  const renewed: CertificationInput = {
    program,
    awarded: formatDate(addYears(end + 1, -RENEWED_CYCLES_BACK * years)),
    renewedThrough: formatDate(start - 1),
  };
  return result.cycle.index === 1 ? [atAward, cutShort, renewed] : [renewed, atAward, cutShort];
}

function sameFigures(a: CertificationResult, b: CertificationResult): boolean {
  const key = (r: CertificationResult) =>
    JSON.stringify([
      r.program,
      r.cycle.start,
      r.cycle.end,
      r.required,
      r.earned,
      r.status,
      r.missing,
      // Before the award or outside the cycle: the award date is not in the progress, and either way it counts 0.
      r.credits.map((line) => [
        line.activity,
        line.credits,
        line.reason === 'before-award' ? 'outside-cycle' : (line.reason ?? null),
      ]),
    ]);
  return key(a) === key(b);
}

const MAX_COMBINATIONS = 256;

/**
 * Reconstructs the engine's input from the server's progress and the recorded activities, or says
 * why the preview is not available (a program this browser does not know, a policy version that
 * differs, or figures it cannot reproduce).
 */
export function previewBase(
  progress: { asOf: string; certifications: readonly CertificationResult[] },
  activities: readonly ActivityView[],
  registry: PolicyRegistry,
): PreviewBaseResult {
  if (progress.certifications.length === 0) return { ok: false, reason: 'no certification is held' };
  for (const result of progress.certifications) {
    const policy = registry.get(result.program);
    if (!policy) return { ok: false, reason: `the rules of ${result.designation} are not available in the browser` };
    if (policy.version !== result.policyVersion) {
      return { ok: false, reason: `the rules of ${result.designation} changed since this page was loaded; reload it` };
    }
  }
  const options = progress.certifications.map((result) => candidatesFor(result, registry));
  const engineActivities = activities.map(toEngineActivity);
  const total = options.reduce((product, list) => product * list.length, 1);
  for (let n = 0; n < Math.min(total, MAX_COMBINATIONS); n++) {
    let rest = n;
    const certifications = options.map((list) => {
      const choice = list[rest % list.length] as CertificationInput;
      rest = Math.floor(rest / list.length);
      return choice;
    });
    const baseline = evaluate({ asOf: progress.asOf, certifications, activities: engineActivities }, registry);
    const matches = baseline.certifications.every((result, i) => sameFigures(result, progress.certifications[i]!));
    if (matches)
      return { ok: true, base: { asOf: progress.asOf, certifications, activities: engineActivities, baseline, registry } };
  }
  return { ok: false, reason: 'the figures could not be reproduced in the browser' };
}

/** Whether the draft is complete enough to evaluate. */
export function isEvaluable(draft: DraftActivity): boolean {
  return (
    draft.type !== '' &&
    parseDate(draft.startDate) !== null &&
    (!draft.endDate || (parseDate(draft.endDate) !== null && draft.endDate >= draft.startDate)) &&
    Number.isFinite(draft.hours) &&
    draft.hours >= 0
  );
}

/**
 * How the draft would count under each certification, and what would then be missing. When editing,
 * `replacing` is the activity being changed: it is left out (a change also resets its approval).
 * With `approved`, how it would count once the body has approved it.
 */
export function previewDraft(
  base: PreviewBase,
  draft: DraftActivity,
  replacing?: string,
  options: { approved?: boolean } = {},
): DraftCredit[] {
  if (!isEvaluable(draft)) return [];
  const draftActivity: ActivityInput = {
    id: DRAFT_ID,
    type: draft.type,
    date: draft.startDate,
    endDate: draft.endDate || null,
    hours: draft.hours,
    categories: draft.categories,
    // A new or changed activity has no approval yet: a reviewer gives it later (`approved` asks "and once approved?").
    approved: options.approved === true,
    title: draft.title ?? '',
  };
  const activities = [...base.activities.filter((activity) => activity.id !== replacing), draftActivity];
  const after = evaluate({ asOf: base.asOf, certifications: base.certifications, activities }, base.registry);
  return after.certifications.flatMap((result, i) => {
    const line = result.credits.find((credit) => credit.activity === DRAFT_ID);
    const before = base.baseline.certifications[i];
    if (!line || !before) return [];
    return [
      {
        program: result.program,
        designation: result.designation,
        unit: result.unit,
        line,
        missingBefore: before.missing,
        missingAfter: result.missing,
        compliantAfter: result.compliant,
        earnedAfter: result.earned.total,
        requiredTotal: result.required.total,
      },
    ];
  });
}
