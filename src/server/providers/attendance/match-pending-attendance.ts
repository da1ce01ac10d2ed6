import { sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { rowsOf, type DbOrTx } from '../../db/database';

/**
 * Attendance reported before the person was known: rows of the body still
 * unmatched that carry the person's certificant number, or one of their
 * addresses (sign-in e-mails of their certificant membership, or contact
 * e-mails), now become theirs, one per offering and completion date (a row
 * reported under another of their identities, not known to be theirs then,
 * stays unmatched rather than credit them twice). Called in the transaction that adds the person
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
    ),
    -- One attendance per offering and date: none where the person has one already, and of several
    -- reported for them under different identities, the one by their number (else the first reported).
    found as (
      select distinct on (a.offering_id, a.completed_on) a.id
      from attendance a
      where a.body_id = ${bodyId} and a.person_id is null and exists (select 1 from person)
        and (a.number = (select number from person) or a.email in (select email from addresses))
        and not exists (
          select 1 from attendance b where b.body_id = ${bodyId} and b.person_id = ${personId}
            and b.offering_id = a.offering_id and b.completed_on = a.completed_on)
      order by a.offering_id, a.completed_on, a.number = (select number from person) desc nulls last, a.reported_at, a.id
    )
    update attendance a set person_id = ${personId}, matched_at = now(), confirmation_issued_at = null
    from found where a.body_id = ${bodyId} and a.id = found.id
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
