import { and, asc, eq, isNull } from 'drizzle-orm';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { recordAudit } from '../audit/record-audit';
import type { DbOrTx } from '../db/database';
import { credentialKeys } from '../db/schema/credentials';
import { openSecret, sealSecret, type CredentialKey } from './credential-key';

/** Ed25519 (EdDSA): small keys and signatures, deterministic signing. */
export const SIGNING_ALG = 'EdDSA';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/** Decrypted private keys by body and kid: keys never change once made. */
const unsealed = new Map<string, Promise<CryptoKey>>();

async function makeKeyRow(key: CredentialKey, bodyId: string, issuerId: string) {
  const pair = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true });
  const publicJwk = (await exportJWK(pair.publicKey)) as Record<string, string>;
  const privateJwk = await exportJWK(pair.privateKey);
  const kid = `${issuerId}#${await calculateJwkThumbprint(publicJwk as JWK)}`;
  return {
    bodyId,
    kid,
    alg: SIGNING_ALG,
    publicJwk: { kty: publicJwk.kty!, crv: publicJwk.crv!, x: publicJwk.x! },
    privateJwkEncrypted: sealSecret(key, JSON.stringify(privateJwk), bodyId),
  };
}

/**
 * The body's current signing key, made at first use. Two processes making it
 * at once: the unique index on the current key keeps one, and both use it.
 */
export async function currentSigningKey(db: DbOrTx, key: CredentialKey, bodyId: string, issuerId: string): Promise<SigningKey> {
  const read = () =>
    db
      .select()
      .from(credentialKeys)
      .where(and(eq(credentialKeys.bodyId, bodyId), isNull(credentialKeys.retiredAt)));
  let [row] = await read();
  if (!row) {
    await db
      .insert(credentialKeys)
      .values(await makeKeyRow(key, bodyId, issuerId))
      .onConflictDoNothing();
    [row] = await read();
  }
  return { kid: row!.kid, privateKey: await unseal(key, row!) };
}

function unseal(key: CredentialKey, row: typeof credentialKeys.$inferSelect): Promise<CryptoKey> {
  const cacheKey = `${row.bodyId} ${row.kid}`;
  let found = unsealed.get(cacheKey);
  if (!found) {
    found = importJWK(JSON.parse(openSecret(key, row.privateJwkEncrypted, row.bodyId)) as JWK, row.alg) as Promise<CryptoKey>;
    found.catch(() => unsealed.delete(cacheKey));
    unsealed.set(cacheKey, found);
  }
  return found;
}

/**
 * Rotation: the current key is retired (its public key stays published, so
 * every credential it signed still verifies) and a new one signs from now on.
 */
export async function rotateSigningKey(options: {
  tx: DbOrTx;
  key: CredentialKey;
  bodyId: string;
  issuerId: string;
  actorUserId: string;
  reason: string;
  now: Date;
}): Promise<{ kid: string; retired: string | null }> {
  const { tx, key, bodyId, issuerId, actorUserId, reason, now } = options;
  const retired = await tx
    .update(credentialKeys)
    .set({ retiredAt: now })
    .where(and(eq(credentialKeys.bodyId, bodyId), isNull(credentialKeys.retiredAt)))
    .returning({ kid: credentialKeys.kid });
  const row = await makeKeyRow(key, bodyId, issuerId);
  await tx.insert(credentialKeys).values({ ...row, createdAt: now });
  await recordAudit(tx, {
    bodyId,
    actorUserId,
    entity: 'credential-key',
    entityId: row.kid,
    action: 'credential-key.rotated',
    before: { kid: retired[0]?.kid ?? null },
    after: { kid: row.kid },
    reason,
  });
  return { kid: row.kid, retired: retired[0]?.kid ?? null };
}

export interface PublishedKey {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  alg: string;
  use: 'sig';
}

/** Every public key, current and retired, of one body or of the installation: what a JWKS publishes. */
export async function publishedKeys(
  db: DbOrTx,
  bodyId?: string,
): Promise<(PublishedKey & { bodyId: string; retiredAt: Date | null; createdAt: Date })[]> {
  const rows = await db
    .select()
    .from(credentialKeys)
    .where(bodyId ? eq(credentialKeys.bodyId, bodyId) : undefined)
    .orderBy(asc(credentialKeys.bodyId), asc(credentialKeys.createdAt));
  return rows.map((row) => ({
    kty: row.publicJwk.kty!,
    crv: row.publicJwk.crv!,
    x: row.publicJwk.x!,
    kid: row.kid,
    alg: row.alg,
    use: 'sig' as const,
    bodyId: row.bodyId,
    retiredAt: row.retiredAt,
    createdAt: row.createdAt,
  }));
}
