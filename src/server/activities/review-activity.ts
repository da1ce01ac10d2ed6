import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { Db } from '../db/database';
import { activities } from '../db/schema/activities';
import { recordAudit } from '../audit/record-audit';
import type { ActivityRow } from '../certificants/load-person-record';
import { refreshPerson } from '../compliance/reevaluate';
import { presentActivity } from './present-activity';

/** A reviewer's decision on an activity that needs the body's advance approval; a rejection gives its reason. */
export async function reviewActivity(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  activityId: string;
  decision: 'approve' | 'reject';
  reason: string | null;
  actorUserId: string;
  now: Date;
}): Promise<ActivityRow> {
  const { db, registry, bodyId, personId, activityId, decision, reason, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(activities)
      .where(and(eq(activities.bodyId, bodyId), eq(activities.personId, personId), eq(activities.id, activityId)))
      .for('update');
    if (!before) throw new RecertError('not-found', 'not found');
    if (before.review !== 'pending') {
      throw new RecertError(
        'conflict',
        before.review === 'not-needed' ? 'this activity needs no approval' : `this activity was already ${before.review}`,
      );
    }
    const [row] = await tx
      .update(activities)
      .set({
        review: decision === 'approve' ? 'approved' : 'rejected',
        approved: decision === 'approve',
        reviewReason: reason,
        updatedAt: now,
      })
      .where(and(eq(activities.bodyId, bodyId), eq(activities.id, activityId)))
      .returning();
    const after = row as ActivityRow;
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'activity',
      entityId: activityId,
      personId,
      action: decision === 'approve' ? 'activity.approved' : 'activity.rejected',
      before: presentActivity(before),
      after: presentActivity(after),
      reason,
    });
    await refreshPerson({ db: tx, registry, bodyId, personId, now });
    return after;
  });
}
