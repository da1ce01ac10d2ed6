import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { Db } from '../db/database';
import type { ActivityRow } from '../certificants/load-person-record';
import { loadForUpdate, saveActivityChange } from './change-activity';

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
    const before = await loadForUpdate(tx, bodyId, personId, activityId);
    if (before.review !== 'pending') {
      throw new RecertError(
        'conflict',
        before.review === 'not-needed' ? 'this activity needs no approval' : `this activity was already ${before.review}`,
      );
    }
    return saveActivityChange(tx, {
      registry,
      before,
      set: { review: decision === 'approve' ? 'approved' : 'rejected', approved: decision === 'approve', reviewReason: reason },
      action: decision === 'approve' ? 'activity.approved' : 'activity.rejected',
      reason,
      actorUserId,
      now,
    });
  });
}
