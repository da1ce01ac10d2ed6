import { and, eq } from 'drizzle-orm';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { gunzipSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyStore } from '../bodies/policy-store';
import { auditLog } from '../db/schema/audit';
import { credentials } from '../db/schema/credentials';
import { certifications, people } from '../db/schema/people';
import { tick } from '../scheduler/tick';
import { buildCertificant } from '../testing/factories';
import { seedCast, signInCast } from '../testing/namss-fixture';
import { createTestApp, TEST_NOW, type TestApp } from '../testing/test-app';
import { syncCredentials } from './sync-credentials';

/*
 * Issued credentials checked the way a stranger would: the VC-JWT and the
 * status lists are verified with jose against the published JWKS only, and
 * the bitstrings are decoded here, independently of the server's decoder.
 */

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: Awaited<ReturnType<typeof signInCast<'alice' | 'ada'>>>;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  as = await signInCast(t, ['alice', 'ada'] as const);
  // The cast is made by factories, as an import would: the daily tick issues their first credentials.
  await tick({ db: t.database.db, registry: await new PolicyStore(t.database.db).current(), now: TEST_NOW });
}, 60_000);
afterAll(() => t.close());

const local = (url: string) => new URL(url).pathname;
const aliceUrl = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}`;

async function publishedKeySet() {
  const response = await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
  return response.json() as JSONWebKeySet;
}

/** A VC-JWT verified against the JWKS served at /.well-known/jwks.json: its header and credential. */
async function verified(jwt: string) {
  const { payload, protectedHeader } = await compactVerify(jwt, createLocalJWKSet(await publishedKeySet()));
  return { header: protectedHeader, vc: JSON.parse(new TextDecoder().decode(payload)) };
}

async function aliceCredentials() {
  const response = await t.app.inject({ method: 'GET', url: `${aliceUrl()}/credentials`, headers: as.alice });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().credentials as { id: string; state: string; reason: string | null; validUntil: string }[];
}

async function jwtOf(id: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/credentials/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/vc\+jwt/);
  return response.body;
}

/** Both status bits of a credential, read from its signed status lists. */
async function bitsOf(id: string) {
  const { vc } = await verified(await jwtOf(id));
  const bits: Record<string, boolean> = {};
  for (const entry of vc.credentialStatus as { statusPurpose: string; statusListIndex: string; statusListCredential: string }[]) {
    const response = await t.app.inject({ method: 'GET', url: local(entry.statusListCredential) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    const list = (await verified(response.body)).vc;
    expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(list.credentialSubject.statusPurpose).toBe(entry.statusPurpose);
    const encoded = list.credentialSubject.encodedList as string;
    expect(encoded[0]).toBe('u');
    const bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(bytes.length).toBeGreaterThanOrEqual(16 * 1024);
    const index = Number(entry.statusListIndex);
    bits[entry.statusPurpose] = ((bytes[Math.floor(index / 8)]! >> (7 - (index % 8))) & 1) === 1;
  }
  return bits;
}

const verification = async (id: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/credentials/${id}/verification` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const decide = async (action: 'suspend' | 'withdraw' | 'restore') => {
  const response = await t.app.inject({
    method: 'POST',
    url: `${aliceUrl()}/standing`,
    headers: as.ada,
    payload: { program: 'namss/cpcs', action, reason: `Ethics committee: ${action}` },
  });
  expect(response.statusCode, response.body).toBe(201);
};

describe('an issued credential', () => {
  it('is an Open Badges 3.0 VC-JWT that verifies against the published keys alone', async () => {
    const [only, ...rest] = await aliceCredentials();
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ state: 'active', validUntil: '2022-12-01' });
    const jwt = await jwtOf(only!.id);
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
    const { header, vc } = await verified(jwt);
    const issuer = 'http://localhost:3000/api/v1/bodies/namss/issuer';
    expect(header.kid).toMatch(new RegExp(`^${issuer}#[A-Za-z0-9_-]{43}$`));
    expect(vc).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `urn:uuid:${only!.id}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: issuer, type: ['Profile'], name: 'National Association Medical Staff Services' },
      // The cycle from December 2, 2019 to December 1, 2022, whole days in New York.
      validFrom: '2019-12-02T05:00:00Z',
      validUntil: '2022-12-02T04:59:59Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ identityType: 'name', identityHash: 'Alice Adams' }],
        licenseNumber: cast.alice.person.number,
        achievement: { type: ['Achievement'], humanCode: 'CPCS', criteria: { narrative: expect.stringContaining('CPCS') } },
      },
    });
    expect(vc.credentialStatus).toHaveLength(2);
    expect(vc.credentialStatus.map((entry: { statusPurpose: string }) => entry.statusPurpose)).toEqual([
      'revocation',
      'suspension',
    ]);
    expect(await bitsOf(only!.id)).toEqual({ revocation: false, suspension: false });
    expect(await verification(only!.id)).toMatchObject({
      verdict: 'valid',
      checks: { signature: { ok: true }, issuerKey: { ok: true }, dates: { ok: true }, revocation: { ok: true } },
      credential: {
        holderName: 'Alice Adams',
        designation: 'CPCS',
        issuer: { name: 'National Association Medical Staff Services' },
      },
    });
  });

  it('is the same JWT every time it is fetched, and the public lookup names it', async () => {
    const [current] = await aliceCredentials();
    expect(await jwtOf(current!.id)).toBe(await jwtOf(current!.id));
    const lookup = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/good-standing?q=alice' });
    expect(lookup.json().people[0].certifications[0].credentialId).toBe(current!.id);
  });

  it('comes as a certificate PDF whose link and subject are the verification page', async () => {
    const [current] = await aliceCredentials();
    const response = await t.app.inject({
      method: 'GET',
      url: `${aliceUrl()}/credentials/${current!.id}/certificate.pdf`,
      headers: as.alice,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await PDFDocument.load(response.rawPayload);
    const url = `http://localhost:3000/verify/${current!.id}`;
    expect(pdf.getSubject()).toBe(url);
    const annotations = pdf.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
    const uris = annotations
      .asArray()
      .map((ref) => pdf.context.lookup(ref, PDFDict).lookup(PDFName.of('A'), PDFDict).lookup(PDFName.of('URI'), PDFString));
    expect(uris.map((uri) => uri.decodeText())).toEqual([url, url]);
  });
});

describe('the status follows the certification', () => {
  it('a suspension sets the suspension bit and a restore clears it, on the same credential', async () => {
    const [before] = await aliceCredentials();
    await decide('suspend');
    expect(await bitsOf(before!.id)).toEqual({ revocation: false, suspension: true });
    expect((await verification(before!.id)).verdict).toBe('suspended');
    expect((await aliceCredentials())[0]).toMatchObject({ id: before!.id, state: 'suspended', reason: 'suspended' });
    await decide('restore');
    expect(await bitsOf(before!.id)).toEqual({ revocation: false, suspension: false });
    expect((await verification(before!.id)).verdict).toBe('valid');
  });

  it('a withdrawal revokes for good; a later restore issues a new credential', async () => {
    const [before] = await aliceCredentials();
    await decide('withdraw');
    expect(await bitsOf(before!.id)).toEqual({ revocation: true, suspension: false });
    expect(await verification(before!.id)).toMatchObject({ verdict: 'revoked', checks: { revocation: { ok: false } } });
    await decide('restore');
    const [fresh, old] = await aliceCredentials();
    expect(old).toMatchObject({ id: before!.id, state: 'superseded' });
    expect(fresh).toMatchObject({ state: 'active', validUntil: '2022-12-01' });
    expect(await bitsOf(before!.id)).toEqual({ revocation: true, suspension: false });
    expect(await bitsOf(fresh!.id)).toEqual({ revocation: false, suspension: false });
    expect(await verification(before!.id)).toMatchObject({ verdict: 'revoked', supersededBy: fresh!.id });
    const audited = await t.database.db
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'credential'), eq(auditLog.entityId, fresh!.id)));
    expect(audited).toEqual([{ action: 'credential.issued', actor: cast.ada.id }]);
  });

  it('a renewed cycle supersedes the last credential; lapse suspends and expiry revokes by date', async () => {
    const { db } = t.database;
    const registry = await new PolicyStore(db).current();
    const eve = await buildCertificant(db, {
      bodyId: 'namss',
      legalName: 'Eve Evans',
      holds: [{ programId: 'namss/cpcs', awarded: '2016-03-01', renewedThrough: '2019-12-01' }],
    });
    const [held] = await db.select().from(certifications).where(eq(certifications.personId, eve.person.id));
    const sync = (on: string) =>
      db.transaction((tx) => syncCredentials({ tx, registry, bodyId: 'namss', certificationIds: [held!.id], on }));
    const current = async () =>
      (await db.select().from(credentials).where(eq(credentials.certificationId, held!.id))).find((row) => !row.supersededBy)!;

    expect((await sync('2022-10-01')).issued).toHaveLength(1);
    expect(await sync('2022-10-01')).toEqual({ issued: [], changed: [] });
    const first = await current();
    // Renewed through the cycle's end: the next cycle's credential, valid from now, supersedes the first.
    await db.update(certifications).set({ renewedThrough: '2022-12-01' }).where(eq(certifications.id, held!.id));
    await sync('2022-10-15');
    const second = await current();
    expect(second).toMatchObject({
      cycleStart: '2022-12-02',
      validFrom: '2022-10-15',
      validUntil: '2025-12-01',
      issueReason: 'renewal',
    });
    expect(await bitsOf(first.id)).toEqual({ revocation: true, suspension: false });
    expect((await verification(first.id)).supersededBy).toBe(second.id);

    // Not renewed again: late through December 31 (no bit), lapsed in grace (suspended), expired after June 1.
    await sync('2025-12-20');
    expect(await bitsOf(second.id)).toEqual({ revocation: false, suspension: false });
    await sync('2026-01-01');
    expect(await bitsOf(second.id)).toEqual({ revocation: false, suspension: true });
    // A run for an earlier date changes nothing: the later judgement stands.
    await sync('2025-12-20');
    expect(await bitsOf(second.id)).toEqual({ revocation: false, suspension: true });
    await sync('2026-06-02');
    expect(await bitsOf(second.id)).toEqual({ revocation: true, suspension: false });
    expect(await current()).toMatchObject({ id: second.id, revocationReason: 'expired' });
  });
});

describe('a name change', () => {
  it('re-issues the current credential under the name as printed now, on request, audited', async () => {
    const [before] = await aliceCredentials();
    const ask = () =>
      t.app.inject({
        method: 'POST',
        url: `${aliceUrl()}/credentials/${before!.id}/reissue`,
        headers: as.alice,
        payload: { reason: 'Married name' },
      });
    expect((await ask()).statusCode).toBe(409);
    await t.database.db.update(people).set({ legalName: 'Alice Adams-Baker' }).where(eq(people.id, cast.alice.person.id));
    const reissued = await ask();
    expect(reissued.statusCode, reissued.body).toBe(201);
    expect(reissued.json()).toMatchObject({ holderName: 'Alice Adams-Baker', issueReason: 'name-change', state: 'active' });
    expect(reissued.json().validUntil).toBe(before!.validUntil);
    const { vc } = await verified(await jwtOf(reissued.json().id));
    expect(vc.credentialSubject.identifier[0].identityHash).toBe('Alice Adams-Baker');
    expect(await verification(before!.id)).toMatchObject({ verdict: 'revoked', supersededBy: reissued.json().id });
    expect((await ask()).statusCode).toBe(409);
    const [audited] = await t.database.db
      .select({ action: auditLog.action, reason: auditLog.reason })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'credential'), eq(auditLog.entityId, reissued.json().id)));
    expect(audited).toEqual({ action: 'credential.issued', reason: 'Married name' });
  });
});

describe('signing keys', () => {
  it('rotate: the new key signs from then on, the old one stays published and earlier credentials still verify', async () => {
    const [earlier] = await aliceCredentials();
    const earlierJwt = await jwtOf(earlier!.id);
    const before = (await publishedKeySet()).keys.filter((key) => key.kid!.includes('/bodies/namss/'));
    const rotated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bodies/namss/credential-keys/rotate',
      headers: as.ada,
      payload: { reason: 'yearly rotation' },
    });
    expect(rotated.statusCode, rotated.body).toBe(201);
    expect(rotated.json().retired).toBe(before[0]!.kid);
    const after = (await publishedKeySet()).keys.filter((key) => key.kid!.includes('/bodies/namss/'));
    expect(after.map((key) => key.kid).sort()).toEqual([before[0]!.kid, rotated.json().kid].sort());
    expect((await verified(earlierJwt)).header.kid).toBe(before[0]!.kid);
    expect(await verification(earlier!.id)).toMatchObject({
      verdict: 'valid',
      checks: { issuerKey: { ok: true, detail: 'a retired key of the issuer, still published' } },
    });
    // A credential signed after the rotation names the new key; its status lists are signed with it too.
    await decide('withdraw');
    await decide('restore');
    const [next] = await aliceCredentials();
    expect((await verified(await jwtOf(next!.id))).header.kid).toBe(rotated.json().kid);
    expect(await bitsOf(next!.id)).toEqual({ revocation: false, suspension: false });
  });
});
