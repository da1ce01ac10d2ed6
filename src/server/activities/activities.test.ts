import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { seedCast } from '../testing/namss-fixture';
import { activities } from '../db/schema/activities';
import { and, eq } from 'drizzle-orm';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let alice: Record<string, string>;
let tess: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  alice = await t.signIn('alice@example.org');
  tess = await t.signIn('tess@example.org');
}, 60_000);
afterAll(() => t.close());

const aliceUrl = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}`;
const tessUrl = () => `/api/v1/bodies/techserve/people/${cast.tess.person.id}`;
const progress = async (url: string, headers: Record<string, string>, asOf = '2022-10-01') =>
  (await t.app.inject({ method: 'GET', url: `${url}/progress?asOf=${asOf}`, headers })).json().certifications[0];

describe('recording CE', () => {
  it('changes the progress the engine reports', async () => {
    const before = await progress(aliceUrl(), alice);
    expect(before).toMatchObject({
      cycle: { start: '2019-12-02', end: '2022-12-01' },
      status: 'renewal-open',
      earned: { total: 1.5 },
    });
    const response = await t.app.inject({
      method: 'POST',
      url: `${aliceUrl()}/activities`,
      headers: alice,
      payload: {
        title: 'Medical staff law update',
        provider: 'State MSS',
        type: 'conference',
        startDate: '2021-05-10',
        endDate: '2021-05-11',
        hours: 10.5,
        city: 'Austin',
        region: 'TX',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ hours: 10.5, review: 'not-needed', approved: false, locked: false });
    const after = await progress(aliceUrl(), alice);
    expect(after.earned).toEqual({ total: 12, minimums: { approved: 1.5 } });
    expect(after.missing).toEqual(['18 more credits', '13.5 more approved credits']);
  });

  it('uses today in the body time zone when no date is given', async () => {
    const result = (await t.app.inject({ method: 'GET', url: `${aliceUrl()}/progress`, headers: alice })).json();
    expect(result.asOf).toBe('2022-10-01');
  });

  it('names every invalid field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${aliceUrl()}/activities`,
      headers: alice,
      payload: { title: '', type: 'webinar', startDate: '2021-02-30', hours: -1, categories: ['Legal Issues'], surprise: true },
    });
    expect(response.statusCode).toBe(400);
    const paths = problemOf(response).errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.startDate', 'body.hours', 'body.categories[0]']));
  });

  it('refuses a type that counts for none of the certifications held', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${tessUrl()}/activities`,
      headers: tess,
      payload: { title: 'Podcast', type: 'podcast', startDate: '2022-01-05', hours: 1 },
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([
      { path: 'body.type', message: expect.stringContaining('"podcast" does not count') },
    ]);
  });

  it('sends outside events that need advance approval to review, and counts them only once approved', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${tessUrl()}/activities`,
      headers: tess,
      payload: {
        title: 'SHRM employment law seminar',
        type: 'external',
        startDate: '2022-02-10',
        hours: 6,
        categories: ['legal'],
      },
    });
    expect(response.json()).toMatchObject({ review: 'pending', approved: false });
    const line = (await progress(tessUrl(), tess)).credits.find((c: { activity: string }) => c.activity === response.json().id);
    expect(line).toMatchObject({ credits: 0, reason: 'not-approved' });
  });

  it('keeps an activity a submitted renewal used', async () => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: `${aliceUrl()}/activities`,
        headers: alice,
        payload: { title: 'Locked one', type: 'webinar', startDate: '2021-03-03', hours: 1 },
      })
    ).json();
    await t.database.db
      .update(activities)
      .set({ lockedAt: new Date() })
      .where(and(eq(activities.bodyId, 'namss'), eq(activities.id, created.id)));
    const change = await t.app.inject({
      method: 'PUT',
      url: `${aliceUrl()}/activities/${created.id}`,
      headers: alice,
      payload: { title: 'x', type: 'webinar', startDate: '2021-03-03', hours: 5 },
    });
    expect(change.statusCode).toBe(409);
    const removal = await t.app.inject({ method: 'DELETE', url: `${aliceUrl()}/activities/${created.id}`, headers: alice });
    expect(removal.statusCode).toBe(409);
  });

  it('records every change in the audit log, with before and after', async () => {
    const admin = await t.signIn('ada@example.org');
    const created = (
      await t.app.inject({
        method: 'POST',
        url: `${aliceUrl()}/activities`,
        headers: alice,
        payload: { title: 'Audited', type: 'webinar', startDate: '2021-04-04', hours: 1 },
      })
    ).json();
    await t.app.inject({
      method: 'PUT',
      url: `${aliceUrl()}/activities/${created.id}`,
      headers: alice,
      payload: { title: 'Audited', type: 'webinar', startDate: '2021-04-04', hours: 2 },
    });
    await t.app.inject({ method: 'DELETE', url: `${aliceUrl()}/activities/${created.id}`, headers: admin });
    const entries = (await t.app.inject({ method: 'GET', url: `${aliceUrl()}/audit`, headers: admin }))
      .json()
      .entries.filter((e: { entityId: string }) => e.entityId === created.id);
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['activity.removed', 'activity.updated', 'activity.added']);
    expect(entries[1]).toMatchObject({ before: { hours: 1 }, after: { hours: 2 }, actorUserId: cast.alice.user.id });
    expect(entries[0]).toMatchObject({ actorUserId: cast.ada.id, before: { title: 'Audited' }, after: null });
  });
});
