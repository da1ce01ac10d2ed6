import { and, desc, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { recordAudit } from '../audit/record-audit';
import { todayOf } from '../certificants/get-progress';
import type { Db } from '../db/database';
import { standingDecisions } from '../db/schema/renewals';
import { loadStandingDecision, type StandingDecisionRow } from './load-standing';

/**
 * The person appeals a suspension or withdrawal of their certification, up
 * to and including its appeal date, once. Only the decision in force can be
 * appealed: one a later decision replaced has nothing left to change.
 */
export async function appealStanding(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  decisionId: string;
  text: string;
  actorUserId: string;
  now: Date;
}): Promise<StandingDecisionRow> {
  const { db, registry, bodyId, personId, decisionId, text, actorUserId, now } = options;
  const today = todayOf(registry, bodyId, now);
  return db.transaction(async (tx) => {
    const decision = await loadStandingDecision(tx, bodyId, personId, decisionId, true);
    if (decision.appealBy === null) throw new RecertError('conflict', 'a restoration cannot be appealed');
    if (decision.appealText !== null) throw new RecertError('conflict', 'this decision was already appealed');
    if (today > decision.appealBy) throw new RecertError('conflict', `the appeal was due by ${decision.appealBy}`);
    const [latest] = await tx
      .select({ id: standingDecisions.id })
      .from(standingDecisions)
      .where(and(eq(standingDecisions.bodyId, bodyId), eq(standingDecisions.certificationId, decision.certificationId)))
      .orderBy(desc(standingDecisions.decidedAt))
      .limit(1);
    if (latest?.id !== decision.id) throw new RecertError('conflict', 'a later decision replaced this one');
    const [row] = await tx
      .update(standingDecisions)
      .set({ appealText: text, appealedAt: now })
      .where(and(eq(standingDecisions.bodyId, bodyId), eq(standingDecisions.id, decisionId)))
      .returning();
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'certification',
      entityId: decision.certificationId,
      personId,
      action: 'standing.appealed',
      after: { decisionId, text },
    });
    return row!;
  });
}
