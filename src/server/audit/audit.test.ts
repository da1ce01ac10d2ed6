import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from './record-audit';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { seedCast, signInCast, type CastHeaders } from '../testing/namss-fixture';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: CastHeaders<'alice' | 'bob' | 'ada' | 'otto'>;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  as = await signInCast(t, ['alice', 'bob', 'ada', 'otto'] as const);
  const url = `/api/v1/bodies/namss/people/${cast.alice.person.id}`;
  // Five changes to Alice's record, by herself and by Ada, and one to Bob's.
  for (const city of ['Denver', 'Boulder', 'Aurora']) {
    await t.app.inject({ method: 'PATCH', url, headers: as.alice, payload: { city } });
  }
  await t.app.inject({ method: 'PATCH', url, headers: as.ada, payload: { member: true } });
  await t.app.inject({
    method: 'POST',
    url: `${url}/activities`,
    headers: as.alice,
    payload: { title: 'Audited webinar', type: 'webinar', startDate: '2021-02-03', hours: 2 },
  });
  await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/bodies/namss/people/${cast.bob.person.id}`,
    headers: as.bob,
    payload: { city: 'Elsewhere' },
  });
  // A change the system made: no actor.
  await recordAudit(t.database.db, {
    bodyId: 'namss',
    actorUserId: null,
    entity: 'person',
    entityId: cast.alice.person.id,
    personId: cast.alice.person.id,
    action: 'person.reevaluated',
  });
}, 60_000);
afterAll(() => t.close());

interface Entry {
  id: number;
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
interface Page {
  entries: Entry[];
  next: number | null;
}

const audit = (query = '', who: keyof typeof as = 'ada', personId = cast.alice.person.id) =>
  t.app.inject({ method: 'GET', url: `/api/v1/bodies/namss/people/${personId}/audit${query}`, headers: as[who] });

describe("a person's audit log", () => {
  it('lists the changes newest first, naming who made each', async () => {
    const page = (await audit()).json() as Page;
    expect(page.entries.map((e) => e.action)).toEqual([
      'person.reevaluated',
      // Adding the activity refreshed her record, which issued her first credential in the same transaction.
      'credential.issued',
      'activity.added',
      'person.profile-changed',
      'person.profile-changed',
      'person.profile-changed',
      'person.profile-changed',
    ]);
    expect(page.next).toBeNull();
    expect(page.entries[0]).toMatchObject({ actorUserId: null, actorName: null });
    expect(page.entries[1]).toMatchObject({ actorUserId: cast.alice.user.id, actorName: 'Alice Adams' });
    expect(page.entries[2]).toMatchObject({ actorUserId: cast.alice.user.id, actorName: 'Alice Adams' });
    expect(page.entries[3]).toMatchObject({
      actorUserId: cast.ada.id,
      actorName: 'Ada Admin',
      before: { member: false },
      after: { member: true },
    });
  });

  it('pages with the before cursor until the last page', async () => {
    const seen: string[] = [];
    let query = '?limit=4';
    const pages: Page[] = [];
    for (;;) {
      const page = (await audit(query)).json() as Page;
      pages.push(page);
      seen.push(...page.entries.map((e) => `${e.id}`));
      if (page.next === null) break;
      query = `?limit=4&before=${page.next}`;
    }
    expect(pages.map((p) => p.entries.length)).toEqual([4, 3]);
    const all = (await audit()).json() as Page;
    expect(seen).toEqual(all.entries.map((e) => `${e.id}`));
    expect(pages[0]!.next).toBe(all.entries[3]!.id);
  });

  it('filters by an action or a kind of action', async () => {
    const cities = (await audit('?action=person.profile-changed')).json() as Page;
    expect(cities.entries).toHaveLength(4);
    expect(cities.entries.every((e) => e.action === 'person.profile-changed')).toBe(true);
    const person = (await audit('?action=person&limit=2')).json() as Page;
    expect(person.entries.map((e) => e.action)).toEqual(['person.reevaluated', 'person.profile-changed']);
    expect(person.next).not.toBeNull();
    const activity = (await audit('?action=activity')).json() as Page;
    expect(activity.entries.map((e) => e.action)).toEqual(['activity.added']);
    expect(((await audit('?action=evidence')).json() as Page).entries).toEqual([]);
  });

  it("keeps to the person: Bob's change is in his log, not Alice's", async () => {
    const bob = (await audit('', 'ada', cast.bob.person.id)).json() as Page;
    expect(bob.entries).toHaveLength(1);
    expect(bob.entries[0]).toMatchObject({ actorName: 'Bob Brown', after: { city: 'Elsewhere' } });
  });

  it('names bad query fields', async () => {
    const problem = problemOf(await audit('?before=0&action=DROP%20TABLE&limit=501'));
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['querystring.action', 'querystring.before', 'querystring.limit']);
  });

  it.each([
    ['alice', 403],
    ['bob', 404],
    ['otto', 404],
  ] as const)('is refused to %s (%i)', async (who, status) => {
    const response = await audit('?action=person', who);
    expect(response.statusCode).toBe(status);
    expect(response.body).not.toContain('Denver');
  });
});
