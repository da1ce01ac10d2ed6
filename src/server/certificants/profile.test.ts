import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { seedCast, signInCast, type CastHeaders } from '../testing/namss-fixture';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: CastHeaders<'alice' | 'bob' | 'rita' | 'ada' | 'otto'>;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  as = await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto'] as const);
}, 60_000);
afterAll(() => t.close());

const url = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}`;
const patch = (who: keyof typeof as, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: url(), headers: as[who], payload });

describe('profile', () => {
  it.each([
    ['anonymous', 401],
    ['bob', 404],
    ['otto', 404],
    ['rita', 403],
  ] as const)('is not changed by %s (%i)', async (who, status) => {
    expect((await patch(who, { city: 'Nowhere' })).statusCode).toBe(status);
  });

  it('is changed by the person, audited with before and after', async () => {
    const response = await patch('alice', { legalName: 'Alice B. Adams', city: 'Denver', region: 'CO' });
    expect(response.json()).toMatchObject({ legalName: 'Alice B. Adams', city: 'Denver', region: 'CO' });
    const audit = (await t.app.inject({ method: 'GET', url: `${url()}/audit`, headers: as.ada })).json().entries[0];
    expect(audit).toMatchObject({
      action: 'person.profile-changed',
      before: { legalName: 'Alice Adams' },
      after: { legalName: 'Alice B. Adams' },
    });
  });

  it('leaves the membership flag to admins', async () => {
    expect((await patch('alice', { member: true })).statusCode).toBe(403);
    expect((await patch('ada', { member: true })).json()).toMatchObject({ member: true });
  });

  it('names bad fields and refuses an empty change', async () => {
    expect(problemOf(await patch('alice', { legalName: '', birthDate: '1990-02-30' })).errors!.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.legalName', 'body.birthDate']),
    );
    expect((await patch('alice', {})).statusCode).toBe(400);
  });
});

describe('sign-in addresses', () => {
  it('adds one that then signs in, refuses one of another account, and keeps the last', async () => {
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/emails',
      headers: as.alice,
      payload: { email: 'Alice@Home.example' },
    });
    expect(added.json().emails).toEqual(['alice@example.org', 'alice@home.example']);
    await t.signIn('alice@home.example');
    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/emails',
      headers: as.alice,
      payload: { email: 'bob@example.org' },
    });
    expect(taken.statusCode).toBe(409);
    const removed = await t.app.inject({ method: 'DELETE', url: '/api/v1/me/emails/alice@example.org', headers: as.alice });
    expect(removed.json().emails).toEqual(['alice@home.example']);
    const last = await t.app.inject({ method: 'DELETE', url: '/api/v1/me/emails/alice@home.example', headers: as.alice });
    expect(last.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/emails' })).statusCode).toBe(401);
  });
});
