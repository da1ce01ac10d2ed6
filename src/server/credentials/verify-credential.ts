import { eq } from 'drizzle-orm';
import { compactVerify, createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, errors, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { RecertError } from '../../core/errors';
import type { DbOrTx } from '../db/database';
import { credentials } from '../db/schema/credentials';
import { publishedKeys } from './signing-keys';
import { bitAt, decodeStatusList } from './status-list';

/** A pasted or uploaded VC-JWT larger than this is not a credential. */
export const MAX_JWT_LENGTH = 64 * 1024;

/**
 * The text of an uploaded credential file (read up to twice the JWT limit:
 * room for whitespace and a BOM), judged by its bytes: UTF-8, no control
 * characters but line breaks. The verification then says whether it is a credential.
 */
export function uploadedJwt(bytes: Buffer): string {
  if (bytes.length === 0) throw new RecertError('invalid-input', 'the file is empty', [{ path: 'file', message: 'is empty' }]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new RecertError('unsupported-media-type', 'a credential file is text (a .jwt); this one is not UTF-8 text');
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
    throw new RecertError('unsupported-media-type', 'a credential file is text (a .jwt); this one holds binary data');
  return text;
}

export const VERDICTS = [
  'valid',
  'revoked',
  'suspended',
  'expired',
  'not-yet-valid',
  'tampered',
  'unknown-key',
  'malformed',
  'unsupported',
] as const;

const check = z.object({ ok: z.boolean().nullable(), detail: z.string() });

export const verificationSchema = z.object({
  verdict: z.enum(VERDICTS),
  /** One sentence saying what the verdict means. */
  summary: z.string(),
  checkedAt: z.string(),
  checks: z.object({
    format: check,
    signature: check,
    issuerKey: check.extend({ kid: z.string().nullable() }),
    dates: check.extend({ validFrom: z.string().nullable(), validUntil: z.string().nullable() }),
    revocation: check,
    suspension: check,
  }),
  credential: z
    .object({
      id: z.string(),
      name: z.string(),
      holderName: z.string().nullable(),
      certificateNumber: z.string().nullable(),
      achievement: z.string().nullable(),
      designation: z.string().nullable(),
      awarded: z.string().nullable(),
      validFrom: z.string().nullable(),
      validUntil: z.string().nullable(),
      issuer: z.object({ id: z.string(), name: z.string().nullable() }),
    })
    .nullable(),
  /** For a credential of this installation that was superseded: the one that replaced it. */
  supersededBy: z.string().nullable(),
});
export type Verification = z.output<typeof verificationSchema>;

const entrySchema = z.object({
  type: z.literal('BitstringStatusListEntry'),
  statusPurpose: z.string(),
  statusListIndex: z.string().regex(/^\d{1,9}$/),
  statusListCredential: z.url(),
});
const vcSchema = z.object({
  '@context': z.array(z.unknown()).min(1),
  id: z.string().max(500),
  type: z.array(z.string()).max(20),
  name: z.string().max(1000).optional(),
  issuer: z.union([z.string().max(500), z.object({ id: z.string().max(500), name: z.string().max(500).optional() })]),
  validFrom: z.string().max(40).optional(),
  validUntil: z.string().max(40).optional(),
  awardedDate: z.string().max(40).optional(),
  credentialSubject: z
    .object({
      identifier: z
        .array(z.object({ identityType: z.string().optional(), identityHash: z.string().max(500).optional() }))
        .max(20)
        .optional(),
      licenseNumber: z.string().max(200).optional(),
      achievement: z.object({ name: z.string().max(500).optional(), humanCode: z.string().max(100).optional() }).optional(),
    })
    .optional(),
  credentialStatus: z.union([entrySchema, z.array(entrySchema).max(10)]).optional(),
});
type Vc = z.output<typeof vcSchema>;

/** How this installation is reached, to tell its own credentials and status lists from another issuer's. */
export interface VerifyServices {
  db: DbOrTx;
  base: string;
  now: Date;
  /** The signed status list of this installation at a URL of it (no HTTP round trip to itself). */
  localStatusList: (url: string) => Promise<string | null>;
}

const remoteKeySets = new Map<string, JWTVerifyGetKey>();
function remoteKeys(url: string): JWTVerifyGetKey {
  let found = remoteKeySets.get(url);
  if (!found) {
    if (remoteKeySets.size > 200) remoteKeySets.clear();
    found = createRemoteJWKSet(new URL(url), { timeoutDuration: 3000, cooldownDuration: 30_000 });
    remoteKeySets.set(url, found);
  }
  return found;
}

/** Only public https addresses are fetched for another issuer's keys or lists: nothing on this network is reached. */
function fetchable(url: URL): boolean {
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (/^(localhost|.*\.local|.*\.internal)$/i.test(host)) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':')) return false; // IP literals: no private ranges by accident
  return true;
}

const blank = (): Verification['checks'] => ({
  format: { ok: null, detail: 'not checked' },
  signature: { ok: null, detail: 'not checked' },
  issuerKey: { ok: null, detail: 'not checked', kid: null },
  dates: { ok: null, detail: 'not checked', validFrom: null, validUntil: null },
  revocation: { ok: null, detail: 'not checked' },
  suspension: { ok: null, detail: 'not checked' },
});

const SUMMARY: Record<Verification['verdict'], string> = {
  valid: 'The credential is genuine, within its dates, and neither revoked nor suspended.',
  revoked: 'The credential is genuine but revoked by its issuer: it is no longer valid.',
  suspended: 'The credential is genuine but suspended by its issuer: it is not valid while suspended.',
  expired: 'The credential is genuine but its validity period has ended.',
  'not-yet-valid': 'The credential is genuine but its validity period has not begun.',
  tampered: 'The signature does not match: the credential was altered or not signed by this key.',
  'unknown-key': "The issuer's key could not be found, so the credential cannot be checked.",
  malformed: 'This is not a readable VC-JWT credential.',
  unsupported: 'The credential uses a signature algorithm or format this verifier does not accept.',
};

/**
 * Verifies a VC-JWT, from this installation or another issuer whose JWKS it
 * can fetch (https, at the issuer's origin /.well-known/jwks.json, the kid
 * naming the issuer id): format, signature (EdDSA or ES256 only, never
 * `none`), the issuer's key, the dates, each status bit. Every failure is an
 * answer, never an exception.
 */
export async function verifyCredentialJwt(input: string, services: VerifyServices): Promise<Verification> {
  const checks = blank();
  const answer = (verdict: Verification['verdict'], vc: Vc | null = null, supersededBy: string | null = null): Verification => ({
    verdict,
    summary: SUMMARY[verdict],
    checkedAt: services.now.toISOString(),
    checks,
    credential: vc ? describe(vc) : null,
    supersededBy,
  });
  const jwt = input.trim();
  if (jwt.length > MAX_JWT_LENGTH || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(jwt)) {
    checks.format = { ok: false, detail: 'not a compact JWS (three base64url parts separated by dots, at most 64 KB)' };
    return answer('malformed');
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  let vc: Vc;
  try {
    header = decodeProtectedHeader(jwt);
    const parsed = vcSchema.safeParse(JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')));
    if (!parsed.success) {
      checks.format = {
        ok: false,
        detail: `not a verifiable credential: ${parsed.error.issues[0]!.path.join('.') || 'payload'} ${parsed.error.issues[0]!.message}`,
      };
      return answer('malformed');
    }
    vc = parsed.data;
  } catch {
    checks.format = { ok: false, detail: 'the header or payload is not base64url-encoded JSON' };
    return answer('malformed');
  }
  if (!vc.type.includes('VerifiableCredential')) {
    checks.format = { ok: false, detail: 'type does not include VerifiableCredential' };
    return answer('malformed');
  }
  if (header.alg !== 'EdDSA' && header.alg !== 'ES256' && header.alg !== 'Ed25519') {
    checks.format = { ok: true, detail: 'a VC-JWT' };
    checks.signature = { ok: false, detail: `algorithm ${JSON.stringify(header.alg ?? null)} is not accepted (EdDSA or ES256)` };
    return answer('unsupported', vc);
  }
  checks.format = { ok: true, detail: `a VC-JWT (${header.typ ?? 'no typ'}) of type ${vc.type.join(', ')}` };
  const issuerId = typeof vc.issuer === 'string' ? vc.issuer : vc.issuer.id;
  const kid = typeof header.kid === 'string' ? header.kid : null;
  checks.issuerKey.kid = kid;
  if (!kid || !kid.startsWith(`${issuerId}#`)) {
    checks.issuerKey = { ok: false, kid, detail: `the key id must name the issuer (${issuerId}#...)` };
    return answer('unknown-key', vc);
  }

  // The key: this installation's (from its database), or the issuer origin's published JWKS.
  let keys: JWTVerifyGetKey;
  let own = false;
  if (issuerId.startsWith(`${services.base}/`)) {
    own = true;
    const bodyId = /\/api\/v1\/bodies\/([a-z0-9-]+)\/issuer$/.exec(issuerId)?.[1];
    const published = bodyId ? (await publishedKeys(services.db, bodyId)).filter((k) => k.kid === kid) : [];
    if (published.length === 0) {
      checks.issuerKey = { ok: false, kid, detail: 'no key of this issuer has this id' };
      return answer('unknown-key', vc);
    }
    keys = createLocalJWKSet({ keys: published.map(({ kty, crv, x, kid: id, alg }) => ({ kty, crv, x, kid: id, alg })) });
    checks.issuerKey = {
      ok: true,
      kid,
      detail: published[0]!.retiredAt ? 'a retired key of the issuer, still published' : "the issuer's current key",
    };
  } else {
    let url: URL;
    try {
      url = new URL('/.well-known/jwks.json', issuerId);
    } catch {
      checks.issuerKey = { ok: false, kid, detail: 'the issuer id is not a URL whose keys can be fetched' };
      return answer('unknown-key', vc);
    }
    if (!fetchable(url)) {
      checks.issuerKey = { ok: false, kid, detail: `keys are fetched only from public https addresses, not ${url.origin}` };
      return answer('unknown-key', vc);
    }
    keys = remoteKeys(url.toString());
    checks.issuerKey = { ok: null, kid, detail: `looked up at ${url}` };
  }
  try {
    await compactVerify(jwt, keys, { algorithms: ['EdDSA', 'ES256', 'Ed25519'] });
    checks.signature = { ok: true, detail: `signed with ${header.alg}` };
    if (!own) checks.issuerKey = { ...checks.issuerKey, ok: true };
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      checks.signature = { ok: false, detail: 'the signature does not match the credential' };
      return answer('tampered', vc);
    }
    if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError) {
      if (error instanceof errors.JWSInvalid) {
        checks.signature = { ok: false, detail: 'the JWS is invalid' };
        return answer('malformed', vc);
      }
      checks.issuerKey = { ...checks.issuerKey, ok: false, detail: `${checks.issuerKey.detail}: no such key (${error.code})` };
      return answer('unknown-key', vc);
    }
    checks.issuerKey = { ...checks.issuerKey, ok: false, detail: `${checks.issuerKey.detail}: could not be fetched` };
    return answer('unknown-key', vc);
  }

  let supersededBy: string | null = null;
  const ownId = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(vc.id)?.[1];
  if (own && ownId) {
    const [row] = await services.db
      .select({ supersededBy: credentials.supersededBy })
      .from(credentials)
      .where(eq(credentials.id, ownId));
    supersededBy = row?.supersededBy ?? null;
  }

  // Status before dates: a revoked credential is revoked whatever its dates say.
  const statuses =
    vc.credentialStatus === undefined ? [] : Array.isArray(vc.credentialStatus) ? vc.credentialStatus : [vc.credentialStatus];
  for (const purpose of ['revocation', 'suspension'] as const) {
    const entry = statuses.find((s) => s.statusPurpose === purpose);
    if (!entry) {
      checks[purpose] = { ok: true, detail: `the credential has no ${purpose} status` };
      continue;
    }
    checks[purpose] = await statusBit(entry, purpose, issuerId, keys, services, own);
  }
  const at = services.now.getTime();
  const from = vc.validFrom ? Date.parse(vc.validFrom) : Number.NaN;
  const until = vc.validUntil ? Date.parse(vc.validUntil) : Number.NaN;
  checks.dates = {
    ok: !(from > at) && !(until < at),
    validFrom: vc.validFrom ?? null,
    validUntil: vc.validUntil ?? null,
    detail:
      from > at
        ? `valid only from ${vc.validFrom}`
        : until < at
          ? `validity ended ${vc.validUntil}`
          : `valid ${vc.validFrom ?? 'from issue'} to ${vc.validUntil ?? 'no end date'}`,
  };
  if (checks.revocation.ok === false) return answer('revoked', vc, supersededBy);
  if (checks.suspension.ok === false) return answer('suspended', vc, supersededBy);
  if (from > at) return answer('not-yet-valid', vc, supersededBy);
  if (until < at) return answer('expired', vc, supersededBy);
  if (checks.revocation.ok === null || checks.suspension.ok === null) {
    // A status that could not be read is not proof of validity.
    return {
      ...answer('unknown-key', vc, supersededBy),
      summary: 'The status list could not be read, so the status is unknown.',
    };
  }
  return answer('valid', vc, supersededBy);
}

async function statusBit(
  entry: z.output<typeof entrySchema>,
  purpose: 'revocation' | 'suspension',
  issuerId: string,
  keys: JWTVerifyGetKey,
  services: VerifyServices,
  own: boolean,
): Promise<{ ok: boolean | null; detail: string }> {
  const url = entry.statusListCredential;
  try {
    let jwt: string | null;
    if (own && url.startsWith(`${services.base}/`)) jwt = await services.localStatusList(url);
    else if (!fetchable(new URL(url))) return { ok: null, detail: `the status list at ${url} is not a public https address` };
    else {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000), redirect: 'error' });
      const text = response.ok ? await response.text() : null;
      jwt = text && text.length <= 4 * MAX_JWT_LENGTH ? text.trim() : null;
    }
    if (!jwt) return { ok: null, detail: `the status list at ${url} could not be read` };
    const { payload } = await compactVerify(jwt, keys, { algorithms: ['EdDSA', 'ES256', 'Ed25519'] });
    const list = z
      .object({
        issuer: z.union([z.string(), z.object({ id: z.string() })]),
        credentialSubject: z.object({ statusPurpose: z.string(), encodedList: z.string().max(4 * MAX_JWT_LENGTH) }),
      })
      .parse(JSON.parse(new TextDecoder().decode(payload)));
    const listIssuer = typeof list.issuer === 'string' ? list.issuer : list.issuer.id;
    if (listIssuer !== issuerId || list.credentialSubject.statusPurpose !== purpose)
      return { ok: null, detail: `the status list at ${url} is not the issuer's ${purpose} list` };
    const bit = bitAt(decodeStatusList(list.credentialSubject.encodedList), Number(entry.statusListIndex));
    if (bit === null) return { ok: null, detail: `index ${entry.statusListIndex} is outside the status list` };
    return bit
      ? { ok: false, detail: `${purpose === 'revocation' ? 'revoked' : 'suspended'} (bit ${entry.statusListIndex} is set)` }
      : { ok: true, detail: `not ${purpose === 'revocation' ? 'revoked' : 'suspended'} (bit ${entry.statusListIndex} is clear)` };
  } catch {
    return { ok: null, detail: `the status list at ${url} could not be read or verified` };
  }
}

function describe(vc: Vc): NonNullable<Verification['credential']> {
  const subject = vc.credentialSubject;
  return {
    id: vc.id,
    name: vc.name ?? vc.type.join(', '),
    holderName: subject?.identifier?.find((i) => i.identityType === 'name')?.identityHash ?? null,
    certificateNumber: subject?.licenseNumber ?? null,
    achievement: subject?.achievement?.name ?? null,
    designation: subject?.achievement?.humanCode ?? null,
    awarded: vc.awardedDate ?? null,
    validFrom: vc.validFrom ?? null,
    validUntil: vc.validUntil ?? null,
    issuer: typeof vc.issuer === 'string' ? { id: vc.issuer, name: null } : { id: vc.issuer.id, name: vc.issuer.name ?? null },
  };
}
