import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { DbOrTx } from '../db/database';
import { todayOf } from '../certificants/get-progress';
import { applicationsOf, presentRenewal } from './load-renewal';
import { evaluatePicked, loadRenewalBasis } from './renewal-basis';
import type { RenewalOptions } from './renewal-schemas';
import { submissionRefusals } from './submission-checks';

/**
 * What renewing one certification means today: the window and its dates, the
 * fees if submitted today, the cycle's activities with the credit each earns
 * (those the engine credits pre-selected), the code of ethics to re-attest,
 * what submitting the pre-selection would be refused for, and the
 * applications so far.
 */
export async function getRenewalOptions(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  certificationId: string;
  now: Date;
}): Promise<RenewalOptions> {
  const { db, registry, bodyId } = options;
  const on = todayOf(registry, bodyId, options.now);
  const basis = await loadRenewalBasis({ ...options, on });
  const { result, policy, deadlines, certification } = basis;
  const byId = new Map(basis.activities.map((row) => [row.id, row]));
  // The cycle's activities: those the engine places in this cycle (credited or not for another reason).
  const lines = result.credits.filter((line) => line.reason !== 'outside-cycle' && line.reason !== 'before-award');
  const selected = lines.filter((line) => line.credits > 0).map((line) => line.activity);
  const picked = evaluatePicked(registry, basis, selected);
  const applications = await applicationsOf(db, bodyId, certification.id);
  const refusals = submissionRefusals(basis, picked, applications);
  const ethics = policy.ethics;
  return {
    asOf: on,
    certificationId: certification.id,
    programId: certification.programId,
    designation: policy.designation,
    unit: policy.credit.unit,
    status: result.status,
    cycle: { start: result.cycle.start, end: result.cycle.end },
    automatic: policy.renewal.opens === null,
    window: {
      opens: deadlines.dates.opens,
      due: deadlines.dates.due,
      lateUntil: deadlines.dates.lateUntil,
      graceUntil: deadlines.dates.graceUntil,
      extendedTo: certification.extendedTo,
    },
    quote: basis.quote,
    ethics: ethics ? { title: ethics.title, tenets: ethics.tenets } : null,
    ethicsNote: ethics ? null : `${policy.designation} has no code of ethics to attest when renewing`,
    activities: lines.map((line) => {
      const row = byId.get(line.activity)!;
      return {
        id: row.id,
        title: row.title,
        type: row.type,
        startDate: row.startDate,
        endDate: row.endDate,
        claimed: line.claimed,
        credits: line.credits,
        explanation: line.explanation ?? null,
        selected: line.credits > 0,
      };
    }),
    required: result.required,
    refusals: [...refusals.conflicts, ...refusals.missing.map((issue) => issue.message)],
    applications: await Promise.all(applications.map((row) => presentRenewal(db, row))),
  };
}
