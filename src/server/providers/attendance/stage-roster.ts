import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database';
import type { StagedRow } from './check-roster';

const needsEscape = /[\\"]/;

/** A PostgreSQL array literal: one parameter for a whole column, parsed far faster than the same rows as JSON. */
function arrayLiteral(values: readonly (string | number | null)[]): string {
  const items = values.map((value) =>
    value === null
      ? 'NULL'
      : typeof value === 'number'
        ? String(value)
        : `"${needsEscape.test(value) ? value.replace(/[\\"]/g, '\\$&') : value}"`,
  );
  return `{${items.join(',')}}`;
}

/**
 * The roster in a temporary table `roster_rows` (dropped at commit), each row
 * beside the row already reported for its attendee and date (if any: by key,
 * or by e-mail for a row that now also gives the number) and the
 * certificant its number names (if not matched before): `person_id` is who
 * this import matches the row to. Returns how many rows were reported before.
 */
export async function stageRoster(
  tx: DbOrTx,
  bodyId: string,
  offeringId: string,
  staged: StagedRow[],
): Promise<{ existing: number }> {
  const column = <K extends keyof StagedRow>(key: K) => arrayLiteral(staged.map((row) => row[key] as string | number | null));
  await tx.execute(sql`
    create temporary table roster_input on commit drop as
    select * from unnest(${column('key')}::text[], ${column('name')}::text[], ${column('email')}::text[],
      ${column('number')}::text[], ${column('completedOn')}::date[], ${column('hundredths')}::integer[],
      ${column('grade')}::text[], ${column('code')}::text[])
      with ordinality as r(key, name, email, number, completed_on, hundredths, grade, code, ord)`);
  // Counted (a small sample is enough), the roster is joined to the people with hashes when it is large,
  // by looking them up when it is small.
  await tx.execute(sql`set local default_statistics_target = 10`);
  await tx.execute(sql`analyze roster_input`);
  await tx.execute(sql`
    create temporary table roster_rows on commit drop as
    select (r.ord - 1)::integer as ord, coalesce(a.id, gen_random_uuid()) as id, r.key, r.name, r.email, r.number, r.completed_on,
      r.hundredths, r.grade, r.code, a.id as attendance_id, a.person_id as old_person_id, a.hundredths as old_hundredths,
      a.activity_id as old_activity_id, case when a.person_id is null then p.id end as person_id,
      case when a.id is null then '{}'::text[] else array_remove(array[
        case when a.name <> r.name then 'name' end,
        case when a.email is distinct from r.email then 'email' end,
        case when a.number is distinct from r.number then 'number' end,
        case when a.hundredths <> r.hundredths then 'hours' end,
        case when a.grade is distinct from r.grade then 'grade' end], null) end as changed
    from roster_input r
    -- The row reported before for the attendee and date: by the same key, or by the e-mail alone when the
    -- provider has since added the certificant number.
    left join lateral (
      select * from attendance a
      where a.body_id = ${bodyId} and a.offering_id = ${offeringId} and a.completed_on = r.completed_on
        and a.attendee_key in (r.key, 'email:' || r.email)
      order by a.attendee_key = r.key desc limit 1
    ) a on true
    -- The certificant number matches first; merged records never match.
    left join people p on p.body_id = ${bodyId} and p.number = r.number and p.merged_into is null`);
  await tx.execute(sql`analyze roster_rows`);
  const [{ existing }] = (await rowsOf<{ existing: number }>(
    tx,
    sql`select count(attendance_id)::int as existing from roster_rows`,
  )) as [{ existing: number }];
  return { existing };
}
