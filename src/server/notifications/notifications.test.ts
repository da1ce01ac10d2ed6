import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURTESY_NOTE } from '../../core/notifications/plan-notices';
import { NOTICE_KINDS } from '../../core/policies/policy-schema';
import { seedCast, signInCast, type CastHeaders } from '../testing/namss-fixture';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { notify } from './notify';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: CastHeaders<'alice' | 'bob' | 'rita' | 'ada' | 'otto' | 'tess'>;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  as = await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto', 'tess'] as const);
  const notice = (key: string, noticeOn: string) => ({
    bodyId: 'namss',
    personId: cast.alice.person.id,
    kind: 'due-reminder' as const,
    key,
    title: `Reminder ${key}`,
    body: `Due soon.\n\n${COURTESY_NOTE}`,
    noticeOn,
  });
  await notify(t.database.db, [notice('a', '2022-09-01'), notice('b', '2022-09-02'), notice('c', '2022-09-03')]);
}, 60_000);
afterAll(() => t.close());

type Who = keyof typeof as;
const base = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}`;
const get = (who: Who, path: string) => t.app.inject({ method: 'GET', url: `${base()}${path}`, headers: as[who] });
const send = (who: Who, method: 'POST' | 'PUT', path: string, payload: object) =>
  t.app.inject({ method, url: `${base()}${path}`, headers: as[who], payload });

const READERS = { anonymous: 401, alice: 200, bob: 404, rita: 403, ada: 200, otto: 404, tess: 404 } as const;
const OWNER_ONLY = { anonymous: 401, alice: 200, bob: 404, rita: 403, ada: 403, otto: 404, tess: 404 } as const;
const matrix = (expected: Record<Who, number>) => Object.entries(expected) as [Who, number][];

describe('who may use a person\u2019s inbox and preferences', () => {
  it.each(matrix(READERS))('GET notifications as %s: %i', async (who, status) => {
    expect((await get(who, '/notifications')).statusCode).toBe(status);
  });
  it.each(matrix(READERS))('GET unread-count as %s: %i', async (who, status) => {
    expect((await get(who, '/notifications/unread-count')).statusCode).toBe(status);
  });
  it.each(matrix(READERS))('GET notification-preferences as %s: %i', async (who, status) => {
    expect((await get(who, '/notification-preferences')).statusCode).toBe(status);
  });
  it.each(matrix(OWNER_ONLY))('POST notifications/read as %s: %i', async (who, status) => {
    expect((await send(who, 'POST', '/notifications/read', { ids: ['00000000-0000-4000-8000-000000000000'] })).statusCode).toBe(
      status,
    );
  });
  it.each(matrix(OWNER_ONLY))('PUT notification-preferences as %s: %i', async (who, status) => {
    const payload = { preferences: [{ kind: 'window-open', enabled: true }] };
    expect((await send(who, 'PUT', '/notification-preferences', payload)).statusCode).toBe(status);
  });
});

describe('a record that does not exist', () => {
  it('is not found, for admins too', async () => {
    const url = '/api/v1/bodies/namss/people/00000000-0000-4000-8000-000000000000';
    for (const path of ['/notifications', '/notifications/unread-count', '/notification-preferences']) {
      expect((await t.app.inject({ method: 'GET', url: `${url}${path}`, headers: as.ada })).statusCode).toBe(404);
    }
  });
});

describe('the inbox', () => {
  it('lists newest first with the unread count and the courtesy statement, a page at a time', async () => {
    const inbox = (await get('alice', '/notifications')).json();
    expect(inbox.notifications.map((n: { title: string }) => n.title)).toEqual(['Reminder c', 'Reminder b', 'Reminder a']);
    expect(inbox).toMatchObject({ unread: 3, courtesy: COURTESY_NOTE });
    expect(inbox.notifications[0]).toMatchObject({ kind: 'due-reminder', noticeOn: '2022-09-03', readAt: null, emailedAt: null });
    const page = (await get('alice', `/notifications?limit=1&before=${inbox.notifications[0].id}`)).json();
    expect(page.notifications.map((n: { title: string }) => n.title)).toEqual(['Reminder b']);
  });

  it('marks some read, then all; unread filters; another person\u2019s ids change nothing', async () => {
    const [newest] = (await get('alice', '/notifications')).json().notifications;
    expect((await send('alice', 'POST', '/notifications/read', { ids: [newest.id] })).json()).toEqual({ marked: 1, unread: 2 });
    expect((await send('alice', 'POST', '/notifications/read', { ids: [newest.id] })).json()).toEqual({ marked: 0, unread: 2 });
    expect((await get('alice', '/notifications/unread-count')).json()).toEqual({ unread: 2 });
    expect((await get('alice', '/notifications?unread=true')).json().notifications).toHaveLength(2);
    const bobs = `/api/v1/bodies/namss/people/${cast.bob.person.id}/notifications/read`;
    const other = await t.app.inject({ method: 'POST', url: bobs, headers: as.bob, payload: { ids: [newest.id] } });
    expect(other.json()).toEqual({ marked: 0, unread: 0 });
    expect((await send('alice', 'POST', '/notifications/read', { all: true })).json()).toEqual({ marked: 2, unread: 0 });
  });

  it('names a bad cursor', async () => {
    const response = await get('alice', '/notifications?before=00000000-0000-4000-8000-000000000000');
    expect(problemOf(response).errors).toEqual([{ path: 'query.before', message: 'is not a notice of this inbox' }]);
  });
});

describe('notice preferences', () => {
  it('lists every kind, on by default, with NAMSS\u2019s mandatory ones locked in its words', async () => {
    const view = (await get('alice', '/notification-preferences')).json();
    expect(view.preferences.map((p: { kind: string }) => p.kind)).toEqual([...NOTICE_KINDS]);
    expect(view.preferences.filter((p: { mandatory: boolean }) => p.mandatory).map((p: { kind: string }) => p.kind)).toEqual([
      'lapsed',
      'audit-selected',
      'renewal-returned',
    ]);
    expect(view.preferences.every((p: { enabled: boolean }) => p.enabled)).toBe(true);
    expect(view).toMatchObject({
      courtesy: COURTESY_NOTE,
      mandatoryReason: expect.stringContaining('sends this notice to every certificant'),
    });
  });

  it('turns reminders off and on again, audited', async () => {
    const off = await send('alice', 'PUT', '/notification-preferences', {
      preferences: [
        { kind: 'due-reminder', enabled: false },
        { kind: 'window-open', enabled: false },
      ],
    });
    const enabled = (view: { preferences: { kind: string; enabled: boolean }[] }) =>
      Object.fromEntries(view.preferences.map((p) => [p.kind, p.enabled]));
    expect(enabled(off.json())).toMatchObject({ 'due-reminder': false, 'window-open': false, late: true });
    expect(enabled((await get('ada', '/notification-preferences')).json())).toMatchObject({ 'due-reminder': false });
    const on = await send('alice', 'PUT', '/notification-preferences', { preferences: [{ kind: 'window-open', enabled: true }] });
    expect(enabled(on.json())).toMatchObject({ 'due-reminder': false, 'window-open': true });
    const audit = (await get('ada', '/audit')).json().entries[0];
    expect(audit).toMatchObject({
      action: 'person.notification-preferences-changed',
      before: { turnedOff: ['window-open', 'due-reminder'] },
      after: { turnedOff: ['due-reminder'] },
    });
  });

  it('refuses to turn off a mandatory kind, naming it, and changes nothing', async () => {
    const response = await send('alice', 'PUT', '/notification-preferences', {
      preferences: [
        { kind: 'late', enabled: false },
        { kind: 'lapsed', enabled: false },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([
      { path: 'body.preferences[1].enabled', message: expect.stringContaining('"lapsed" notices cannot be turned off') },
    ]);
    const view = (await get('alice', '/notification-preferences')).json();
    expect(view.preferences.find((p: { kind: string }) => p.kind === 'late').enabled).toBe(true);
  });

  it('names an unknown kind', async () => {
    const response = await send('alice', 'PUT', '/notification-preferences', { preferences: [{ kind: 'spam', enabled: false }] });
    expect(problemOf(response).errors![0]!.path).toBe('body.preferences[0].kind');
  });
});
