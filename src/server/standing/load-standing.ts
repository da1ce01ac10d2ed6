import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { DbOrTx } from '../db/database';
import { certifications } from '../db/schema/people';
import { standingDecisions } from '../db/schema/renewals';
import type { StandingDecisionView } from './standing-schemas';

export type StandingDecisionRow = typeof standingDecisions.$inferSelect;

/** One standing decision on a person's certification, optionally locked for this transaction. */
export async function loadStandingDecision(
  db: DbOrTx,
  bodyId: string,
  personId: string,
  decisionId: string,
  lock = false,
): Promise<StandingDecisionRow> {
  const query = db
    .select()
    .from(standingDecisions)
    .where(
      and(eq(standingDecisions.bodyId, bodyId), eq(standingDecisions.personId, personId), eq(standingDecisions.id, decisionId)),
    );
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new RecertError('not-found', 'not found');
  return row;
}

/** A certification of a body locked for this transaction (its hold changes with the decision). */
export async function lockCertification(db: DbOrTx, bodyId: string, certificationId: string) {
  const [row] = await db
    .select()
    .from(certifications)
    .where(and(eq(certifications.bodyId, bodyId), eq(certifications.id, certificationId)))
    .for('update');
  if (!row) throw new RecertError('not-found', 'not found');
  return row;
}

export function presentStandingDecision(row: StandingDecisionRow, program: string): StandingDecisionView {
  return {
    id: row.id,
    personId: row.personId,
    program,
    action: row.action,
    reason: row.reason,
    decidedOn: row.decidedOn,
    decidedAt: row.decidedAt.toISOString(),
    appealBy: row.appealBy,
    appeal:
      row.appealText === null
        ? null
        : {
            text: row.appealText,
            at: row.appealedAt?.toISOString() ?? '',
            outcome: row.appealOutcome,
            decidedAt: row.appealDecidedAt?.toISOString() ?? null,
            reason: row.appealDecisionReason,
          },
  };
}
