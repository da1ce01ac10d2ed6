import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../testing/factories';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { seedCast } from '../testing/namss-fixture';

type Headers = Record<string, string>;
let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: Record<'tess' | 'otto' | 'alice' | 'tsReviewer' | 'anonymous', Headers>;
let pendingId: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  await buildUser(t.database.db, { email: 'tsr@example.org', roles: [{ bodyId: 'techserve', role: 'reviewer' }] });
  as = {
    tess: await t.signIn('tess@example.org'),
    otto: await t.signIn('otto@example.org'),
    alice: await t.signIn('alice@example.org'),
    tsReviewer: await t.signIn('tsr@example.org'),
    anonymous: {},
  };
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/v1/bodies/techserve/people/${cast.tess.person.id}/activities`,
    headers: as.tess,
    payload: {
      title: 'Employment law seminar (outline attached)',
      type: 'external',
      startDate: '2022-03-01',
      hours: 6,
      categories: ['legal'],
    },
  });
  pendingId = created.json().id;
}, 60_000);
afterAll(() => t.close());

const tessUrl = () => `/api/v1/bodies/techserve/people/${cast.tess.person.id}`;
const decide = (headers: Headers, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `${tessUrl()}/activities/${pendingId}/review`,
    headers,
    payload: payload as Record<string, unknown>,
  });

describe('advance approval', () => {
  it.each([
    ['anonymous', 401],
    ['tess', 403],
    ['alice', 404],
    ['otto', 200],
    ['tsReviewer', 200],
  ] as const)('the queue as %s → %i', async (who, status) => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/techserve/reviews/activities', headers: as[who] });
    expect(response.statusCode).toBe(status);
  });

  it('lists pending activities oldest first with who and how long', async () => {
    const items = (
      await t.app.inject({ method: 'GET', url: '/api/v1/bodies/techserve/reviews/activities', headers: as.tsReviewer })
    ).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      person: { legalName: 'Tess Turner' },
      activity: { id: pendingId, review: 'pending' },
      daysWaiting: 0,
    });
  });

  it.each([
    ['anonymous', 401],
    ['tess', 403],
    ['alice', 404],
  ] as const)('a decision as %s is refused (%i)', async (who, status) => {
    expect((await decide(as[who], { decision: 'approve' })).statusCode).toBe(status);
  });

  it('needs a reason to reject', async () => {
    const response = await decide(as.tsReviewer, { decision: 'reject', reason: '' });
    expect(problemOf(response).errors).toEqual([{ path: 'body.reason', message: 'a rejection needs a reason' }]);
  });

  it('approves: the credit then counts, and the decision cannot be made twice', async () => {
    const before = (await t.app.inject({ method: 'GET', url: `${tessUrl()}/progress`, headers: as.tess })).json()
      .certifications[0];
    expect(before.earned.minimums.legal).toBe(0);
    const response = await decide(as.tsReviewer, { decision: 'approve' });
    expect(response.json()).toMatchObject({ review: 'approved', approved: true });
    const after = (await t.app.inject({ method: 'GET', url: `${tessUrl()}/progress`, headers: as.tess })).json()
      .certifications[0];
    expect(after.earned).toMatchObject({ total: 6, minimums: { legal: 6 } });
    expect((await decide(as.otto, { decision: 'reject', reason: 'late' })).statusCode).toBe(409);
    const queue = (
      await t.app.inject({ method: 'GET', url: '/api/v1/bodies/techserve/reviews/activities', headers: as.otto })
    ).json();
    expect(queue.items).toEqual([]);
  });

  it('an edit after approval sends it back for approval', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: `${tessUrl()}/activities/${pendingId}`,
      headers: as.tess,
      payload: {
        title: 'Employment law seminar, two days',
        type: 'external',
        startDate: '2022-03-01',
        endDate: '2022-03-02',
        hours: 12,
        categories: ['legal'],
      },
    });
    expect(response.json()).toMatchObject({ review: 'pending', approved: false });
  });
});
