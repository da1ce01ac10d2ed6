import { and, asc, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { DbOrTx } from '../db/database';
import { activities } from '../db/schema/activities';
import { certifications, people } from '../db/schema/people';

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

/** A person with their certifications and activities (in date order, as the engine wants them), all in one body. */
export async function loadPersonRecord(db: DbOrTx, bodyId: string, personId: string) {
  const person = await loadPerson(db, bodyId, personId);
  const [held, done] = await Promise.all([
    db
      .select()
      .from(certifications)
      .where(and(eq(certifications.bodyId, bodyId), eq(certifications.personId, personId)))
      .orderBy(asc(certifications.awarded)),
    db
      .select()
      .from(activities)
      .where(and(eq(activities.bodyId, bodyId), eq(activities.personId, personId)))
      .orderBy(asc(activities.startDate), asc(activities.id)),
  ]);
  return { person, certifications: held, activities: done };
}
