import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCast, signInCast, type CastMember } from '../testing/namss-fixture';
import { createTestApp, type TestApp } from '../testing/test-app';

type Actor = CastMember | 'anonymous';
let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: Awaited<ReturnType<typeof signInCast<CastMember>>>;
let decisionId: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  as = await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto', 'tess'] as const);
  const decided = await t.app.inject({
    method: 'POST',
    url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/standing`,
    headers: as.ada,
    payload: { program: 'namss/cpcs', action: 'suspend', reason: 'Ethics committee decision' },
  });
  decisionId = decided.json().id;
}, 60_000);
afterAll(() => t.close());

const alice = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}`;
// Alice appeals last, so every other actor meets the decision unappealed.
const endpoints: [string, 'GET' | 'POST', () => string, object | undefined, Record<Actor, number>][] = [
  [
    "a person's standing decisions",
    'GET',
    () => `${alice()}/standing`,
    undefined,
    { anonymous: 401, alice: 200, bob: 404, rita: 200, ada: 200, otto: 404, tess: 404 },
  ],
  [
    // A program Alice does not hold: an admin reaches the use case (400).
    'deciding on standing',
    'POST',
    () => `${alice()}/standing`,
    { program: 'namss/cpmsm', action: 'suspend', reason: 'test' },
    { anonymous: 401, alice: 403, bob: 404, rita: 403, ada: 400, otto: 404, tess: 404 },
  ],
  [
    // Not appealed yet: an admin reaches the use case (409).
    'deciding an appeal',
    'POST',
    () => `${alice()}/standing/${decisionId}/appeal-decision`,
    { outcome: 'upheld', reason: 'stands' },
    { anonymous: 401, alice: 403, bob: 404, rita: 403, ada: 409, otto: 404, tess: 404 },
  ],
  [
    "admins' list of appeals",
    'GET',
    () => '/api/v1/bodies/namss/standing-appeals',
    undefined,
    { anonymous: 401, alice: 403, bob: 403, rita: 403, ada: 200, otto: 404, tess: 404 },
  ],
  [
    'appealing',
    'POST',
    () => `${alice()}/standing/${decisionId}/appeal`,
    { text: 'I did not do it.' },
    { anonymous: 401, bob: 404, rita: 403, ada: 403, otto: 404, tess: 404, alice: 200 },
  ],
];

describe('standing endpoints by role', () => {
  describe.each(endpoints)('%s', (_name, method, url, payload, expected) => {
    it.each(Object.entries(expected) as [Actor, number][])('as %s → %i', async (who, status) => {
      const response = await t.app.inject({ method, url: url(), headers: as[who], ...(payload ? { payload } : {}) });
      expect(response.statusCode).toBe(status);
    });
  });
});
