import { and, desc, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { recordAudit } from '../audit/record-audit';
import { todayOf } from '../certificants/get-progress';
import { refreshPerson } from '../compliance/reevaluate';
import type { Db } from '../db/database';
import { certifications } from '../db/schema/people';
import { standingDecisions } from '../db/schema/renewals';
import { notify } from '../notifications/notify';
import { loadStandingDecision, lockCertification, type StandingDecisionRow } from './load-standing';

/**
 * An admin decides an appeal, finally, with a reason: upheld leaves the
 * decision in force; overturned lifts the hold it put on the certification
 * (the person's figures are refreshed in the same transaction).
 */
export async function decideStandingAppeal(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  decisionId: string;
  outcome: 'upheld' | 'overturned';
  reason: string;
  actorUserId: string;
  now: Date;
}): Promise<StandingDecisionRow> {
  const { db, registry, bodyId, personId, decisionId, outcome, reason, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const decision = await loadStandingDecision(tx, bodyId, personId, decisionId, true);
    if (decision.appealText === null) throw new RecertError('conflict', 'this decision was not appealed');
    if (decision.appealOutcome !== null)
      throw new RecertError('conflict', `the appeal was already decided: ${decision.appealOutcome}`);
    const held = await lockCertification(tx, bodyId, decision.certificationId);
    const [row] = await tx
      .update(standingDecisions)
      .set({ appealOutcome: outcome, appealDecidedBy: actorUserId, appealDecidedAt: now, appealDecisionReason: reason })
      .where(and(eq(standingDecisions.bodyId, bodyId), eq(standingDecisions.id, decisionId)))
      .returning();
    // Only the decision still in force holds the certification: a later decision is not undone by this appeal.
    const [latest] = await tx
      .select({ id: standingDecisions.id })
      .from(standingDecisions)
      .where(and(eq(standingDecisions.bodyId, bodyId), eq(standingDecisions.certificationId, held.id)))
      .orderBy(desc(standingDecisions.decidedAt))
      .limit(1);
    const lifted = outcome === 'overturned' && held.hold !== null && latest?.id === decisionId;
    if (lifted) {
      await tx
        .update(certifications)
        .set({ hold: null })
        .where(and(eq(certifications.bodyId, bodyId), eq(certifications.id, held.id)));
    }
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'certification',
      entityId: held.id,
      personId,
      action: `standing.appeal-${outcome}`,
      before: { hold: held.hold },
      after: { hold: lifted ? null : held.hold, decisionId, outcome },
      reason,
    });
    if (lifted) await refreshPerson({ db: tx, registry, bodyId, personId, now, actorUserId });
    const designation = registry.require(held.programId).designation;
    await notify(tx, [
      {
        bodyId,
        personId,
        kind: 'appeal-decided',
        key: `appeal-decided:${decisionId}`,
        title: `${designation}: appeal ${outcome}`,
        body:
          outcome === 'overturned'
            ? `Your appeal was granted and the decision overturned: your ${designation} certification is restored. ${reason}`
            : `Your appeal was decided: the decision on your ${designation} certification stands. ${reason}`,
        link: `/bodies/${bodyId}/people/${personId}/standing`,
        noticeOn: todayOf(registry, bodyId, now),
      },
    ]);
    return row!;
  });
}
