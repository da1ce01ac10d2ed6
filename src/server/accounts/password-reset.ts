import { and, eq, gt, isNull } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { RecertError } from '../../core/errors';
import type { Db } from '../db/database';
import { passwordResets, sessions, userEmails, users } from '../db/schema/accounts';
import type { Mailer } from '../mail/mailer';
import { hashPassword } from './passwords';

const LIFETIME_MS = 60 * 60 * 1000;
const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sends a one-time link to reset the password, when the address belongs to an
 * account. The answer is the same either way, so it reveals no addresses.
 */
export async function requestPasswordReset(options: {
  db: Db;
  mailer: Mailer;
  email: string;
  publicUrl: string;
  now: Date;
}): Promise<void> {
  const { db, mailer, publicUrl, now } = options;
  const email = options.email.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(userEmails)
    .innerJoin(users, eq(users.id, userEmails.userId))
    .where(eq(userEmails.email, email));
  if (!user || user.disabledAt) return;
  const token = randomBytes(32).toString('base64url');
  await db
    .insert(passwordResets)
    .values({ tokenHash: digest(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + LIFETIME_MS) });
  await mailer.send({
    to: email,
    subject: 'Reset your Recert password',
    text: [
      'Someone (we hope you) asked to reset the password of your Recert account.',
      '',
      `Open this link within an hour to choose a new password:`,
      `${publicUrl.replace(/\/$/, '')}/reset-password?token=${token}`,
      '',
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ].join('\n'),
  });
}

/** Sets a new password with a valid, unused link, and ends every session of the account. */
export async function completePasswordReset(options: { db: Db; token: string; password: string; now: Date }): Promise<string> {
  const { db, token, password, now } = options;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, digest(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ userId: passwordResets.userId });
    if (!reset)
      throw new RecertError('invalid-input', 'this reset link is invalid, used or expired; ask for a new one', [
        { path: 'body.token', message: 'invalid, used or expired' },
      ]);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    return reset.userId;
  });
}
