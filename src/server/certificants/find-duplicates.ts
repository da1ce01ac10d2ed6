import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/database';
import { memberships, userEmails } from '../db/schema/accounts';
import { activities } from '../db/schema/activities';
import { certifications, people } from '../db/schema/people';
import type { DuplicatePair } from './merge-schemas';

const MAX_PAIRS = 500;

/**
 * Pairs of a body's records that are likely one person: the same name (letters
 * and digits only, any case) and the same birth date, or an e-mail that both
 * use (as a sign-in or a contact address). Records already merged are left out.
 */
export async function findDuplicates(db: DbOrTx, bodyId: string): Promise<DuplicatePair[]> {
  const found = await rowsOf<{ a: string; b: string; kind: 'name-and-birth-date' | 'shared-email'; email: string | null }>(
    db,
    sql`
    with live as (
      select id, birth_date, lower(regexp_replace(legal_name, '[^[:alnum:]]+', '', 'g')) as name_key, contact_emails
      from people where body_id = ${bodyId} and merged_into is null
    ),
    address as (
      select id as person_id, unnest(contact_emails) as email from live
      union
      select m.person_id, e.email from memberships m
      join user_emails e on e.user_id = m.user_id
      join live on live.id = m.person_id
      where m.body_id = ${bodyId} and m.role = 'certificant'
    )
    select a.id as a, b.id as b, 'name-and-birth-date' as kind, null as email
    from live a join live b on a.name_key = b.name_key and a.birth_date = b.birth_date and a.id < b.id
    union all
    select x.person_id, y.person_id, 'shared-email', x.email
    from address x join address y on x.email = y.email and x.person_id < y.person_id
    order by 1, 2, 3, 4
    limit ${MAX_PAIRS}`,
  );
  const pairs = new Map<string, { a: string; b: string; reasons: DuplicatePair['reasons'] }>();
  for (const row of found) {
    const key = `${row.a}/${row.b}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { a: row.a, b: row.b, reasons: [] }));
    pair.reasons.push(row.kind === 'shared-email' ? { kind: 'shared-email', email: row.email! } : { kind: row.kind });
  }
  if (pairs.size === 0) return [];
  const sides = await describePeople(db, bodyId, [...new Set(found.flatMap((row) => [row.a, row.b]))]);
  return [...pairs.values()].map((pair) => ({ a: sides.get(pair.a)!, b: sides.get(pair.b)!, reasons: pair.reasons }));
}

type Side = DuplicatePair['a'];

/** What an admin needs to tell two records apart: profile, addresses, programs and how much CE each holds. */
async function describePeople(db: DbOrTx, bodyId: string, ids: string[]): Promise<Map<string, Side>> {
  const [rows, signIns, held, counts] = await Promise.all([
    db
      .select()
      .from(people)
      .where(and(eq(people.bodyId, bodyId), inArray(people.id, ids))),
    db
      .select({ personId: memberships.personId, email: userEmails.email })
      .from(memberships)
      .innerJoin(userEmails, eq(userEmails.userId, memberships.userId))
      .where(
        and(
          eq(memberships.bodyId, bodyId),
          eq(memberships.role, 'certificant'),
          isNotNull(memberships.personId),
          inArray(memberships.personId, ids),
        ),
      ),
    db
      .select({ personId: certifications.personId, program: certifications.programId, awarded: certifications.awarded })
      .from(certifications)
      .where(and(eq(certifications.bodyId, bodyId), inArray(certifications.personId, ids)))
      .orderBy(asc(certifications.awarded)),
    db
      .select({ personId: activities.personId, n: count() })
      .from(activities)
      .where(and(eq(activities.bodyId, bodyId), inArray(activities.personId, ids)))
      .groupBy(activities.personId),
  ]);
  const sides = new Map<string, Side>();
  for (const row of rows) {
    sides.set(row.id, {
      id: row.id,
      number: row.number,
      legalName: row.legalName,
      birthDate: row.birthDate,
      city: row.city,
      region: row.region,
      emails: [...row.contactEmails],
      programs: [],
      activities: 0,
      createdAt: row.createdAt.toISOString(),
    });
  }
  for (const { personId, email } of signIns) {
    const side = sides.get(personId!);
    if (side && !side.emails.includes(email)) side.emails.push(email);
  }
  for (const { personId, program, awarded } of held) sides.get(personId)?.programs.push({ program, awarded });
  for (const { personId, n } of counts) sides.get(personId)!.activities = Number(n);
  return sides;
}
