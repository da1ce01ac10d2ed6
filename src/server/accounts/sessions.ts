import { and, eq, gt } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTx } from '../db/database';
import { memberships, sessions, users } from '../db/schema/accounts';
import { bodies } from '../db/schema/bodies';
import type { Actor } from './actor';

export const SESSION_COOKIE = 'recert_session';

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a session; only the token's hash is stored, so a leaked table opens no session. */
export async function createSession(db: DbOrTx, userId: string, days: number, now: Date): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  await db.insert(sessions).values({ tokenHash: digest(token), userId, csrfToken, expiresAt, createdAt: now });
  return { token, csrfToken, expiresAt };
}

export async function endSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, digest(token)));
}

export interface SessionActor {
  actor: Actor;
  csrfToken: string;
}

/** The actor behind a session token, or null when it is unknown, expired or the user is disabled. */
export async function actorForSession(db: DbOrTx, token: string, now: Date): Promise<SessionActor | null> {
  const [row] = await db
    .select({ userId: users.id, displayName: users.displayName, disabledAt: users.disabledAt, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, digest(token)), gt(sessions.expiresAt, now)));
  if (!row || row.disabledAt) return null;
  const roles = await db
    .select({
      bodyId: memberships.bodyId,
      bodyName: bodies.name,
      role: memberships.role,
      personId: memberships.personId,
      providerId: memberships.providerId,
    })
    .from(memberships)
    .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
    .where(eq(memberships.userId, row.userId));
  return { actor: { userId: row.userId, displayName: row.displayName, memberships: roles }, csrfToken: row.csrfToken };
}
