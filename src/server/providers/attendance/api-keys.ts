import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { RecertError } from '../../../core/errors';
import type { Actor } from '../../accounts/actor';
import { recordAudit } from '../../audit/record-audit';
import type { Db, DbOrTx } from '../../db/database';
import { providers } from '../../db/schema/providers';

const KEY_PREFIX = 'rk_';
/** Enough of the key to tell keys apart in a list, far too little to guess the rest. */
const SHOWN_CHARACTERS = 10;

const digest = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Creates the provider's API key, replacing any earlier one (which stops
 * working at once). The key is returned this once; only its SHA-256 and its
 * first characters are kept.
 */
export async function rotateApiKey(options: {
  db: Db;
  bodyId: string;
  providerId: string;
  actorUserId: string;
  now: Date;
}): Promise<{ key: string; prefix: string; createdAt: string }> {
  const { db, bodyId, providerId, actorUserId, now } = options;
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const prefix = key.slice(0, SHOWN_CHARACTERS);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(providers)
      .set({ apiKeyHash: digest(key), apiKeyPrefix: prefix })
      .where(and(eq(providers.bodyId, bodyId), eq(providers.id, providerId)))
      .returning({ id: providers.id });
    if (!updated) throw new RecertError('not-found', 'not found');
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'provider',
      entityId: providerId,
      action: 'provider.api-key-created',
      after: { prefix },
    });
  });
  return { key, prefix, createdAt: now.toISOString() };
}

/** Revokes the provider's API key; requests with it are refused from now on. */
export async function revokeApiKey(options: { db: Db; bodyId: string; providerId: string; actorUserId: string }) {
  const { db, bodyId, providerId, actorUserId } = options;
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ prefix: providers.apiKeyPrefix })
      .from(providers)
      .where(and(eq(providers.bodyId, bodyId), eq(providers.id, providerId)))
      .for('update');
    if (!before?.prefix) throw new RecertError('not-found', 'the provider has no API key');
    await tx
      .update(providers)
      .set({ apiKeyHash: null, apiKeyPrefix: null })
      .where(and(eq(providers.bodyId, bodyId), eq(providers.id, providerId)));
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'provider',
      entityId: providerId,
      action: 'provider.api-key-revoked',
      before: { prefix: before.prefix },
    });
  });
}

export async function apiKeyPrefix(db: DbOrTx, bodyId: string, providerId: string): Promise<string | null> {
  const [row] = await db
    .select({ prefix: providers.apiKeyPrefix })
    .from(providers)
    .where(and(eq(providers.bodyId, bodyId), eq(providers.id, providerId)));
  return row?.prefix ?? null;
}

/** The key of an `Authorization: Bearer <key>` header, or null when the request carries none. */
export function bearerKey(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}

/** Who reports attendance: a provider's signed-in user, or the provider itself through its API key. */
export interface Reporter {
  actor: Actor;
  /** The user behind the request; null for an API key, which acts for the provider as a whole. */
  userId: string | null;
  via: 'session' | 'api-key';
}

/**
 * The provider an API key acts for, as an actor that holds nothing but that
 * provider's membership: it may report its attendance, and other routes do not
 * accept keys at all. Unknown and revoked keys are refused, and so are the keys
 * of suspended or terminated providers.
 */
export async function reporterForKey(db: DbOrTx, key: string): Promise<Reporter> {
  const [provider] = await db
    .select({ bodyId: providers.bodyId, id: providers.id, name: providers.name, status: providers.status })
    .from(providers)
    .where(eq(providers.apiKeyHash, digest(key)));
  if (!provider) throw new RecertError('unauthenticated', 'unknown or revoked API key');
  if (provider.status === 'suspended' || provider.status === 'terminated')
    throw new RecertError('forbidden', `the provider is ${provider.status}: its API key is refused`);
  return {
    actor: {
      // Only authorization reads this actor; what reporting records is `userId` below (none).
      userId: `api-key:${provider.id}`,
      displayName: provider.name,
      memberships: [{ bodyId: provider.bodyId, bodyName: '', role: 'provider', personId: null, providerId: provider.id }],
    },
    userId: null,
    via: 'api-key',
  };
}
