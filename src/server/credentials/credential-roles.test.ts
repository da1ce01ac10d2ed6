import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyStore } from '../bodies/policy-store';
import { tick } from '../scheduler/tick';
import { seedCast, signInCast, type CastMember } from '../testing/namss-fixture';
import { createTestApp, TEST_NOW, type TestApp } from '../testing/test-app';

type Actor = CastMember | 'anonymous';
let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: Awaited<ReturnType<typeof signInCast<CastMember>>>;
let credentialId: string;
let jwt: string;
let statusList: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  await tick({ db: t.database.db, registry: await new PolicyStore(t.database.db).current(), now: TEST_NOW });
  as = await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto', 'tess'] as const);
  const listed = await t.app.inject({ method: 'GET', url: `${alice()}/credentials`, headers: as.alice });
  credentialId = listed.json().credentials[0].id;
  jwt = (await t.app.inject({ method: 'GET', url: `/api/v1/credentials/${credentialId}` })).body;
  const entry = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')).credentialStatus[0];
  statusList = new URL(entry.statusListCredential).pathname;
}, 60_000);
afterAll(() => t.close());

const alice = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}`;
const everyone = (status: number): Record<Actor, number> => ({
  anonymous: status,
  alice: status,
  bob: status,
  rita: status,
  ada: status,
  otto: status,
  tess: status,
});
// The person and the body's staff; another certificant of the body and anyone of another body meet a record that is not there.
const holderAndStaff = { anonymous: 401, alice: 200, bob: 404, rita: 200, ada: 200, otto: 404, tess: 404 };

const endpoints: [string, 'GET' | 'POST', () => string, object | undefined, Record<Actor, number>][] = [
  ['the published keys', 'GET', () => '/.well-known/jwks.json', undefined, everyone(200)],
  ["the body's issuer profile", 'GET', () => '/api/v1/bodies/namss/issuer', undefined, everyone(200)],
  ['a status list', 'GET', () => statusList, undefined, everyone(200)],
  ['a credential', 'GET', () => `/api/v1/credentials/${credentialId}`, undefined, everyone(200)],
  ["a credential's verification", 'GET', () => `/api/v1/credentials/${credentialId}/verification`, undefined, everyone(200)],
  [
    'verifying a pasted credential',
    'POST',
    () => '/api/v1/credentials/verify',
    {
      get jwt() {
        return jwt;
      },
    },
    everyone(200),
  ],
  ["a person's credentials", 'GET', () => `${alice()}/credentials`, undefined, holderAndStaff],
  ['a certificate PDF', 'GET', () => `${alice()}/credentials/${credentialId}/certificate.pdf`, undefined, holderAndStaff],
  [
    // The name is unchanged: whoever may ask reaches the use case (409).
    're-issuing under the current name',
    'POST',
    () => `${alice()}/credentials/${credentialId}/reissue`,
    { reason: 'name change' },
    { anonymous: 401, alice: 409, bob: 404, rita: 403, ada: 409, otto: 404, tess: 404 },
  ],
  [
    'rotating the signing key',
    'POST',
    () => '/api/v1/bodies/namss/credential-keys/rotate',
    { reason: 'test' },
    { anonymous: 401, alice: 403, bob: 403, rita: 403, ada: 201, otto: 404, tess: 404 },
  ],
];

describe('credential endpoints by role', () => {
  describe.each(endpoints)('%s', (_name, method, url, payload, expected) => {
    it.each(Object.entries(expected) as [Actor, number][])('as %s → %i', async (who, status) => {
      const response = await t.app.inject({ method, url: url(), headers: as[who], ...(payload ? { payload } : {}) });
      expect(response.statusCode, response.body).toBe(status);
    });
  });

  it("gives no credential through another person's address, even to the body's admin", async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/bodies/namss/people/${cast.bob.person.id}/credentials/${credentialId}/certificate.pdf`,
      headers: as.ada,
    });
    expect(response.statusCode).toBe(404);
    const otherBody = await t.app.inject({
      method: 'GET',
      url: `/api/v1/bodies/techserve/people/${cast.alice.person.id}/credentials`,
      headers: as.otto,
    });
    expect(otherBody.statusCode).toBe(404);
  });
});
