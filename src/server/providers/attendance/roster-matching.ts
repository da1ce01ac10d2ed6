import { sql } from 'drizzle-orm';

/**
 * Matches by e-mail the staged roster rows (roster_rows, see importRoster)
 * that neither were matched before nor name a certificant by number: among
 * the sign-in addresses of the body's certificants first, else among their
 * contact addresses. Where the first of these that finds anyone finds two
 * people (an address two people share), the row waits unmatched rather than
 * credit the wrong person.
 *
 * Written as one list of candidates ranked by how they were found, not as
 * joins on grouped results: the planner cannot estimate the size of a
 * grouped result and would loop over it row by row.
 */
export const MATCH_BY_EMAIL = (bodyId: string) => sql`
  with wanted as materialized (
    select ord, email from roster_rows where old_person_id is null and person_id is null and email is not null
  ),
  candidates as materialized (
    select w.ord, p.id as person_id, 1 as rank
    from wanted w
    join user_emails e on e.email = w.email
    join memberships m on m.user_id = e.user_id and m.body_id = ${bodyId} and m.role = 'certificant'
    join people p on p.body_id = ${bodyId} and p.id = m.person_id and p.merged_into is null
    union all
    select w.ord, p.id, 2
    from people p
    cross join lateral unnest(p.contact_emails) as c(email)
    join wanted w on w.email = c.email
    where p.body_id = ${bodyId} and p.merged_into is null and cardinality(p.contact_emails) > 0
  ),
  found as (
    select distinct on (ord) ord, rank from candidates order by ord, rank
  ),
  chosen as (
    select c.ord, min(c.person_id::text)::uuid as person_id
    from candidates c join found f on f.ord = c.ord and f.rank = c.rank
    group by c.ord having count(distinct c.person_id) = 1
  )
  update roster_rows r set person_id = chosen.person_id from chosen where r.ord = chosen.ord`;
