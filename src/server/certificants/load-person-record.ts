import { and, eq, sql } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { DbOrTx } from '../db/database';
import type { activities } from '../db/schema/activities';
import type { certifications } from '../db/schema/people';
import { people } from '../db/schema/people';

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
