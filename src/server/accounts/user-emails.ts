import { and, asc, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { Db, DbOrTx } from '../db/database';
import { userEmails } from '../db/schema/accounts';
import { recordAudit } from '../audit/record-audit';
import { matchPendingAttendance } from '../providers/attendance/match-pending-attendance';
import type { Actor } from './actor';

export async function listEmails(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ email: userEmails.email })
    .from(userEmails)
    .where(eq(userEmails.userId, userId))
    .orderBy(asc(userEmails.createdAt));
  return rows.map((row) => row.email);
}

// E-mails belong to the sign-in, not to one body: the change is recorded in each body the user is a certificant of.
async function auditEverywhere(db: DbOrTx, actor: Actor, action: string, email: string) {
  for (const membership of actor.memberships.filter((m) => m.personId)) {
    await recordAudit(db, {
      bodyId: membership.bodyId,
      actorUserId: actor.userId,
      entity: 'user-email',
      entityId: email,
      personId: membership.personId,
      action,
      ...(action.endsWith('added') ? { after: { email } } : { before: { email } }),
    });
  }
}

/** Adds a sign-in address. One that signs in someone else is refused: two accounts of one person are merged by an admin. */
export async function addEmail(db: Db, actor: Actor, email: string): Promise<string[]> {
  const address = email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ userId: userEmails.userId }).from(userEmails).where(eq(userEmails.email, address));
    if (taken && taken.userId !== actor.userId) {
      throw new RecertError('conflict', 'that address signs in another account; ask the body to merge the two accounts');
    }
    if (!taken) {
      await tx.insert(userEmails).values({ email: address, userId: actor.userId });
      await auditEverywhere(tx, actor, 'user-email.added', address);
      // Attendance a provider reported under this address becomes the person's, in each body they are a certificant of.
      for (const { bodyId, personId } of actor.memberships.filter((m) => m.role === 'certificant' && m.personId))
        await matchPendingAttendance(tx, { bodyId, personId: personId!, actorUserId: actor.userId });
    }
    return listEmails(tx, actor.userId);
  });
}

/** Removes a sign-in address; the last one stays. */
export async function removeEmail(db: Db, actor: Actor, email: string): Promise<string[]> {
  const address = email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const current = await listEmails(tx, actor.userId);
    if (!current.includes(address)) throw new RecertError('not-found', 'not found');
    if (current.length === 1) throw new RecertError('conflict', 'this is your only address: add another before removing it');
    await tx.delete(userEmails).where(and(eq(userEmails.email, address), eq(userEmails.userId, actor.userId)));
    await auditEverywhere(tx, actor, 'user-email.removed', address);
    return listEmails(tx, actor.userId);
  });
}
