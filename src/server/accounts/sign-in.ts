import { eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { Db } from '../db/database';
import { userEmails, users } from '../db/schema/accounts';
import { verifyPassword } from './passwords';
import { createSession, type NewSession } from './sessions';

export interface SignInOptions {
  db: Db;
  email: string;
  password: string;
  sessionDays: number;
  now: Date;
}

/** Checks an e-mail (any of the user's) and password and starts a session. One message for every failure. */
export async function signIn({ db, email, password, sessionDays, now }: SignInOptions): Promise<NewSession & { userId: string }> {
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(userEmails)
    .innerJoin(users, eq(users.id, userEmails.userId))
    .where(eq(userEmails.email, email.trim().toLowerCase()));
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || user.disabledAt) {
    throw new RecertError('unauthenticated', 'that e-mail and password do not match an account');
  }
  const session = await createSession(db, user.id, sessionDays, now);
  return { ...session, userId: user.id };
}
