import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { Db } from '../db/database';
import { renewalItems } from '../db/schema/renewals';
import { recordAudit } from '../audit/record-audit';
import { evidenceOf } from '../activities/evidence-of';
import { loadItems, loadRenewalRow, type RenewalRow } from './load-renewal';
import { returnLocked } from './return-renewal';
import { judgeActivities, lockApplication } from './renewal-steps';

/**
 * A reviewer's decision on one activity of an audited application: its
 * evidence (an uploaded file or a provider's confirmation of completion) is
 * accepted, or rejected with a reason. Nothing is accepted without evidence.
 * Once every activity is decided, when the accepted credit no longer meets
 * the requirements the application is returned by itself, with what the
 * engine says is missing as the reasons.
 */
export async function decideRenewalItem(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  renewalId: string;
  activityId: string;
  decision: 'accepted' | 'rejected';
  reason: string | null;
  actorUserId: string;
  now: Date;
}): Promise<RenewalRow> {
  const { db, registry, bodyId, personId, renewalId, activityId, decision, reason, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const renewal = await lockApplication(tx, { bodyId, personId, renewalId });
    if (renewal.state !== 'submitted') throw new RecertError('conflict', `this application was already ${renewal.state}`);
    if (!renewal.auditSelected) {
      throw new RecertError('conflict', 'this application is not audited: approve or return it as a whole');
    }
    const items = await loadItems(tx, renewal);
    const item = items.find((candidate) => candidate.activityId === activityId);
    if (!item) throw new RecertError('not-found', 'not found');
    if (decision === 'accepted') {
      const evidence = await evidenceOf(tx, bodyId, personId, [activityId]);
      if (!evidence.files.has(activityId) && !evidence.confirmed.has(activityId)) {
        throw new RecertError(
          'conflict',
          'this activity has no evidence yet: a certificate or a provider confirmation is needed',
        );
      }
    }
    await tx
      .update(renewalItems)
      .set({ decision, reason, decidedBy: actorUserId, decidedAt: now })
      .where(
        and(eq(renewalItems.bodyId, bodyId), eq(renewalItems.renewalId, renewal.id), eq(renewalItems.activityId, activityId)),
      );
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'renewal',
      entityId: renewal.id,
      personId,
      action: `renewal.item-${decision}`,
      before: { activityId, decision: item.decision },
      after: { activityId, decision },
      reason,
    });
    const decided = items.map((candidate) =>
      candidate.activityId === activityId ? { ...candidate, decision, reason } : candidate,
    );
    if (decided.some((candidate) => candidate.decision === 'pending')) return renewal;
    const accepted = decided.filter((candidate) => candidate.decision === 'accepted').map((candidate) => candidate.activityId);
    const judged = await judgeActivities(tx, registry, renewal, accepted);
    if (judged.compliant) return loadRenewalRow(tx, { bodyId, personId, renewalId });
    const rejected = decided
      .filter((candidate) => candidate.decision === 'rejected')
      .map((candidate) => `evidence rejected for an activity${candidate.reason ? `: ${candidate.reason}` : ''}`);
    return returnLocked(tx, {
      registry,
      renewal,
      reasons: [...judged.missing.map((phrase) => `with the accepted evidence, ${phrase}`), ...rejected],
      actorUserId,
      now,
    });
  });
}
