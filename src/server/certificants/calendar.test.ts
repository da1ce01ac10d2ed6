import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { seedCast } from '../testing/namss-fixture';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let alice: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://recert.example.org/' } });
  cast = await seedCast(t.database.db);
  alice = await t.signIn('alice@example.org');
}, 60_000);
afterAll(() => t.close());

const linkUrl = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}/calendar-link`;
const path = (url: string) => new URL(url).pathname;

describe('iCal feed of deadlines', () => {
  it('gives the person a private link whose feed lists every deadline as an all-day event', async () => {
    const { url } = (await t.app.inject({ method: 'GET', url: linkUrl(), headers: alice })).json();
    expect(url).toMatch(/^https:\/\/recert\.example\.org\/api\/v1\/bodies\/namss\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    expect((await t.app.inject({ method: 'GET', url: linkUrl(), headers: alice })).json().url).toBe(url);
    const feed = await t.app.inject({ method: 'GET', url: path(url) });
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const text = feed.body;
    expect(text).toContain('BEGIN:VCALENDAR');
    for (const [date, summary] of <[string, string][]>[
      ['20220801', 'CPCS: renewal application opens'],
      ['20221201', 'CPCS: renewal due'],
      ['20221231', 'CPCS: last day to renew with the late fee'],
      ['20230601', 'CPCS: end of the grace period (reinstatement)'],
    ]) {
      expect(text).toMatch(new RegExp(`DTSTART;VALUE=DATE:${date}[\\s\\S]*?SUMMARY:${summary.replace(/[()]/g, '\\$&')}`));
    }
  });

  it('stops the old link when the person replaces it', async () => {
    const old = (await t.app.inject({ method: 'GET', url: linkUrl(), headers: alice })).json().url;
    const fresh = (await t.app.inject({ method: 'POST', url: linkUrl(), headers: alice })).json().url;
    expect(fresh).not.toBe(old);
    expect((await t.app.inject({ method: 'GET', url: path(old) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: path(fresh) })).statusCode).toBe(200);
    // The same secret does not open the feed under another body.
    expect((await t.app.inject({ method: 'GET', url: path(fresh).replace('/namss/', '/techserve/') })).statusCode).toBe(404);
  });

  it.each([
    ['bob@example.org', 404],
    ['ada@example.org', 403],
    ['otto@example.org', 404],
  ])('the link is not for %s (%i)', async (email, status) => {
    expect((await t.app.inject({ method: 'GET', url: linkUrl(), headers: await t.signIn(email) })).statusCode).toBe(status);
  });

  it('refuses a made-up feed', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/calendar/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics' }))
        .statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/calendar/short.ics' })).statusCode).toBe(400);
  });
});
