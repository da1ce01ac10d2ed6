import { and, eq } from 'drizzle-orm';
import type { Hold } from '../../core/compliance/deadlines';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { lockHeldCertification } from '../certificants/lock-held-certification';
import { recordAudit } from '../audit/record-audit';
import { todayOf } from '../certificants/get-progress';
import { addDays } from '../compliance/date-math';
import { refreshPerson } from '../compliance/reevaluate';
import type { Db } from '../db/database';
import { certifications } from '../db/schema/people';
import { standingDecisions, type StandingAction } from '../db/schema/renewals';
import { notify } from '../notifications/notify';
import type { StandingDecisionRow } from './load-standing';

const HOLD_OF: Record<StandingAction, Hold | null> = { suspend: 'suspended', withdraw: 'withdrawn', restore: null };
const DONE: Record<StandingAction, string> = { suspend: 'suspended', withdraw: 'withdrawn', restore: 'restored' };

/**
 * An admin's ethics decision on a certification: suspend, withdraw or restore,
 * always with a reason. The certification's hold mirrors it (the engine then
 * reports the status suspended or withdrawn whatever the calendar says); a
 * suspension or withdrawal may be appealed until the policy's appeal period
 * (standing.appealDays) after the decision date.
 */
export async function decideStanding(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  program: string;
  action: StandingAction;
  reason: string;
  actorUserId: string;
  now: Date;
}): Promise<StandingDecisionRow> {
  const { db, registry, bodyId, personId, program, action, reason, actorUserId, now } = options;
  const today = todayOf(registry, bodyId, now);
  return db.transaction(async (tx) => {
    const held = await lockHeldCertification(tx, { bodyId, personId, program });
    const policy = registry.require(program);
    const hold = HOLD_OF[action];
    if (held.hold === hold) {
      throw new RecertError(
        'conflict',
        hold ? `the certification is already ${hold}` : 'the certification is not suspended or withdrawn',
      );
    }
    const appealBy = hold ? addDays(today, policy.standing.appealDays) : null;
    const [row] = await tx
      .insert(standingDecisions)
      .values({
        bodyId,
        certificationId: held.id,
        personId,
        action,
        reason,
        decidedBy: actorUserId,
        decidedOn: today,
        decidedAt: now,
        appealBy,
      })
      .returning();
    await tx
      .update(certifications)
      .set({ hold })
      .where(and(eq(certifications.bodyId, bodyId), eq(certifications.id, held.id)));
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'certification',
      entityId: held.id,
      personId,
      action: `standing.${action}`,
      before: { program, hold: held.hold },
      after: { program, hold, appealBy, decisionId: row!.id },
      reason,
    });
    await refreshPerson({ db: tx, registry, bodyId, personId, now, actorUserId });
    await notify(tx, [
      {
        bodyId,
        personId,
        kind: 'standing-changed',
        key: `standing-changed:${row!.id}`,
        title: `${policy.designation}: certification ${DONE[action]}`,
        body:
          `Your ${policy.designation} certification was ${DONE[action]} on ${today}: ${reason}` +
          (appealBy ? ` You may appeal until ${appealBy}.` : ''),
        link: `/bodies/${bodyId}/people/${personId}/standing`,
        noticeOn: today,
      },
    ]);
    return row!;
  });
}
