import { evaluate } from '../../core/compliance/evaluate';
import type {
  ActivityInput,
  CertificationInput,
  CertificationResult,
  CreditLine,
  EvaluateResult,
} from '../../core/compliance/evaluate-types';
import { parseDate } from '../../core/dates/calendar-date';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { ActivityView } from '../../server/activities/activity-schemas';

/**
 * The Add-activity form's live preview: the engine, run in the browser over the certifications the
 * person holds (`held` in the progress answer: the server's own engine input) and their recorded
 * activities, plus the one being typed, says how much the new one will count and what is then still
 * missing. Before it is trusted, the browser's figures for the recorded activities must equal the
 * server's: same rules, same input, so anything else means the page is out of date.
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

/** What the progress API answers, as far as the preview needs it. */
export interface ProgressForPreview {
  asOf: string;
  held: readonly CertificationInput[];
  certifications: readonly CertificationResult[];
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

/** The figures a person reads, for comparing the browser's result with the server's. */
function figures(result: CertificationResult): string {
  return JSON.stringify([
    result.program,
    result.policyVersion,
    result.cycle.index,
    result.cycle.start,
    result.cycle.end,
    result.required,
    result.earned,
    result.compliant,
    result.status,
    result.missing,
    result.sharedWith,
    result.credits.map((line) => [line.activity, line.credits, line.reason ?? null, line.countsToward]),
  ]);
}

/**
 * The engine's input from the server's progress (`held`) and the recorded activities, checked by
 * reproducing the server's figures; or why the preview is not available (a program this browser does
 * not know, a policy version that differs, or figures that differ).
 */
export function previewBase(
  progress: ProgressForPreview,
  activities: readonly ActivityView[],
  registry: PolicyRegistry,
): PreviewBaseResult {
  if (progress.held.length === 0) return { ok: false, reason: 'no certification is held' };
  for (const result of progress.certifications) {
    const policy = registry.get(result.program);
    if (!policy) return { ok: false, reason: `the rules of ${result.designation} are not available in the browser` };
    if (policy.version !== result.policyVersion) {
      return { ok: false, reason: `the rules of ${result.designation} changed since this page was loaded; reload it` };
    }
  }
  const unknown = progress.held.find((held) => !registry.get(held.program));
  if (unknown) return { ok: false, reason: `the rules of ${unknown.program} are not available in the browser` };
  const certifications = progress.held.map((held) => ({
    program: held.program,
    awarded: held.awarded,
    renewedThrough: held.renewedThrough ?? null,
  }));
  const engineActivities = activities.map(toEngineActivity);
  const baseline = evaluate({ asOf: progress.asOf, certifications, activities: engineActivities }, registry);
  const same =
    baseline.certifications.length === progress.certifications.length &&
    baseline.certifications.every((result, i) => figures(result) === figures(progress.certifications[i]!));
  if (!same) return { ok: false, reason: "the figures in the browser differ from the server's; reload the page" };
  return { ok: true, base: { asOf: progress.asOf, certifications, activities: engineActivities, baseline, registry } };
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
