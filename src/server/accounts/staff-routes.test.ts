import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../testing/factories';
import { seedCast, signInCast } from '../testing/namss-fixture';
import { buildProvider } from '../testing/provider-factories';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';

type Who = 'alice' | 'rita' | 'ada' | 'otto' | 'anonymous' | 'acme';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: Record<Who, Record<string, string>>;
let both: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  both = await buildUser(t.database.db, {
    email: 'bea@example.org',
    displayName: 'Bea Both',
    roles: [
      { bodyId: 'namss', role: 'admin' },
      { bodyId: 'namss', role: 'reviewer' },
    ],
  });
  await buildProvider(t.database.db, { bodyId: 'namss', name: 'Acme Credentialing Academy', userEmail: 'acme@example.org' });
  as = { ...(await signInCast(t, ['alice', 'rita', 'ada', 'otto'] as const)), acme: await t.signIn('acme@example.org') };
}, 60_000);
afterAll(() => t.close());

const list = (who: Who, bodyId = 'namss') =>
  t.app.inject({ method: 'GET', url: `/api/v1/bodies/${bodyId}/staff`, headers: as[who] });

describe('the staff list', () => {
  it("lists the body's reviewers and admins by name, each once with all their staff roles", async () => {
    const response = await list('ada');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      staff: [
        { userId: cast.ada.id, displayName: 'Ada Admin', roles: ['admin'] },
        { userId: both.id, displayName: 'Bea Both', roles: ['reviewer', 'admin'] },
        { userId: cast.rita.id, displayName: 'Rita Reviewer', roles: ['reviewer'] },
      ],
    });
  });

  it('is read by reviewers and admins only; people of other bodies learn nothing', async () => {
    expect((await list('rita')).statusCode).toBe(200);
    expect((await list('ada')).statusCode).toBe(200);
    expect(problemOf(await list('anonymous')).status).toBe(401);
    expect(problemOf(await list('alice')).status).toBe(403);
    expect(problemOf(await list('acme')).status).toBe(403);
    expect(problemOf(await list('otto')).status).toBe(404);
    expect(problemOf(await list('ada', 'techserve')).status).toBe(404);
  });
});
