import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema/accounts';
import { buildUser } from '../testing/factories';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { SIGN_IN_ATTEMPTS_PER_MINUTE: '5' } });
  await buildUser(t.database.db, {
    email: 'Casey@Example.org',
    extraEmails: ['casey.personal@example.net'],
    password: 'a long passphrase',
    displayName: 'Casey',
    roles: [{ bodyId: 'ser', role: 'admin' }],
  });
  const disabled = await buildUser(t.database.db, { email: 'gone@example.org', password: 'a long passphrase' });
  await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
}, 60_000);
afterAll(() => t.close());

const signIn = (email: string, password: string, remoteAddress = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, remoteAddress });

describe('sign-in', () => {
  it('accepts any of the addresses, in any case, and sets an httpOnly SameSite cookie', async () => {
    for (const email of ['casey@example.org', 'CASEY.personal@example.net']) {
      const response = await signIn(email, 'a long passphrase', '10.0.1.1');
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === 'recert_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(response.json()).toMatchObject({
        user: { displayName: 'Casey' },
        memberships: [{ bodyId: 'ser', role: 'admin', personId: null }],
      });
    }
  });

  it.each([
    ['a wrong password', 'casey@example.org', 'not it'],
    ['an unknown address', 'nobody@example.org', 'a long passphrase'],
    ['a disabled account', 'gone@example.org', 'a long passphrase'],
  ])('refuses %s with the same 401', async (_name, email, password) => {
    const response = await signIn(email, password, '10.0.2.1');
    expect(response.statusCode).toBe(401);
    expect(problemOf(response).detail).toBe('that e-mail and password do not match an account');
  });

  it('names every invalid field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 1 },
      remoteAddress: '10.0.3.1',
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('limits attempts per client address', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn('casey@example.org', 'guess', '10.0.4.1')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect((await signIn('casey@example.org', 'a long passphrase', '10.0.4.2')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('requires the CSRF token on state-changing requests', async () => {
    const headers = await t.signIn('casey@example.org', 'a long passphrase');
    const withoutToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: headers.cookie! },
    });
    expect(withoutToken.statusCode).toBe(403);
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { ...headers, 'x-csrf-token': 'nope' },
    });
    expect(wrongToken.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(200);
  });

  it('ends on sign-out', async () => {
    const headers = await t.signIn('casey@example.org', 'a long passphrase');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(401);
  });

  it('ignores an unknown session cookie', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: 'recert_session=forged' } });
    expect(response.statusCode).toBe(401);
  });
});

describe('the API surface', () => {
  it('reports health', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('publishes its OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/sign-in',
        '/api/v1/bodies/{bodyId}/people/{personId}/progress',
        '/api/v1/bodies/{bodyId}/people/{personId}/activities',
      ]),
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers unknown routes with a problem', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(problemOf(response)).toMatchObject({ status: 404, code: 'not-found' });
  });
});
