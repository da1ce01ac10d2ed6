import { and, eq, inArray, ne } from 'drizzle-orm';
import type { CertificationResult } from '../../core/compliance/evaluate-types';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { DbOrTx, Tx } from '../db/database';
import { activities } from '../db/schema/activities';
import { certifications } from '../db/schema/people';
import { renewalItems, renewals } from '../db/schema/renewals';
import { evaluatePicked, loadRenewalBasis } from './renewal-basis';
import { loadRenewalRow, type RenewalRow } from './load-renewal';

/**
 * Steps shared by the staff decisions. Each decision locks the certification
 * first and then its application, the same order as a submission, so
 * decisions and submissions on one certification never interleave.
 */
export async function lockApplication(
  tx: Tx,
  target: { bodyId: string; personId: string; renewalId: string },
): Promise<RenewalRow> {
  const unlocked = await loadRenewalRow(tx, target);
  await tx
    .select({ id: certifications.id })
    .from(certifications)
    .where(and(eq(certifications.bodyId, target.bodyId), eq(certifications.id, unlocked.certificationId)))
    .for('update');
  return loadRenewalRow(tx, target, true);
}

/**
 * The engine's judgement of an application's cycle counting only the given
 * activities, on the date it was submitted. Refused when the certification
 * has since moved to another cycle.
 */
export async function judgeActivities(
  tx: DbOrTx,
  registry: PolicyRegistry,
  renewal: RenewalRow,
  activityIds: string[],
): Promise<CertificationResult> {
  const basis = await loadRenewalBasis({
    db: tx,
    registry,
    bodyId: renewal.bodyId,
    personId: renewal.personId,
    certificationId: renewal.certificationId,
    on: renewal.submittedOn,
  });
  if (basis.result.cycle.start !== renewal.cycleStart) {
    throw new RecertError('conflict', `the certification is no longer in the cycle starting ${renewal.cycleStart}`);
  }
  return evaluatePicked(registry, basis, activityIds, renewal.submittedOn);
}

/** Lets the application's activities change again, except those another open or approved application still uses. */
export async function unlockActivities(tx: Tx, renewal: RenewalRow, activityIds: string[]): Promise<void> {
  if (activityIds.length === 0) return;
  const stillUsed = await tx
    .select({ activityId: renewalItems.activityId })
    .from(renewalItems)
    .innerJoin(renewals, and(eq(renewals.bodyId, renewalItems.bodyId), eq(renewals.id, renewalItems.renewalId)))
    .where(
      and(
        eq(renewalItems.bodyId, renewal.bodyId),
        inArray(renewalItems.activityId, activityIds),
        ne(renewals.id, renewal.id),
        inArray(renewals.state, ['submitted', 'approved']),
      ),
    );
  const used = new Set(stillUsed.map((row) => row.activityId));
  const free = activityIds.filter((id) => !used.has(id));
  if (free.length === 0) return;
  await tx
    .update(activities)
    .set({ lockedAt: null })
    .where(and(eq(activities.bodyId, renewal.bodyId), eq(activities.personId, renewal.personId), inArray(activities.id, free)));
}
