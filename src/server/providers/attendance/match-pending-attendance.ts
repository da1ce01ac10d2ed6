import { sql } from 'drizzle-orm';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { PolicyStore } from '../../bodies/policy-store';
import { rowsOf, type Db, type DbOrTx } from '../../db/database';
import { addReportedActivities } from './reported-activities';

/**
 * Attendance reported before the person was known: rows of the body still
 * unmatched that carry the person's certificant number, or one of their
 * addresses (sign-in e-mails of their certificant membership, or contact
 * e-mails), now become theirs, and the activities go on their transcript.
 * Called in the transaction that adds the person or the e-mail. Confirmations
 * and figures follow within a minute (the attendance follow-up).
 */
export async function matchPendingAttendance(
  tx: DbOrTx,
  options: {
    bodyId: string;
    personId: string;
    /** The policies in force; read from the database when the caller has none at hand (and only if a row matches). */
    registry?: PolicyRegistry;
    actorUserId?: string | null;
    now?: Date;
  },
): Promise<number> {
  const { bodyId, personId } = options;
  const now = options.now ?? new Date();
  const matched = await rowsOf<{ id: string }>(
    tx,
    sql`
    with person as (
      select number, contact_emails from people where body_id = ${bodyId} and id = ${personId} and merged_into is null
    ),
    addresses as (
      select unnest(contact_emails) as email from person
      union
      select e.email from memberships m join user_emails e on e.user_id = m.user_id
      where m.body_id = ${bodyId} and m.role = 'certificant' and m.person_id = ${personId}
    )
    update attendance a set person_id = ${personId}, matched_at = ${now.toISOString()}::timestamptz
    where a.body_id = ${bodyId} and a.person_id is null and exists (select 1 from person)
      and (a.number = (select number from person) or a.email in (select email from addresses))
    returning a.id`,
  );
  if (matched.length === 0) return 0;
  // The PolicyStore only reads, and a transaction reads like the database.
  const registry = options.registry ?? (await new PolicyStore(tx as Db).current());
  await addReportedActivities(tx, {
    registry,
    bodyId,
    scope: { personId },
    actorUserId: options.actorUserId ?? null,
    now,
  });
  return matched.length;
}
