import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActivities } from '../testing/factories';
import { seedCast, signInCast, type CastMember } from '../testing/namss-fixture';
import { createTestApp, type TestApp } from '../testing/test-app';
import { uploadCertificate } from './extension-fixture';

type Actor = CastMember | 'anonymous';
let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: Awaited<ReturnType<typeof signInCast<CastMember>>>;
let extensionId: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  as = await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto', 'tess'] as const);
  const done = await buildActivities(t.database.db, [
    { bodyId: 'namss', personId: cast.alice.person.id, type: 'conference', startDate: '2021-04-10', hours: 16, approved: true },
  ]);
  await uploadCertificate(t, as.alice, 'namss', cast.alice.person.id, done[0]!.id);
  const requested = await t.app.inject({
    method: 'POST',
    url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/extensions`,
    headers: as.alice,
    payload: { program: 'namss/cpcs', activityIds: [done[0]!.id] },
  });
  extensionId = requested.json().id;
}, 120_000);
afterAll(() => t.close());

const alice = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}`;
const endpoints: [string, 'GET' | 'POST', () => string, object | undefined, Record<Actor, number>][] = [
  [
    "a person's extensions and terms",
    'GET',
    () => `${alice()}/extensions`,
    undefined,
    { anonymous: 401, alice: 200, bob: 404, rita: 200, ada: 200, otto: 404, tess: 404 },
  ],
  [
    // A program Alice does not hold: those allowed reach the use case (400).
    'requesting an extension',
    'POST',
    () => `${alice()}/extensions`,
    { program: 'namss/cpmsm', activityIds: [] as string[] },
    { anonymous: 401, alice: 400, bob: 404, rita: 403, ada: 400, otto: 404, tess: 404 },
  ],
  [
    "staff's queue",
    'GET',
    () => '/api/v1/bodies/namss/extensions',
    undefined,
    { anonymous: 401, alice: 403, bob: 403, rita: 200, ada: 200, otto: 404, tess: 404 },
  ],
  [
    // Unpaid: those allowed reach the use case, which refuses to grant (409).
    'deciding an extension',
    'POST',
    () => `/api/v1/bodies/namss/extensions/${extensionId}/decision`,
    { decision: 'grant' },
    { anonymous: 401, alice: 403, bob: 404, rita: 409, ada: 409, otto: 404, tess: 404 },
  ],
];

describe('extension endpoints by role', () => {
  describe.each(endpoints)('%s', (_name, method, url, payload, expected) => {
    it.each(Object.entries(expected) as [Actor, number][])('as %s → %i', async (who, status) => {
      const body = payload && 'activityIds' in payload ? { ...payload, activityIds: [cast.aliceActivity.id] } : payload;
      const response = await t.app.inject({ method, url: url(), headers: as[who], ...(body ? { payload: body } : {}) });
      expect(response.statusCode).toBe(status);
    });
  });
});
