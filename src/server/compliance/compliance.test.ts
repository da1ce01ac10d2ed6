import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActivities, buildCertificant } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';
import { seedCast } from '../testing/namss-fixture';

let t: TestApp;
let admin: Record<string, string>;
let reviewer: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp(); // today: 2022-10-01
  const db = t.database.db;
  await seedCast(db);
  // Carol has met CPCS for the cycle ending 2022-12-01; Dev has nothing and is due the same day.
  const carol = await buildCertificant(db, {
    bodyId: 'namss',
    legalName: 'Carol Compliant',
    holds: [{ programId: 'namss/cpcs', awarded: '2016-01-01', renewedThrough: '2019-12-01' }],
  });
  await buildActivities(db, [
    { bodyId: 'namss', personId: carol.person.id, type: 'conference', startDate: '2021-04-01', hours: 20, approved: true },
    { bodyId: 'namss', personId: carol.person.id, type: 'webinar', startDate: '2022-01-01', hours: 10 },
  ]);
  await buildCertificant(db, {
    bodyId: 'namss',
    legalName: 'Dev Due',
    holds: [{ programId: 'namss/cpcs', awarded: '2016-01-01', renewedThrough: '2019-12-01' }],
  });
  admin = await t.signIn('ada@example.org');
  reviewer = await t.signIn('rita@example.org');
}, 60_000);
afterAll(() => t.close());

describe('compliance overview', () => {
  it('re-evaluates everyone and counts by program, status, pace and due date', async () => {
    const run = await t.app.inject({ method: 'POST', url: '/api/v1/bodies/namss/reevaluate', headers: admin, payload: {} });
    expect(run.json()).toEqual({ asOf: '2022-10-01', people: 4, certifications: 4 });
    const overview = (await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/overview', headers: reviewer })).json();
    expect(overview.today).toBe('2022-10-01');
    const cpcs = overview.programs.find((p: { programId: string }) => p.programId === 'namss/cpcs');
    // Alice, Carol and Dev hold CPCS with cycles ending 2022-12-01 (renewal open); only Carol has met it.
    expect(cpcs).toMatchObject({ certifications: 3, byStatus: { 'renewal-open': 3 }, compliant: 1, dueWithin90Days: 2 });
    const cpmsm = overview.programs.find((p: { programId: string }) => p.programId === 'namss/cpmsm');
    expect(cpmsm).toMatchObject({ certifications: 1, byStatus: { active: 1 }, dueWithin90Days: 0 });
  });

  it('is idempotent: running it again for the same date stores the same rows', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/overview.csv', headers: admin })).body;
    await t.app.inject({ method: 'POST', url: '/api/v1/bodies/namss/reevaluate', headers: admin, payload: {} });
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/overview.csv', headers: admin })).body;
    expect(after).toBe(before);
  });

  it('exports one CSV row per certification', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/overview.csv', headers: reviewer });
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('namss-compliance-2022-10-01.csv');
    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r['Legal name'] === 'Carol Compliant')).toMatchObject({
      Program: 'namss/cpcs',
      'Cycle start': '2019-12-02',
      'Cycle end': '2022-12-01',
      Status: 'renewal-open',
      'Requirements met': 'yes',
      Due: '2022-12-01',
      Required: '30',
      Earned: '30',
      'Policy version': '1',
    });
    expect(rows.find((r) => r['Legal name'] === 'Dev Due')).toMatchObject({
      'Requirements met': 'no',
      Missing: '30 more credits; 15 more approved credits',
    });
  });

  it("keeps a person's stored figures current when their activities change", async () => {
    const alice = await t.signIn('alice@example.org');
    const people = (await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/people?q=Alice', headers: admin })).json()
      .people;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/bodies/namss/people/${people[0].id}/activities`,
      headers: alice,
      payload: { title: 'Big conference', type: 'conference', startDate: '2022-04-01', hours: 30 },
    });
    const rows = parse((await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/overview.csv', headers: admin })).body, {
      columns: true,
    }) as Record<string, string>[];
    expect(rows.find((r) => r['Legal name'] === 'Alice Adams')).toMatchObject({
      Earned: '31.5',
      Missing: '13.5 more approved credits',
    });
  });
});
