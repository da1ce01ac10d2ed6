import { sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/database';
import { certifications, people } from '../../db/schema/people';
import { buildOffering } from '../../testing/provider-factories';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { attendee, seedAttendanceCast, type AttendanceCast } from './attendance-cast';

let t: TestApp;
let cast: AttendanceCast;
let rows: { id: string; name: string; verificationCode: string; personId: string | null; confirmationIssuedAt: string | null }[];

const offeringUrl = () => `/api/v1/bodies/namss/offerings/${cast.offering.id}`;
const listRows = async () =>
  (await t.app.inject({ method: 'GET', url: `${offeringUrl()}/attendance`, headers: cast.as.pat })).json<{
    attendance: typeof rows;
  }>().attendance;
const rowNamed = (name: string) => rows.find((row) => row.name === name)!;
const hexOf = (text: string) => Buffer.from(text, 'latin1').toString('hex');

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedAttendanceCast(t);
  const response = await t.app.inject({
    method: 'POST',
    url: `${offeringUrl()}/attendance`,
    headers: cast.keys.pat,
    payload: {
      rows: [
        attendee({ name: 'Alice Adams', number: cast.alice.person.number, email: 'alice@example.org' }),
        attendee({ name: 'Una Unmatched', email: 'una@elsewhere.example', grade: 'pass' }),
      ],
    },
  });
  expect(response.statusCode).toBe(200);
  rows = await listRows();
}, 120_000);
afterAll(() => t.close());

describe('public verification', () => {
  it('says a confirmation is genuine and what it confirms, without e-mail or number', async () => {
    const code = rowNamed('Alice Adams').verificationCode;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/bodies/namss/confirmations/${code}` });
    expect(response.json()).toEqual({
      genuine: true,
      attendee: 'Alice Adams',
      offering: { title: 'Credentialing essentials', type: 'webinar', approvalCode: 'NAMSS-2022-0001' },
      provider: 'Prairie CE Institute',
      completedOn: '2022-06-02',
      hours: 6,
    });
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/bodies/namss/confirmations/${encodeURIComponent(typed)}` })).json(),
    ).toEqual(response.json());
    expect(response.body).not.toContain('alice@example.org');
    expect(response.body).not.toContain(cast.alice.person.number);
  });

  it('knows no code of another body, nor a made-up one, nor an unknown body', async () => {
    const code = rowNamed('Alice Adams').verificationCode;
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    expect((await get(`/api/v1/bodies/techserve/confirmations/${code}`)).json()).toEqual({ genuine: false });
    expect((await get('/api/v1/bodies/namss/confirmations/AAAA-BBBB-CCCC-DDDD')).json()).toEqual({ genuine: false });
    expect((await get(`/api/v1/bodies/nobody/confirmations/${code}`)).statusCode).toBe(404);
  });

  it('is rate limited like sign-in', async () => {
    const strict = await createTestApp({ env: { SIGN_IN_ATTEMPTS_PER_MINUTE: '2' } });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push((await strict.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/confirmations/X' })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await strict.close();
    }
  });
});

describe('confirmations of completion', () => {
  it("are the matched attendee's evidence, the same document the provider downloads", async () => {
    const alice = rowNamed('Alice Adams');
    expect(alice.confirmationIssuedAt).not.toBeNull();
    const provider = await t.app.inject({
      method: 'GET',
      url: `${offeringUrl()}/attendance/${alice.id}/confirmation`,
      headers: cast.as.pat,
    });
    expect(provider.headers['content-type']).toBe('application/pdf');
    const evidence = await t.app.inject({
      method: 'GET',
      url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/evidence/${alice.id}`,
      headers: cast.as.alice,
    });
    expect(evidence.statusCode).toBe(200);
    expect(evidence.rawPayload.equals(provider.rawPayload)).toBe(true);
    const text = provider.rawPayload.toString('latin1');
    for (const printed of ['Alice Adams', alice.verificationCode, '2022-06-02']) expect(text).toContain(hexOf(printed));
    await PDFDocument.load(provider.rawPayload);
  });

  it('count as handed over to an unmatched attendee once the provider downloads them, and staff see those lacking', async () => {
    const overdue = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/attendance/overdue', headers: cast.as.rita })).json();
    expect(await overdue()).toEqual({
      confirmationDays: 30,
      offerings: [
        expect.objectContaining({
          offeringId: cast.offering.id,
          rosterReported: true,
          lacking: 1,
          oldestCompletedOn: '2022-06-02',
          dueBy: '2022-07-02',
        }),
        expect.objectContaining({ offeringId: cast.quinnOffering.id, rosterReported: false, lacking: 0, dueBy: '2022-05-31' }),
      ],
    });
    const una = rowNamed('Una Unmatched');
    // Staff looking hands nothing over.
    await t.app.inject({ method: 'GET', url: `${offeringUrl()}/attendance/${una.id}/confirmation`, headers: cast.as.ada });
    expect(rowNamed('Una Unmatched').confirmationIssuedAt).toBeNull();
    const all = await t.app.inject({ method: 'GET', url: `${offeringUrl()}/confirmations`, headers: cast.as.pat });
    expect((await PDFDocument.load(all.rawPayload)).getPageCount()).toBe(2);
    expect(all.headers['x-next-from']).toBeUndefined();
    rows = await listRows();
    expect(rowNamed('Una Unmatched').confirmationIssuedAt).not.toBeNull();
    expect((await overdue()).offerings.map((o: { offeringId: string }) => o.offeringId)).toEqual([cast.quinnOffering.id]);
    const counts = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/attendance/counts', headers: cast.as.ada });
    expect(counts.json().offerings).toContainEqual(
      expect.objectContaining({
        offeringId: cast.offering.id,
        rows: 2,
        matched: 1,
        unmatched: 1,
        confirmed: 2,
        withdrawn: false,
      }),
    );
  });

  it('of a large roster are issued in the background, every one attached', async () => {
    const db = t.database.db;
    const { offering } = await buildOffering(db, {
      bodyId: 'namss',
      providerId: cast.pat.provider.id,
      createdBy: cast.pat.user!.id,
      type: 'conference',
      dates: ['2022-09-01'],
      hours: 2,
    });
    const crowd = await db
      .insert(people)
      .values(Array.from({ length: 1001 }, (_, i) => ({ bodyId: 'namss', number: `NAMSS-CROWD-${i}`, legalName: `Crowd ${i}` })))
      .returning({ id: people.id });
    await db
      .insert(certifications)
      .values(crowd.map(({ id }) => ({ bodyId: 'namss', personId: id, programId: 'namss/cpmsm', awarded: '2021-01-01' })));
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/bodies/namss/offerings/${offering.id}/attendance`,
      headers: cast.keys.pat,
      payload: {
        rows: crowd.map((_, i) => ({ name: `Crowd ${i}`, number: `NAMSS-CROWD-${i}`, completedOn: '2022-09-01', hours: 2 })),
      },
    });
    expect(response.json()).toMatchObject({ added: 1001, matched: 1001, confirmationsPending: 1001 });
    // The background run starts once the answer is out; a sweep finds the same rows.
    await t.app.attendanceFollowUp.sweep();
    const [done] = await rowsOf<{ issued: number; evidence: number; figures: number; types: string[] }>(
      db,
      sql`select count(a.confirmation_issued_at)::int as issued, count(e.id)::int as evidence,
            (select count(*)::int from cycle_results r join certifications c on c.body_id = r.body_id and c.id = r.certification_id
             where c.person_id in (select person_id from attendance where offering_id = ${offering.id})) as figures,
            array_agg(distinct act.type) as types
          from attendance a
          left join evidence_files e on e.body_id = a.body_id and e.id = a.id
          left join activities act on act.body_id = a.body_id and act.id = a.activity_id
          where a.body_id = 'namss' and a.offering_id = ${offering.id}`,
    );
    expect(done).toEqual({ issued: 1001, evidence: 1001, figures: 1001, types: ['conference'] });
  }, 120_000);
});
