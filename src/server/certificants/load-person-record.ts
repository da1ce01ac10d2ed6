import type { Hold } from '../../core/compliance/deadlines';
import { and, eq, sql } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { DbOrTx } from '../db/database';
import type { activities } from '../db/schema/activities';
import type { certifications } from '../db/schema/people';
import { people } from '../db/schema/people';
import type { PersonView } from './present-person';

export type PersonRow = typeof people.$inferSelect;
export type CertificationRow = typeof certifications.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;

export async function loadPerson(db: DbOrTx, bodyId: string, personId: string): Promise<PersonRow> {
  const [person] = await db
    .select()
    .from(people)
    .where(and(eq(people.bodyId, bodyId), eq(people.id, personId)));
  if (!person) throw new RecertError('not-found', 'not found');
  return person;
}

// Prepared once per database: a person with their certifications and activities in one statement.
const prepared = new WeakMap<object, ReturnType<typeof prepareRecordQuery>>();

function prepareRecordQuery(db: DbOrTx) {
  return db.query.people
    .findFirst({
      where: (person, { and, eq }) =>
        and(eq(person.bodyId, sql.placeholder('bodyId')), eq(person.id, sql.placeholder('personId'))),
      with: {
        certifications: { orderBy: (c, { asc }) => [asc(c.awarded), asc(c.programId)] },
        activities: { orderBy: (a, { asc }) => [asc(a.startDate), asc(a.id)] },
      },
    })
    .prepare('load_person_record');
}

/** A person with their certifications and activities (in date order, as the engine wants them), all in one body. */
export async function loadPersonRecord(db: DbOrTx, bodyId: string, personId: string) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareRecordQuery(db)));
  const found = await query.execute({ bodyId, personId });
  if (!found) throw new RecertError('not-found', 'not found');
  const { certifications: held, activities: done, ...person } = found;
  return { person: person as PersonRow, certifications: held, activities: done };
}

/** A held certification as the progress query returns it: program, awarded, renewed through. */
type HeldTuple = [
  program: string,
  awarded: string,
  renewedThrough: string | null,
  extendedTo: string | null,
  renewalSubmittedOn: string | null,
  hold: Hold | null,
];
/** An activity as the progress query returns it: only what the engine reads. */
type ActivityTuple = [
  id: string,
  type: string,
  startDate: string,
  endDate: string | null,
  hundredths: number,
  categories: string[],
  approved: boolean,
];

const progressPrepared = new WeakMap<object, ReturnType<typeof prepareProgressQuery>>();

// Exactly the person as presented (PersonView, see presentPerson): a field added there fails to compile here until
// its column is added. Birth date, timestamps and the feed token are not read at all.
const PERSON_VIEW = {
  id: people.id,
  bodyId: people.bodyId,
  number: people.number,
  legalName: people.legalName,
  city: people.city,
  region: people.region,
  member: people.member,
  contactEmails: people.contactEmails,
  mergedInto: people.mergedInto,
} satisfies Record<keyof PersonView, unknown>;

// The person as presented, and their certifications and activities as compact JSON of only the columns the engine
// reads, in the engine's order. The relational query above maps every column of every activity through the ORM
// (most of a progress request's CPU at 30 activities); here node parses one small JSON text natively. The
// activities' JSON is concatenated (json_build_array cost the database about three times as much).
function prepareProgressQuery(db: DbOrTx) {
  return db
    .select({
      ...PERSON_VIEW,
      // Written out: in a one-table select drizzle leaves column names unqualified, which a subquery cannot use.
      held: sql<
        HeldTuple[]
      >`(select coalesce(json_agg(json_build_array(c.program_id, c.awarded, c.renewed_through, c.extended_to, c.renewal_submitted_on, c.hold)
          order by c.awarded, c.program_id), '[]'::json)
        from certifications c where c.body_id = people.body_id and c.person_id = people.id)`,
      done: sql<string>`(select coalesce('[' || string_agg('["' || a.id::text || '",' || to_json(a.type)::text
          || ',"' || a.start_date::text || '",' || coalesce('"' || a.end_date::text || '"', 'null') || ','
          || a.hundredths::text || ',' || array_to_json(a.categories)::text || ',' || a.approved::text || ']', ','
          order by a.start_date, a.id) || ']', '[]')
        from activities a where a.body_id = people.body_id and a.person_id = people.id)`,
    })
    .from(people)
    .where(and(eq(people.bodyId, sql.placeholder('bodyId')), eq(people.id, sql.placeholder('personId'))))
    .prepare('load_progress_record');
}

/**
 * What a progress answer needs, in one prepared statement: the person, their certifications in award order and
 * their activities in date order, as the engine reads them. Everything is filtered by `bodyId`.
 */
export async function loadProgressRecord(db: DbOrTx, bodyId: string, personId: string) {
  let query = progressPrepared.get(db);
  if (!query) progressPrepared.set(db, (query = prepareProgressQuery(db)));
  const [found] = await query.execute({ bodyId, personId });
  if (!found) throw new RecertError('not-found', 'not found');
  const { held, done, ...person } = found;
  const activities = JSON.parse(done) as ActivityTuple[];
  return {
    person: person satisfies PersonView,
    held: held.map(([program, awarded, renewedThrough, extendedTo, renewalSubmittedOn, hold]) => ({
      program,
      awarded,
      renewedThrough,
      extendedTo,
      renewalSubmittedOn,
      hold,
    })),
    activities: activities.map(([id, type, date, endDate, hundredths, categories, approved]) => ({
      id,
      type,
      date,
      endDate,
      hours: hundredths / 100,
      categories,
      approved,
    })),
  };
}
