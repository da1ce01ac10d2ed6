import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { Db, DbOrTx } from '../db/database';
import { activities } from '../db/schema/activities';
import { recordAudit } from '../audit/record-audit';
import { refreshPerson } from '../compliance/reevaluate';
import type { ActivityRow } from '../certificants/load-person-record';
import { approvalFromCode, refuseIfReported } from '../providers/attendance/approval-code';
import { activityColumns, type ActivityInputBody } from './activity-schemas';
import { checkActivityType } from './check-activity-type';
import { presentActivity } from './present-activity';

/** A person's activity, locked for this transaction. */
export async function loadForUpdate(db: DbOrTx, bodyId: string, personId: string, activityId: string): Promise<ActivityRow> {
  const [row] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.bodyId, bodyId), eq(activities.personId, personId), eq(activities.id, activityId)))
    .for('update');
  if (!row) throw new RecertError('not-found', 'not found');
  return row;
}

/**
 * An activity that may still change, locked for this transaction: no submitted
 * renewal used it, and no provider reported it (that one, and its
 * confirmation, change only through the provider's roster).
 */
export async function loadUnlocked(db: DbOrTx, bodyId: string, personId: string, activityId: string): Promise<ActivityRow> {
  const row = await loadForUpdate(db, bodyId, personId, activityId);
  if (row.lockedAt) throw new RecertError('conflict', 'this activity was used by a submitted renewal and can no longer change');
  await refuseIfReported(db, bodyId, personId, activityId);
  return row;
}

/** Writes a change to an activity, with its audit row and the person's refreshed figures, in the caller's transaction. */
export async function saveActivityChange(
  tx: DbOrTx,
  change: {
    registry: PolicyRegistry;
    before: ActivityRow;
    set: Partial<typeof activities.$inferInsert>;
    action: string;
    reason?: string | null;
    actorUserId: string;
    now: Date;
  },
): Promise<ActivityRow> {
  const { registry, before, action, actorUserId, now } = change;
  const { bodyId, personId, id } = before;
  const [row] = await tx
    .update(activities)
    .set({ ...change.set, updatedAt: now })
    .where(and(eq(activities.bodyId, bodyId), eq(activities.id, id)))
    .returning();
  const after = row as ActivityRow;
  await recordAudit(tx, {
    bodyId,
    actorUserId,
    entity: 'activity',
    entityId: id,
    personId,
    action,
    before: presentActivity(before),
    after: presentActivity(after),
    reason: change.reason ?? null,
  });
  await refreshPerson({ db: tx, registry, bodyId, personId, now, actorUserId });
  return after;
}

/** Edits an activity until a submitted renewal uses it. Changing it resets any approval, which must be given again. */
export async function updateActivity(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  activityId: string;
  input: ActivityInputBody;
  actorUserId: string;
  now: Date;
}): Promise<ActivityRow> {
  const { db, registry, bodyId, personId, activityId, input, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const before = await loadUnlocked(tx, bodyId, personId, activityId);
    const { needsApproval } = await checkActivityType({ db: tx, registry, bodyId, personId, type: input.type });
    return saveActivityChange(tx, {
      registry,
      before,
      // A change undoes any approval: it must be given again for what the activity now says (or by a valid approval code).
      set: {
        ...activityColumns(input, needsApproval),
        approved: false,
        reviewReason: null,
        ...(await approvalFromCode(tx, { registry, bodyId, approvalCode: input.approvalCode, date: input.startDate })),
      },
      action: 'activity.updated',
      actorUserId,
      now,
    });
  });
}

export async function removeActivity(options: {
  db: Db;
  registry: PolicyRegistry;
  now: Date;
  bodyId: string;
  personId: string;
  activityId: string;
  actorUserId: string;
}): Promise<void> {
  const { db, registry, now, bodyId, personId, activityId, actorUserId } = options;
  await db.transaction(async (tx) => {
    const before = await loadUnlocked(tx, bodyId, personId, activityId);
    await tx.delete(activities).where(and(eq(activities.bodyId, bodyId), eq(activities.id, activityId)));
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'activity',
      entityId: activityId,
      personId,
      action: 'activity.removed',
      before: presentActivity(before),
    });
    await refreshPerson({ db: tx, registry, bodyId, personId, now, actorUserId });
  });
}
