import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database';
import { activities } from '../db/schema/activities';
import { certifications, cycleResults } from '../db/schema/people';
import { notifications } from '../db/schema/renewals';

/** Reads of the renewal tests. */

export async function certificationOf(db: DbOrTx, personId: string) {
  const [row] = await db.select().from(certifications).where(eq(certifications.personId, personId));
  return row!;
}

export async function resultsOf(db: DbOrTx, certificationId: string) {
  return db.select().from(cycleResults).where(eq(cycleResults.certificationId, certificationId)).orderBy(cycleResults.cycleStart);
}

export async function noticesOf(db: DbOrTx, personId: string) {
  return db.select().from(notifications).where(eq(notifications.personId, personId)).orderBy(notifications.createdAt);
}

export async function lockedOf(db: DbOrTx, bodyId: string, personId: string) {
  const rows = await db
    .select({ id: activities.id, lockedAt: activities.lockedAt })
    .from(activities)
    .where(and(eq(activities.bodyId, bodyId), eq(activities.personId, personId)));
  return rows.filter((row) => row.lockedAt !== null).map((row) => row.id);
}
