import { and, eq } from 'drizzle-orm';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DbOrTx } from '../db/database';
import { credentials, credentialStatusLists } from '../db/schema/credentials';
import { issuerIdOf, statusListUrlOf, VC_CONTEXT_V2 } from './credential-document';
import { signDocument } from './sign-credential';
import type { SigningKey } from './signing-keys';
import { STATUS_LIST_BITS } from './status-indexes';

export type StatusPurpose = 'revocation' | 'suspension';

/** How long a verifier (and any cache) may keep a served list: a decision shows within this. */
export const STATUS_LIST_MAX_AGE_SECONDS = 300;

/**
 * W3C Bitstring Status List encoding: the bitstring (index 0 is the
 * left-most, most significant bit of the first byte) GZIP-compressed, then
 * multibase base64url without padding, which is `u` followed by base64url.
 * node:zlib's gzip and Buffer's base64url are the encoders; this only orders them.
 */
export function encodeStatusList(indexes: Iterable<number>, bits = STATUS_LIST_BITS): string {
  const bytes = new Uint8Array(bits / 8);
  for (const index of indexes) bytes[index >> 3]! |= 0x80 >> (index & 7);
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/**
 * The bitstring of an encodedList, refusing what is not one: no `u` prefix,
 * not GZIP, or larger than `maxBytes` once inflated (a small hostile list can
 * inflate to gigabytes).
 */
export function decodeStatusList(encoded: string, maxBytes = 16 * STATUS_LIST_BITS): Uint8Array {
  if (!encoded.startsWith('u')) throw new Error('encodedList is not multibase base64url (no "u" prefix)');
  return new Uint8Array(gunzipSync(Buffer.from(encoded.slice(1), 'base64url'), { maxOutputLength: maxBytes }));
}

export function bitAt(bitstring: Uint8Array, index: number): boolean | null {
  if (!Number.isInteger(index) || index < 0 || index >> 3 >= bitstring.length) return null;
  return (bitstring[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

/** The BitstringStatusListCredential of one list and purpose, unsigned: its bits are what the credentials rows say now. */
export async function statusListDocument(options: {
  db: DbOrTx;
  base: string;
  bodyId: string;
  list: number;
  purpose: StatusPurpose;
  updatedAt: Date;
}) {
  const { db, base, bodyId, list, purpose, updatedAt } = options;
  const flag = purpose === 'revocation' ? credentials.revoked : credentials.suspended;
  const rows = await db
    .select({ index: credentials.statusIndex })
    .from(credentials)
    .where(and(eq(credentials.bodyId, bodyId), eq(credentials.statusList, list), eq(flag, true)));
  const url = statusListUrlOf(base, bodyId, list, purpose);
  return {
    '@context': [VC_CONTEXT_V2],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerIdOf(base, bodyId),
    validFrom: new Date(Math.floor(updatedAt.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: purpose,
      ttl: STATUS_LIST_MAX_AGE_SECONDS * 1000,
      encodedList: encodeStatusList(rows.map((row) => row.index)),
    },
  };
}

/** Signed lists by body, list, purpose and revision: rebuilt only when a bit changed (the revision moved). */
const served = new Map<string, Promise<string>>();
const MAX_SERVED = 1000;

/** The signed status list credential (VC-JWT) as served publicly, or null when the body has no such list. */
export async function signedStatusList(options: {
  db: DbOrTx;
  base: string;
  bodyId: string;
  list: number;
  purpose: StatusPurpose;
  signingKey: () => Promise<SigningKey>;
}): Promise<string | null> {
  const { db, bodyId, list, purpose } = options;
  const [row] = await db
    .select()
    .from(credentialStatusLists)
    .where(and(eq(credentialStatusLists.bodyId, bodyId), eq(credentialStatusLists.list, list)));
  if (!row) return null;
  const cacheKey = `${options.base} ${bodyId} ${list} ${purpose} ${row.revision}`;
  let jwt = served.get(cacheKey);
  if (!jwt) {
    if (served.size >= MAX_SERVED) served.clear();
    jwt = (async () =>
      signDocument(await statusListDocument({ ...options, updatedAt: row.updatedAt }), await options.signingKey()))();
    jwt.catch(() => served.delete(cacheKey));
    served.set(cacheKey, jwt);
  }
  return jwt;
}
