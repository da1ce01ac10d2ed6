import { parse } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActivities } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';
import { seedCast } from '../testing/namss-fixture';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let alice: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  await buildActivities(t.database.db, [
    {
      bodyId: 'namss',
      personId: cast.alice.person.id,
      type: 'conference',
      startDate: '2021-05-10',
      hours: 10.5,
      title: 'Medical staff law – update',
      provider: 'State MSS',
    },
    {
      bodyId: 'namss',
      personId: cast.alice.person.id,
      type: 'webinar',
      startDate: '2019-11-01',
      hours: 2,
      title: 'Before this cycle',
    },
  ]);
  alice = await t.signIn('alice@example.org');
}, 60_000);
afterAll(() => t.close());

const url = (format: string) => `/api/v1/bodies/namss/people/${cast.alice.person.id}/transcript.${format}`;

describe('transcript', () => {
  it('exports every activity with its counted credit and reason, as CSV', async () => {
    const response = await t.app.inject({ method: 'GET', url: url('csv'), headers: alice });
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/transcript-NAMSS-\d+-2022-10-01\.csv/);
    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.Activity, r['Credit counted']])).toEqual([
      ['Before this cycle', '0'],
      ['webinar on 2020-03-01', '1.5'],
      ['Medical staff law – update', '10.5'],
    ]);
    expect(rows[0]!['Why less than claimed']).toContain('outside this cycle (2019-12-02 to 2022-12-01)');
    expect(rows[1]).toMatchObject({ 'Approved by the body': 'yes', 'Counts toward': 'approved', Certification: 'CPCS' });
  });

  it('renders a PDF an auditor can read', async () => {
    const response = await t.app.inject({ method: 'GET', url: url('pdf'), headers: alice });
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(response.rawPayload);
    expect(pdf.getTitle()).toBe('CE transcript: Alice Adams');
    expect(pdf.getPageCount()).toBe(1);
  });

  it.each([
    ['bob@example.org', 404],
    ['tess@example.org', 404],
    ['rita@example.org', 200],
  ])('as %s → %i', async (email, status) => {
    const headers = await t.signIn(email);
    for (const format of ['csv', 'pdf'])
      expect((await t.app.inject({ method: 'GET', url: url(format), headers })).statusCode).toBe(status);
  });

  it('needs a sign-in', async () => {
    expect((await t.app.inject({ method: 'GET', url: url('pdf') })).statusCode).toBe(401);
  });
});
