import fc from 'fast-check';
import { CompactSign, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyStore } from '../bodies/policy-store';
import { tick } from '../scheduler/tick';
import { seedCast, signInCast } from '../testing/namss-fixture';
import { createTestApp, TEST_NOW, type TestApp } from '../testing/test-app';

/*
 * POST /api/v1/credentials/verify with what a verifier might paste or upload:
 * the genuine credential, altered ones, foreign keys, `alg: none`, garbage,
 * huge and nested input. Each gets its own answer and none a 5xx.
 */

let t: TestApp;
let genuine: string;
let credentialId: string;
let client = 0;

beforeAll(async () => {
  t = await createTestApp();
  const cast = await seedCast(t.database.db);
  await tick({ db: t.database.db, registry: await new PolicyStore(t.database.db).current(), now: TEST_NOW });
  const { alice } = await signInCast(t, ['alice'] as const);
  const listed = await t.app.inject({
    method: 'GET',
    url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/credentials`,
    headers: alice,
  });
  credentialId = listed.json().credentials[0].id;
  genuine = (await t.app.inject({ method: 'GET', url: `/api/v1/credentials/${credentialId}` })).body;
}, 60_000);
afterAll(() => t.close());

/** Each call from its own address: the endpoint's rate limit is per address and not what these tests are about. */
const post = (payload: string | object, contentType?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/credentials/verify',
    remoteAddress: `10.1.${Math.floor(++client / 250)}.${client % 250}`,
    ...(contentType ? { headers: { 'content-type': contentType } } : {}),
    payload,
  });

const verdictOf = async (payload: string | object, contentType?: string) => {
  const response = await post(payload, contentType);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { verdict: string; summary: string; checks: Record<string, { ok: boolean | null; detail: string }> };
};

const parts = () => genuine.split('.') as [string, string, string];
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const payloadOf = () => JSON.parse(Buffer.from(parts()[1], 'base64url').toString('utf8'));

describe('verifying a pasted or uploaded credential', () => {
  it('accepts the genuine credential as JSON, as a .jwt upload and as plain text', async () => {
    expect((await verdictOf({ jwt: genuine })).verdict).toBe('valid');
    expect((await verdictOf(genuine, 'application/vc+jwt')).verdict).toBe('valid');
    expect((await verdictOf(`  ${genuine}\n`, 'text/plain')).verdict).toBe('valid');
  });

  it('says tampered when one claim is changed, even the name alone', async () => {
    const forged = payloadOf();
    forged.credentialSubject.identifier[0].identityHash = 'Mallory Adams';
    const answer = await verdictOf({ jwt: `${parts()[0]}.${encode(forged)}.${parts()[2]}` });
    expect(answer).toMatchObject({ verdict: 'tampered', checks: { signature: { ok: false } } });
  });

  it('says unknown key for a credential signed by a key the issuer never published', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const header = JSON.parse(Buffer.from(parts()[0], 'base64url').toString('utf8'));
    const issuer = payloadOf().issuer.id;
    const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payloadOf())))
      .setProtectedHeader({ ...header, kid: `${issuer}#not-a-published-key` })
      .sign(privateKey);
    expect(await verdictOf({ jwt })).toMatchObject({ verdict: 'unknown-key', checks: { issuerKey: { ok: false } } });
    // The issuer's real key id with another key's signature: the signature fails.
    const impostor = await new CompactSign(new TextEncoder().encode(JSON.stringify(payloadOf())))
      .setProtectedHeader(header)
      .sign(privateKey);
    expect((await verdictOf({ jwt: impostor })).verdict).toBe('tampered');
  });

  it('refuses alg none and other algorithms as unsupported, whatever the signature part holds', async () => {
    for (const alg of ['none', 'HS256', 'RS256', 'ES512']) {
      const header = { ...JSON.parse(Buffer.from(parts()[0], 'base64url').toString('utf8')), alg };
      const answer = await verdictOf({ jwt: `${encode(header)}.${parts()[1]}.${alg === 'none' ? '' : parts()[2]}` });
      expect(answer.verdict, alg).toBe('unsupported');
      expect(answer.checks.signature!.ok).toBe(false);
    }
  });

  it('says malformed for garbage, bad base64, JSON that is no credential and deeply nested JSON', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const jwt of [
      'hello',
      'a.b.c',
      '...',
      `${parts()[0]}.!!!.${parts()[2]}`,
      `${encode({ alg: 'EdDSA' })}.${Buffer.from(deep).toString('base64url')}.${parts()[2]}`,
      `${encode({ alg: 'EdDSA' })}.${encode({ hello: 'world' })}.${parts()[2]}`,
      `${encode({ alg: 'EdDSA' })}.${encode({ ...payloadOf(), type: ['OpenBadgeCredential'] })}.${parts()[2]}`,
      `${Buffer.from('not json').toString('base64url')}.${parts()[1]}.${parts()[2]}`,
    ]) {
      expect((await verdictOf({ jwt })).verdict, jwt.slice(0, 40)).toBe('malformed');
    }
  });

  it('refuses input over its size as a field error, and an empty or wrongly typed body, never with a 5xx', async () => {
    const huge = await post({ jwt: 'a'.repeat(200_000) });
    expect(huge.statusCode).toBe(400);
    expect(huge.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await verdictOf({ jwt: `${genuine}.${'a'.repeat(70_000)}` })).verdict).toBe('malformed');
    for (const [payload, type] of [
      ['{"jwt": 42}', 'application/json'],
      ['{"jwt": ', 'application/json'],
      ['', 'text/plain'],
      ['x'.repeat(2_000_000), 'application/vc+jwt'],
    ] as const) {
      const response = await post(payload, type);
      expect(response.statusCode, `${type} ${payload.slice(0, 20)}`).toBeGreaterThanOrEqual(200);
      expect(response.statusCode, `${type} ${payload.slice(0, 20)}`).toBeLessThan(500);
    }
  });

  it('never answers a 5xx to hostile input (fuzzed)', async () => {
    const segment = fc.oneof(
      fc.base64String({ maxLength: 200 }).map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')),
      fc.json({ maxDepth: 6 }).map((json) => Buffer.from(json).toString('base64url')),
      fc.constantFrom(...parts()),
      fc.string({ maxLength: 50 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(segment, segment, segment).map((three) => three.join('.')),
          fc.string({ maxLength: 300 }),
          fc
            .jsonValue({ maxDepth: 5 })
            .map((value) => `${encode({ alg: 'EdDSA', kid: payloadOf().issuer.id + '#x' })}.${encode(value)}.${parts()[2]}`),
        ),
        fc.constantFrom('application/json', 'application/vc+jwt', 'text/plain'),
        async (jwt, type) => {
          const response = await post(type === 'application/json' ? JSON.stringify({ jwt }) : jwt, type);
          expect(response.statusCode, response.body).toBeLessThan(500);
          // Only the genuine credential itself (all three of its parts drawn) may be valid.
          if (response.statusCode === 200 && jwt.trim() !== genuine) expect(response.json().verdict).not.toBe('valid');
        },
      ),
      { numRuns: 150 },
    );
  });
});
