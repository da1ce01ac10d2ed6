import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { Db } from '../db/database';
import { activities } from '../db/schema/activities';
import { recordAudit } from '../audit/record-audit';
import { refreshPerson } from '../compliance/reevaluate';
import { loadPerson, type ActivityRow } from '../certificants/load-person-record';
import { approvalFromCode } from '../providers/attendance/approval-code';
import { activityColumns, type ActivityInputBody } from './activity-schemas';
import { checkActivityType } from './check-activity-type';
import { presentActivity } from './present-activity';

/**
 * Records a CE activity for a person; one that needs advance approval goes to
 * the reviewers' queue, unless it carries a valid approval code.
 */
export async function addActivity(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  input: ActivityInputBody;
  actorUserId: string;
  now: Date;
}): Promise<ActivityRow> {
  const { db, registry, bodyId, personId, input, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    await loadPerson(tx, bodyId, personId);
    const { needsApproval } = await checkActivityType({ db: tx, registry, bodyId, personId, type: input.type });
    const [row] = await tx
      .insert(activities)
      .values({
        bodyId,
        personId,
        ...activityColumns(input, needsApproval),
        // A valid approval code of the body's offerings makes it approved; a wrong one is refused.
        ...(await approvalFromCode(tx, { registry, bodyId, approvalCode: input.approvalCode, date: input.startDate })),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const created = row as ActivityRow;
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'activity',
      entityId: created.id,
      personId,
      action: 'activity.added',
      after: presentActivity(created),
    });
    await refreshPerson({ db: tx, registry, bodyId, personId, now, actorUserId });
    return created;
  });
}
