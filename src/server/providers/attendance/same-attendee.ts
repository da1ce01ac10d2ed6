import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database';

/**
 * A staged row (roster_rows, see stageRoster) that no earlier row had under
 * its key is still the attendance reported before when it names the same
 * attendee another way, on the same offering and date: the e-mail of a row
 * reported with a certificant number (when one of the two gives no number:
 * two different numbers are two people, whatever the address), or the
 * certificant it is matched to now. The row then updates the earlier one,
 * keeping the number and e-mail the earlier one had and this one leaves out.
 *
 * Two statements with plain equality joins (hashed, whatever the sizes),
 * after matching, so that the certificant is known. Returns how many were linked.
 */
export async function linkSameAttendees(tx: DbOrTx, bodyId: string, offeringId: string): Promise<number> {
  const byEmail = await rowsOf(
    tx,
    linkBy(
      bodyId,
      offeringId,
      sql`a.email = r.email and (a.number is null or r.number is null)`,
      sql`a.completed_on, a.email`,
      sql`r.email is not null`,
    ),
  );
  const byPerson = await rowsOf(
    tx,
    linkBy(bodyId, offeringId, sql`a.person_id = r.person_id`, sql`a.completed_on, a.person_id`, sql`r.person_id is not null`),
  );
  return byEmail.length + byPerson.length;
}

const linkBy = (bodyId: string, offeringId: string, same: SQL, order: SQL, wanted: SQL) => sql`
  with found as (
    select distinct on (r.ord) r.ord, a.id, a.name, a.email, a.number, a.hundredths, a.grade, a.person_id, a.activity_id
    from roster_rows r
    join attendance a on a.body_id = ${bodyId} and a.offering_id = ${offeringId} and a.completed_on = r.completed_on and ${same}
    where r.attendance_id is null and ${wanted}
      and not exists (select 1 from roster_rows o where o.attendance_id = a.id)
    order by r.ord, ${order}, a.id
  ),
  -- An earlier row two staged rows both name stays with neither: each is then recorded as it is.
  single as (select * from found f where not exists (select 1 from found g where g.id = f.id and g.ord <> f.ord))
  update roster_rows r set id = f.id, attendance_id = f.id,
    email = coalesce(r.email, f.email), number = coalesce(r.number, f.number),
    key = case when coalesce(r.number, f.number) is not null then 'number:' || coalesce(r.number, f.number) else r.key end,
    old_person_id = f.person_id, old_hundredths = f.hundredths, old_activity_id = f.activity_id,
    person_id = case when f.person_id is null then r.person_id end,
    changed = array_remove(array[
      case when f.name <> r.name then 'name' end,
      case when f.email is distinct from coalesce(r.email, f.email) then 'email' end,
      case when f.number is distinct from coalesce(r.number, f.number) then 'number' end,
      case when f.hundredths <> r.hundredths then 'hours' end,
      case when f.grade is distinct from r.grade then 'grade' end], null)
  from single f where r.ord = f.ord
  returning r.ord`;

/**
 * A certificant has one attendance per offering and date: a staged row is not
 * matched to someone who has another row for it already (reported under an
 * identity that could not be told to be theirs at the time), nor to someone
 * an earlier row of the same roster is matched to. Such a row is recorded
 * unmatched and credits no one twice.
 */
export async function keepOneAttendancePerPerson(
  tx: DbOrTx,
  options: { bodyId: string; offeringId: string; reportedBefore: boolean },
): Promise<void> {
  const { bodyId, offeringId, reportedBefore } = options;
  const earlier = reportedBefore
    ? sql`or exists (select 1 from attendance a where a.body_id = ${bodyId} and a.offering_id = ${offeringId}
        and a.person_id = r.person_id and a.completed_on = r.completed_on and a.id <> r.id)`
    : sql``;
  await tx.execute(sql`
    with ranked as (
      select ord, row_number() over (partition by person_id, completed_on order by ord) as n
      from roster_rows where person_id is not null
    )
    update roster_rows r set person_id = null from ranked
    where r.ord = ranked.ord and (ranked.n > 1 ${earlier})`);
}

/** Whether the offering has any attendance yet: a first roster has nothing to link to. */
export async function hasAttendance(tx: DbOrTx, bodyId: string, offeringId: string): Promise<boolean> {
  const [row] = await rowsOf<{ any: boolean }>(
    tx,
    sql`select exists (select 1 from attendance where body_id = ${bodyId} and offering_id = ${offeringId}) as any`,
  );
  return row!.any;
}
