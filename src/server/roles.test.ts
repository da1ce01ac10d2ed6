import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-app';
import { seedCast, signInCast, type CastHeaders, type CastMember } from './testing/namss-fixture';

type Actor = 'anonymous' | 'alice' | 'bob' | 'rita' | 'ada' | 'otto' | 'tess';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let headers: CastHeaders<CastMember>;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  headers = await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto', 'tess'] as const);
}, 60_000);
afterAll(() => t.close());

const activityBody = { title: 'Credentialing webinar', type: 'webinar', startDate: '2021-02-03', hours: 2 };

/**
 * Every endpoint, every role, and users of another body. Alice's own data:
 * she and NAMSS staff may read it; Bob (same body) and TechServe users must
 * get 404 and learn nothing; writes are hers and the admins'.
 */
const matrix: {
  name: string;
  request: () => { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: Record<string, unknown> };
  expected: Record<Actor, number>;
}[] = [
  {
    name: 'GET me',
    request: () => ({ method: 'GET', url: '/api/v1/me' }),
    expected: { anonymous: 401, alice: 200, bob: 200, rita: 200, ada: 200, otto: 200, tess: 200 },
  },
  {
    name: 'search people',
    request: () => ({ method: 'GET', url: '/api/v1/bodies/namss/people?q=a' }),
    expected: { anonymous: 401, alice: 403, bob: 403, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: "read Alice's record",
    request: () => ({ method: 'GET', url: `/api/v1/bodies/namss/people/${cast.alice.person.id}` }),
    expected: { anonymous: 401, alice: 200, bob: 404, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: "read Alice's progress",
    request: () => ({ method: 'GET', url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/progress` }),
    expected: { anonymous: 401, alice: 200, bob: 404, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: "list Alice's activities",
    request: () => ({ method: 'GET', url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/activities` }),
    expected: { anonymous: 401, alice: 200, bob: 404, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: 'add an activity for Alice',
    request: () => ({
      method: 'POST',
      url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/activities`,
      payload: activityBody,
    }),
    expected: { anonymous: 401, alice: 201, bob: 404, rita: 403, ada: 201, otto: 404, tess: 404 },
  },
  {
    name: "change Alice's activity",
    request: () => ({
      method: 'PUT',
      url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/activities/${cast.aliceActivity.id}`,
      payload: { ...activityBody, title: 'Renamed' },
    }),
    expected: { anonymous: 401, alice: 200, bob: 404, rita: 403, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: "read Alice's audit log",
    request: () => ({ method: 'GET', url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/audit` }),
    expected: { anonymous: 401, alice: 403, bob: 404, rita: 403, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: 'compliance overview',
    request: () => ({ method: 'GET', url: '/api/v1/bodies/namss/overview' }),
    expected: { anonymous: 401, alice: 403, bob: 403, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: 'compliance export',
    request: () => ({ method: 'GET', url: '/api/v1/bodies/namss/overview.csv' }),
    expected: { anonymous: 401, alice: 403, bob: 403, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: 're-evaluate the body',
    request: () => ({ method: 'POST', url: '/api/v1/bodies/namss/reevaluate', payload: {} }),
    expected: { anonymous: 401, alice: 403, bob: 403, rita: 403, ada: 200, otto: 404, tess: 404 },
  },
];

describe.each(matrix)('$name', ({ request, expected }) => {
  it.each(Object.entries(expected) as [Actor, number][])('as %s → %i', async (actor, status) => {
    const response = await t.app.inject({ ...request(), headers: headers[actor] });
    expect(response.statusCode, response.body).toBe(status);
    if (status >= 400) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      // Someone outside the body learns nothing: the answer never names the person.
      expect(response.body).not.toContain('Alice');
    }
  });
});

describe('removing an activity', () => {
  it.each([
    ['anonymous', 401],
    ['bob', 404],
    ['rita', 403],
    ['otto', 404],
    ['tess', 404],
  ] as [Actor, number][])('is refused as %s (%i)', async (actor, status) => {
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/activities/${cast.aliceActivity.id}`,
      headers: headers[actor],
    });
    expect(response.statusCode).toBe(status);
  });

  it.each(['alice', 'ada'] as Actor[])('is allowed as %s', async (actor) => {
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/activities`,
      payload: activityBody,
      headers: headers[actor],
    });
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/activities/${created.json().id}`,
      headers: headers[actor],
    });
    expect(response.statusCode).toBe(204);
  });
});
