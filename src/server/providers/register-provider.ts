import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { Actor } from '../accounts/actor';
import { hashPassword } from '../accounts/passwords';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/database';
import { memberships, userEmails, users } from '../db/schema/accounts';
import { providers } from '../db/schema/providers';
import type { ProviderDetails } from './provider-schemas';

export type ProviderRow = typeof providers.$inferSelect;

/**
 * Registers a provider with the body and makes the registering user its
 * first provider user: the signed-in actor, or a new account. A user acts
 * for at most one provider per body.
 */
export async function registerProvider(options: {
  db: Db;
  bodyId: string;
  details: ProviderDetails;
  actor: Actor | null;
  account?: { displayName: string; email: string; password: string };
}): Promise<ProviderRow> {
  const { db, bodyId, details, actor, account } = options;
  if (!actor && !account)
    throw new RecertError('invalid-input', 'sign in, or give an account to create', [
      { path: 'body.account', message: 'is required when not signed in' },
    ]);
  const passwordHash = !actor && account ? await hashPassword(account.password) : null;
  return db.transaction(async (tx) => {
    let userId = actor?.userId;
    if (!userId) {
      const email = account!.email.toLowerCase();
      const [taken] = await tx.select().from(userEmails).where(eq(userEmails.email, email));
      if (taken)
        throw new RecertError('conflict', 'this address already has an account', [
          { path: 'body.account.email', message: 'already has an account: sign in and register from it' },
        ]);
      const [user] = await tx.insert(users).values({ displayName: account!.displayName, passwordHash }).returning();
      userId = user!.id;
      await tx.insert(userEmails).values({ email, userId });
    }
    const [existing] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.bodyId, bodyId), eq(memberships.userId, userId), eq(memberships.role, 'provider')));
    if (existing) throw new RecertError('conflict', 'you already act for a provider of this body');
    const [provider] = await tx
      .insert(providers)
      .values({ bodyId, ...details, email: details.email.toLowerCase() })
      .returning();
    await tx.insert(memberships).values({ bodyId, userId, role: 'provider', providerId: provider!.id });
    await recordAudit(tx, {
      bodyId,
      actorUserId: userId,
      entity: 'provider',
      entityId: provider!.id,
      action: 'provider.registered',
      after: details,
    });
    return provider!;
  });
}
