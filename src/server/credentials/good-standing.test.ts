import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCertificant } from '../testing/factories';
import { seedCast } from '../testing/namss-fixture';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedCast(t.database.db);
  await buildCertificant(t.database.db, {
    bodyId: 'namss',
    legalName: 'Lapsed Lou',
    number: 'NAMSS-LOU-1',
    birthDate: '1970-01-01',
    city: 'Secretville',
    email: 'lou@example.org',
    holds: [{ programId: 'namss/cpcs', awarded: '2015-01-01', renewedThrough: '2016-12-01' }],
  });
}, 60_000);
afterAll(() => t.close());

const look = (q: string, bodyId = 'namss') =>
  t.app.inject({ method: 'GET', url: `/api/v1/bodies/${bodyId}/good-standing?q=${encodeURIComponent(q)}` });

describe('the public good-standing lookup', () => {
  it('answers anyone, by name, with the standing and dates from live data', async () => {
    const response = await look('alice');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      asOf: '2022-10-01',
      people: [
        {
          legalName: 'Alice Adams',
          certifications: [
            {
              designation: 'CPCS',
              inGoodStanding: true,
              status: 'renewal-open',
              certifiedSince: '2019-06-15',
              validThrough: '2022-12-01',
            },
          ],
        },
      ],
    });
  });

  it('finds by exact certificate number, says when a certification is not in good standing, and shows nothing private', async () => {
    const response = await look('namss-lou-1');
    const [lou] = response.json().people;
    expect(lou).toMatchObject({ number: 'NAMSS-LOU-1', certifications: [{ inGoodStanding: false, status: 'expired' }] });
    expect(response.body).not.toMatch(/lou@example.org|1970-01-01|Secretville/);
    expect((await look('NAMSS-LOU')).json().people).toEqual([]);
  });

  it('keeps to the body asked about and refuses a too-short question', async () => {
    expect((await look('Tess', 'namss')).json().people).toEqual([]);
    expect((await look('Tess', 'techserve')).json().people).toHaveLength(1);
    expect((await look('al')).statusCode).toBe(400);
    expect((await look('alice', 'nobody')).statusCode).toBe(404);
  });
});
