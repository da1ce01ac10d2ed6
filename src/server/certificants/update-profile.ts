import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { Db } from '../db/database';
import { people } from '../db/schema/people';
import { recordAudit } from '../audit/record-audit';
import type { PersonRow } from './load-person-record';
import { presentPerson } from './present-person';
import type { ProfileChange } from './person-schemas';

/** Changes a person's profile; only admins change the membership flag. Audited with before and after. */
export async function updateProfile(options: {
  db: Db;
  bodyId: string;
  personId: string;
  change: ProfileChange;
  mayChangeMembership: boolean;
  actorUserId: string;
  now: Date;
}): Promise<PersonRow> {
  const { db, bodyId, personId, change, mayChangeMembership, actorUserId, now } = options;
  if (change.member !== undefined && !mayChangeMembership) {
    throw new RecertError('forbidden', 'only the body’s admins change the membership flag');
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(people)
      .where(and(eq(people.bodyId, bodyId), eq(people.id, personId)))
      .for('update');
    if (!before) throw new RecertError('not-found', 'not found');
    const [after] = await tx
      .update(people)
      .set({ ...change, updatedAt: now })
      .where(and(eq(people.bodyId, bodyId), eq(people.id, personId)))
      .returning();
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'person',
      entityId: personId,
      personId,
      action: 'person.profile-changed',
      before: { ...presentPerson(before), birthDate: before.birthDate },
      after: { ...presentPerson(after!), birthDate: after!.birthDate },
    });
    return after!;
  });
}
