import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerNotices } from '../db/schema/providers';
import { buildUser } from '../testing/factories';
import { seedCast, signInCast, type CastHeaders, type CastMember } from '../testing/namss-fixture';
import { buildApplication, buildOffering, buildProvider } from '../testing/provider-factories';
import { createTestApp, problemOf, TEST_NOW, type TestApp } from '../testing/test-app';

type Who = CastMember | 'anonymous' | 'acme' | 'other' | 'far';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: Record<Who, Record<string, string>>;
let acme: Awaited<ReturnType<typeof buildProvider>>;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  acme = await buildProvider(t.database.db, {
    bodyId: 'namss',
    name: 'Acme Credentialing Academy',
    userEmail: 'acme@example.org',
  });
  await buildProvider(t.database.db, { bodyId: 'namss', name: 'Other Institute', userEmail: 'other@example.org' });
  await buildProvider(t.database.db, { bodyId: 'ser', name: 'Far Away Society', userEmail: 'far@example.org' });
  const castHeaders: CastHeaders<CastMember> = await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto', 'tess'] as const);
  as = {
    ...castHeaders,
    acme: await t.signIn('acme@example.org'),
    other: await t.signIn('other@example.org'),
    far: await t.signIn('far@example.org'),
  };
}, 60_000);
afterAll(() => t.close());

const call = (who: Who, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1/bodies/namss${url}`, headers: as[who], payload: payload as Record<string, unknown> });

const details = {
  name: 'Riverside Medical Staff Institute',
  kind: 'non-profit',
  contactName: 'Robin River',
  email: 'Robin@Riverside.example',
  website: 'https://riverside.example',
};

describe('registering a provider', () => {
  it('lets anyone register with a new account, who then acts for the provider', async () => {
    const response = await call('anonymous', 'POST', '/providers', {
      provider: details,
      account: { displayName: 'Robin River', email: 'robin@riverside.example', password: 'a long enough password' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ name: details.name, email: 'robin@riverside.example', status: 'active' });
    const robin = await t.signIn('robin@riverside.example', 'a long enough password');
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: robin })).json();
    expect(me.memberships).toEqual([
      expect.objectContaining({ bodyId: 'namss', role: 'provider', providerId: response.json().id }),
    ]);
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/v1/bodies/namss/providers/${response.json().id}`,
      headers: robin,
    });
    expect(own.statusCode).toBe(200);
  });

  it('registers a signed-in user with their account, once per body', async () => {
    const first = await call('bob', 'POST', '/providers', { provider: { ...details, name: 'Bob Teaches' } });
    expect(first.statusCode, first.body).toBe(201);
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: as.bob })).json();
    expect(me.memberships.map((m: { role: string }) => m.role).sort()).toEqual(['certificant', 'provider']);
    expect((await call('bob', 'POST', '/providers', { provider: details })).statusCode).toBe(409);
  });

  it('names every bad field, asks for an account when not signed in, and refuses a taken address', async () => {
    const bad = problemOf(
      await call('anonymous', 'POST', '/providers', { provider: { ...details, kind: 'club', email: 'nope' } }),
    );
    expect(bad.errors!.map((e) => e.path).sort()).toEqual(['body.provider.email', 'body.provider.kind']);
    const noAccount = problemOf(await call('anonymous', 'POST', '/providers', { provider: details }));
    expect(noAccount.errors).toEqual([{ path: 'body.account', message: 'is required when not signed in' }]);
    const taken = problemOf(
      await call('anonymous', 'POST', '/providers', {
        provider: details,
        account: { displayName: 'X', email: 'alice@example.org', password: 'a long enough password' },
      }),
    );
    expect(taken.errors![0]!.path).toBe('body.account.email');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/bodies/nobody/providers', payload: { provider: details } })).statusCode,
    ).toBe(404);
  });
});

describe('who sees and changes a provider', () => {
  const cases: [
    string,
    () => [method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown],
    Partial<Record<Who, number>>,
  ][] = [
    [
      'list providers',
      () => ['GET', '/providers'],
      { anonymous: 401, alice: 403, acme: 403, other: 403, far: 404, otto: 404, rita: 200, ada: 200 },
    ],
    [
      'read the provider',
      () => ['GET', `/providers/${acme.provider.id}`],
      { anonymous: 401, alice: 404, acme: 200, other: 404, far: 404, otto: 404, rita: 200, ada: 200 },
    ],
    [
      'change its details',
      () => ['PATCH', `/providers/${acme.provider.id}`, { phone: '555-0100' }],
      { anonymous: 401, alice: 404, acme: 200, other: 404, far: 404, otto: 404, rita: 403, ada: 200 },
    ],
    [
      'write a monitoring note',
      () => ['POST', `/providers/${acme.provider.id}/notices`, { kind: 'note', text: 'Visited the March course.' }],
      { anonymous: 401, alice: 404, acme: 403, other: 404, far: 404, otto: 404, rita: 201, ada: 201 },
    ],
    [
      'warn the provider',
      () => ['POST', `/providers/${acme.provider.id}/notices`, { kind: 'warning', text: 'Confirmations were late.' }],
      { anonymous: 401, alice: 404, acme: 403, other: 404, far: 404, otto: 404, rita: 403 },
    ],
    [
      'list its offerings',
      () => ['GET', `/providers/${acme.provider.id}/offerings`],
      { anonymous: 401, alice: 404, acme: 200, other: 404, far: 404, otto: 404, rita: 200, ada: 200 },
    ],
    [
      'read its notices',
      () => ['GET', `/providers/${acme.provider.id}/notices`],
      { anonymous: 401, alice: 404, acme: 200, other: 404, far: 404, otto: 404, rita: 200, ada: 200 },
    ],
  ];
  for (const [name, request, expected] of cases) {
    it.each(Object.entries(expected) as [Who, number][])(`${name} as %s → %i`, async (who, status) => {
      const [method, url, payload] = request();
      const response = await call(who, method, url, payload);
      expect(response.statusCode, response.body).toBe(status);
      if (status >= 400) expect(response.body).not.toContain('Acme');
    });
  }

  it('shows the provider the decisions about it but not the internal notes', async () => {
    const seen = (await call('acme', 'GET', `/providers/${acme.provider.id}/notices`)).json().notices;
    expect(seen.every((n: { kind: string; by: string | null }) => n.kind !== 'note' && n.by === null)).toBe(true);
    const staff = (await call('rita', 'GET', `/providers/${acme.provider.id}/notices`)).json().notices;
    expect(staff.some((n: { kind: string }) => n.kind === 'note')).toBe(true);
  });
});

describe('factory-built applications (tests and demo) read like real ones', () => {
  it('answers for an approved offering’s application and for each state before approval', async () => {
    const db = t.database.db;
    const { application } = await buildOffering(db, {
      bodyId: 'namss',
      providerId: acme.provider.id,
      createdBy: acme.user!.id,
      dates: ['2022-12-01'],
      hours: 2,
    });
    const built = await Promise.all(
      (['draft', 'submitted', 'info-requested', 'rejected'] as const).map((status) =>
        buildApplication(db, {
          bodyId: 'namss',
          providerId: acme.provider.id,
          createdBy: acme.user!.id,
          status,
          dates: ['2023-01-10'],
          hours: 3,
          decisionDue: '2022-11-01',
        }),
      ),
    );
    const listed = (await call('acme', 'GET', `/providers/${acme.provider.id}/offerings`)).json().offerings;
    expect(listed).toContainEqual(expect.objectContaining({ applicationId: application.id, hours: 2, attendance: 0 }));
    for (const { id, status } of [application, ...built]) {
      const response = await call('acme', 'GET', `/providers/${acme.provider.id}/applications/${id}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().status).toBe(status);
    }
  });
});

describe('status and appeals', () => {
  it('terminates, withdraws the offerings, refuses a late appeal, and lets the committee overturn by majority', async () => {
    const db = t.database.db;
    const { provider, user } = await buildProvider(db, {
      bodyId: 'namss',
      name: 'Termination Test Co',
      userEmail: 'tt@example.org',
    });
    const headers = await t.signIn('tt@example.org');
    const { offering } = await buildOffering(db, {
      bodyId: 'namss',
      providerId: provider.id,
      createdBy: user!.id,
      dates: ['2022-11-15'],
      hours: 3,
    });
    const url = `/api/v1/bodies/namss/providers/${provider.id}`;
    expect(
      (await call('ada', 'POST', `/providers/${provider.id}/notices`, { kind: 'suspension', text: 'Audit pending.' })).statusCode,
    ).toBe(201);
    expect(
      (await call('ada', 'POST', `/providers/${provider.id}/notices`, { kind: 'reinstatement', text: 'Audit passed.' }))
        .statusCode,
    ).toBe(201);
    const terminated = await call('ada', 'POST', `/providers/${provider.id}/notices`, {
      kind: 'termination',
      text: 'Falsified rosters.',
    });
    expect(terminated.json()).toMatchObject({ kind: 'termination', appealBy: '2022-10-31' });
    expect(
      (await call('ada', 'POST', `/providers/${provider.id}/notices`, { kind: 'reinstatement', text: 'no' })).statusCode,
    ).toBe(409);
    expect((await call('ada', 'GET', `/providers/${provider.id}`)).json()).toMatchObject({
      status: 'terminated',
      statusReason: 'Falsified rosters.',
    });
    const calendar = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/ce-calendar' });
    expect(calendar.json().listings.map((l: { id: string }) => l.id)).not.toContain(offering.id);
    const mail = await Promise.all(
      (await readdir(t.outboxDir)).map(async (f) => (await readFile(join(t.outboxDir, f), 'utf8')).replace(/\r?\n /g, ' ')),
    );
    expect(mail.some((m) => /^Subject:.*terminated/m.test(m) && m.includes('Falsified rosters.'))).toBe(true);

    // A termination noticed 31 days ago can no longer be appealed; the refusal names the day it was due.
    const [old] = await db
      .insert(providerNotices)
      .values({
        bodyId: 'namss',
        providerId: provider.id,
        kind: 'termination',
        text: 'older',
        byUserId: user!.id,
        at: new Date(TEST_NOW.getTime() - 31 * 86_400_000),
      })
      .returning();
    const late = await t.app.inject({
      method: 'POST',
      url: `${url}/appeals`,
      headers,
      payload: { noticeId: old!.id, grounds: 'We fixed our rosters since.' },
    });
    expect(late.statusCode).toBe(409);
    expect(problemOf(late).detail).toBe('the appeal was due by 2022-09-30');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `${url}/appeals`,
          headers: as.other,
          payload: { noticeId: old!.id, grounds: 'not ours at all' },
        })
      ).statusCode,
    ).toBe(404);

    const filed = await t.app.inject({
      method: 'POST',
      url: `${url}/appeals`,
      headers,
      payload: { noticeId: terminated.json().id, grounds: 'The rosters were correct; here is why.' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const appeal = `/appeals/${filed.json().id}`;
    const again = await t.app.inject({
      method: 'POST',
      url: `${url}/appeals`,
      headers,
      payload: { noticeId: terminated.json().id, grounds: 'Second time lucky?' },
    });
    expect(again.statusCode).toBe(409);

    const even = await call('ada', 'PUT', `${appeal}/committee`, { userIds: [cast.rita.id, cast.ada.id] });
    expect(problemOf(even).errors![0]!.message).toContain('odd number');
    const outsider = await call('ada', 'PUT', `${appeal}/committee`, {
      userIds: [cast.rita.id, cast.ada.id, cast.alice.user.id],
    });
    expect(problemOf(outsider).errors).toEqual([{ path: 'body.userIds[2]', message: 'is not a reviewer or admin of this body' }]);
    expect((await call('rita', 'PUT', `${appeal}/committee`, { userIds: [cast.rita.id] })).statusCode).toBe(403);
    const third = await buildUser(db, { roles: [{ bodyId: 'namss', role: 'reviewer' }] });
    const named = await call('ada', 'PUT', `${appeal}/committee`, { userIds: [cast.rita.id, cast.ada.id, third.id] });
    expect(named.statusCode, named.body).toBe(200);

    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/bodies/namss${appeal}/votes`, headers, payload: { vote: 'overturn' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('rita', 'POST', `${appeal}/votes`, { vote: 'overturn', comment: 'Rosters check out.' })).json().status,
    ).toBe('open');
    expect((await call('rita', 'POST', `${appeal}/votes`, { vote: 'overturn' })).statusCode).toBe(409);
    const decided = await call('ada', 'POST', `${appeal}/votes`, { vote: 'overturn' });
    expect(decided.json()).toMatchObject({ status: 'overturned' });
    expect((await call('ada', 'GET', `/providers/${provider.id}`)).json().status).toBe('active');
    const restored = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/ce-calendar' });
    expect(restored.json().listings.map((l: { id: string }) => l.id)).toContain(offering.id);
    const final = await call('rita', 'POST', `${appeal}/votes`, { vote: 'uphold' });
    expect(final.statusCode).toBe(409);
    const asProvider = (await t.app.inject({ method: 'GET', url: `/api/v1/bodies/namss${appeal}`, headers })).json();
    expect(asProvider.votes.every((v: { memberUserId: string | null }) => v.memberUserId === null)).toBe(true);
    const listed = await t.app.inject({ method: 'GET', url: `${url}/appeals`, headers });
    expect(listed.json().appeals).toEqual([expect.objectContaining({ id: filed.json().id, status: 'overturned' })]);
    expect((await call('other', 'GET', `/providers/${provider.id}/appeals`)).statusCode).toBe(404);
    expect((await call('alice', 'GET', `/providers/${provider.id}/appeals`)).statusCode).toBe(404);
    expect((await call('other', 'GET', appeal)).statusCode).toBe(404);
    expect((await call('far', 'GET', appeal)).statusCode).toBe(404);
  });
});
