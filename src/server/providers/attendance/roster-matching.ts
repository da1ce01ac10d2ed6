import { sql } from 'drizzle-orm';

/**
 * Matches the staged roster rows that have no certificant yet (roster_rows,
 * see importRoster), in one statement: the certificant number first (merged
 * records never match), then the e-mail, among the sign-in addresses of the
 * body's certificants, then among their contact addresses. An address that
 * belongs to two people matches neither: the row waits, unmatched, rather than
 * crediting the wrong person.
 */
export const STAGE_MATCHES = (bodyId: string) => sql`
  with wanted as (
    select ord, number, email from roster_rows where old_person_id is null
  ),
  by_number as (
    select w.ord, p.id as person_id
    from wanted w join people p on p.body_id = ${bodyId} and p.number = w.number and p.merged_into is null
  ),
  by_sign_in as (
    select e.email, (array_agg(distinct p.id))[1] as person_id
    from user_emails e
    join memberships m on m.user_id = e.user_id and m.body_id = ${bodyId} and m.role = 'certificant'
    join people p on p.body_id = ${bodyId} and p.id = m.person_id and p.merged_into is null
    where e.email in (select email from wanted where email is not null)
    group by e.email having count(distinct p.id) = 1
  ),
  by_contact as (
    select c.email, (array_agg(distinct p.id))[1] as person_id
    from people p cross join lateral unnest(p.contact_emails) as c(email)
    where p.body_id = ${bodyId} and p.merged_into is null and cardinality(p.contact_emails) > 0
      and c.email in (select email from wanted where email is not null)
    group by c.email having count(distinct p.id) = 1
  )
  update roster_rows r set person_id = coalesce(n.person_id, s.person_id, c.person_id)
  from wanted w
  left join by_number n on n.ord = w.ord
  left join by_sign_in s on s.email = w.email
  left join by_contact c on c.email = w.email
  where r.ord = w.ord and coalesce(n.person_id, s.person_id, c.person_id) is not null`;
