import { sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { rowsOf, type DbOrTx } from '../../db/database';

/**
 * Attendance reported before the person was known: rows of the body still
 * unmatched that carry the person's certificant number, or one of their
 * addresses (sign-in e-mails of their certificant membership, or contact
 * e-mails), now become theirs. Called in the transaction that adds the person
 * or the e-mail; the attendance follow-up (within a minute) puts the
 * activities on the transcript with their confirmations and refreshes the
 * person's figures. Returns how many rows matched.
 */
export async function matchPendingAttendance(
  tx: DbOrTx,
  options: { bodyId: string; personId: string; actorUserId?: string | null },
): Promise<number> {
  const { bodyId, personId } = options;
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
    update attendance a set person_id = ${personId}, matched_at = now(), confirmation_issued_at = null
    where a.body_id = ${bodyId} and a.person_id is null and exists (select 1 from person)
      and (a.number = (select number from person) or a.email in (select email from addresses))
    returning a.id`,
  );
  if (matched.length > 0)
    await recordAudit(tx, {
      bodyId,
      actorUserId: options.actorUserId ?? null,
      entity: 'person',
      entityId: personId,
      personId,
      action: 'attendance.matched',
      after: { attendanceIds: matched.map((row) => row.id) },
    });
  return matched.length;
}
