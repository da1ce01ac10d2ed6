import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/database';
import { offerings, providers } from '../../db/schema/providers';
import { buildCertificant, buildPerson } from '../../testing/factories';
import { createTestApp, problemOf, type TestApp } from '../../testing/test-app';
import { attendee, seedAttendanceCast, type AttendanceCast } from './attendance-cast';

let t: TestApp;
let cast: AttendanceCast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedAttendanceCast(t);
}, 120_000);
afterAll(() => t.close());

const report = (rows: unknown[], headers: Record<string, string> = cast.as.pat, offeringId = cast.offering.id) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/bodies/namss/offerings/${offeringId}/attendance`,
    headers,
    payload: { rows },
  });

const reportCsv = (csv: string, headers: Record<string, string> = cast.as.pat) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/bodies/namss/offerings/${cast.offering.id}/attendance/csv`,
    headers: { ...headers, 'content-type': 'text/csv' },
    payload: csv,
  });

const attendanceRows = () =>
  rowsOf<{
    attendee_key: string;
    person_id: string | null;
    hundredths: number;
    grade: string | null;
    activity_id: string | null;
  }>(
    t.database.db,
    sql`select attendee_key, person_id, hundredths, grade, activity_id from attendance
        where body_id = 'namss' and offering_id = ${cast.offering.id} order by attendee_key`,
  );

const reportedActivities = (personId: string) =>
  rowsOf<{
    id: string;
    type: string;
    hundredths: number;
    approved: boolean;
    approval_code: string;
    provider: string;
    title: string;
  }>(
    t.database.db,
    sql`select id, type, hundredths, approved, approval_code, provider, title from activities
        where body_id = 'namss' and person_id = ${personId} and approval_code = 'NAMSS-2022-0001'`,
  );

describe('a roster', () => {
  it('matches by certificant number, then e-mail; keeps the unmatched; puts approved credit on transcripts', async () => {
    const response = await report([
      attendee({ name: 'Alice Adams', number: cast.alice.person.number, email: 'not-alice@example.org' }),
      attendee({ name: 'Bob Brown', email: 'BOB@example.org', grade: 'B+' }),
      attendee({ name: 'Una Unknown', email: 'una@example.org' }),
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      rows: 3,
      added: 3,
      updated: 0,
      unchanged: 0,
      matched: 2,
      unmatched: 1,
      changes: [],
      confirmationsPending: 0,
    });
    const [activity] = await reportedActivities(cast.alice.person.id);
    expect(activity).toMatchObject({
      title: 'Credentialing essentials',
      provider: 'Prairie CE Institute',
      type: 'webinar',
      hundredths: 600,
      approved: true,
    });
    expect(await reportedActivities(cast.bob.person.id)).toHaveLength(1);
    // Alice's figures count the approved credit at once.
    const progress = await t.app.inject({
      method: 'GET',
      url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/progress`,
      headers: cast.as.alice,
    });
    const [cpcs] = progress.json().certifications;
    expect(cpcs.credits.find((line: { activity: string }) => line.activity === activity!.id)).toMatchObject({ credits: 6 });
    // The stored figures (the overview's) are refreshed too: 1.5 approved hours before, 7.5 now.
    const [stored] = await rowsOf<{ summary: { earned: { total: number; minimums: Record<string, number> } } }>(
      t.database.db,
      sql`select summary from cycle_results r join certifications c on c.body_id = r.body_id and c.id = r.certification_id
          where c.body_id = 'namss' and c.person_id = ${cast.alice.person.id}`,
    );
    expect(stored!.summary.earned).toMatchObject({ total: 7.5, minimums: { approved: 7.5 } });
    const evidence = await t.app.inject({
      method: 'GET',
      url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/activities/${activity!.id}/evidence`,
      headers: cast.as.alice,
    });
    expect(evidence.json().evidence).toEqual([expect.objectContaining({ mediaType: 'application/pdf' })]);
  });

  it('never duplicates on a re-upload, and updates and lists changed hours and grades', async () => {
    const again = await report([
      attendee({ name: 'Alice Adams', number: cast.alice.person.number, email: 'not-alice@example.org' }),
      attendee({ name: 'Bob Brown', email: 'bob@example.org', grade: 'B+' }),
      attendee({ name: 'Una Unknown', email: 'una@example.org' }),
    ]);
    expect(again.json()).toMatchObject({ rows: 3, added: 0, updated: 0, unchanged: 3, matched: 0, unmatched: 1 });
    const changed = await report([
      attendee({ name: 'Alice Adams', number: cast.alice.person.number, email: 'not-alice@example.org', hours: 5 }),
      attendee({ name: 'Bob Brown', email: 'bob@example.org', grade: 'A' }),
    ]);
    expect(changed.json()).toMatchObject({
      rows: 2,
      added: 0,
      updated: 2,
      changes: [
        { row: 'body.rows[0]', attendee: cast.alice.person.number, fields: ['hours'] },
        { row: 'body.rows[1]', attendee: 'bob@example.org', fields: ['grade'] },
      ],
      confirmationsPending: 0,
    });
    expect(await attendanceRows()).toHaveLength(3);
    // The provider adds Bob's certificant number: still his row, now under the number.
    const numbered = await report([
      attendee({ name: 'Bob Brown', email: 'bob@example.org', number: cast.bob.person.number, grade: 'A' }),
    ]);
    expect(numbered.json()).toMatchObject({
      added: 0,
      updated: 1,
      changes: [{ attendee: cast.bob.person.number, fields: ['number'] }],
    });
    expect((await attendanceRows()).map((row) => row.attendee_key)).toContain(`number:${cast.bob.person.number}`);
    expect(await attendanceRows()).toHaveLength(3);
    expect(await reportedActivities(cast.bob.person.id)).toHaveLength(1);
    const [activity] = await reportedActivities(cast.alice.person.id);
    expect(activity!.hundredths).toBe(500);
    expect(await reportedActivities(cast.alice.person.id)).toHaveLength(1);
  });

  it('is refused whole, with every row and field at fault, and nothing is recorded', async () => {
    const response = await report([
      attendee({ name: 'New Person', email: 'new@example.org' }),
      attendee({ name: 'Too Early', email: 'early@example.org', completedOn: '2021-12-31' }),
      attendee({ name: 'Not Yet', email: 'later@example.org', completedOn: '2022-11-01' }),
      attendee({ name: 'Too Long', email: 'long@example.org', hours: 7 }),
      attendee({ name: 'New Person again', email: 'new@example.org' }),
      attendee({ name: 'New Person numbered', email: 'new@example.org', number: 'NAMSS-NEW-1' }),
    ]);
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([
      {
        path: 'body.rows[1].completedOn',
        message: '2021-12-31 is outside the approval period of NAMSS-2022-0001, from 2022-01-01 to 2022-12-31',
      },
      { path: 'body.rows[2].completedOn', message: '2022-11-01 is in the future (today is 2022-10-01)' },
      { path: 'body.rows[3].hours', message: 'must be at most the 6 hours approved for NAMSS-2022-0001' },
      { path: 'body.rows[4].email', message: 'the same attendee and completion date as body.rows[0]' },
      { path: 'body.rows[5].number', message: 'the same attendee and completion date as body.rows[0]' },
    ]);
    const malformed = await report([{ name: '', completedOn: '2022-02-30', hours: 1.234 }]);
    expect(problemOf(malformed).errors!.map((e) => e.path)).toEqual([
      'body.rows[0].name',
      'body.rows[0].completedOn',
      'body.rows[0].hours',
      'body.rows[0].email',
    ]);
    expect((await attendanceRows()).map((row) => row.attendee_key)).not.toContain('email:new@example.org');
  });

  it('comes as CSV too, refused by line and column', async () => {
    const refused = await reportCsv(
      'name,email,number,completed_on,hours,grade\nCarl,,,2022-06-02,6,\nDora,dora@x.example,,2022-06-02,lots,\n',
    );
    expect(problemOf(refused).errors).toEqual([
      { path: 'row 2.email', message: 'give the e-mail or the certificant number (or both)' },
      { path: 'row 3.hours', message: expect.stringMatching(/number/) },
    ]);
    const accepted = await reportCsv(`Number,Name,Completed_On,Hours\n${cast.bob.person.number},Bob Brown,2022-06-01,3\n`);
    expect(accepted.json()).toMatchObject({ rows: 1, added: 1, matched: 1 });
  });

  it('matches contact e-mails, but not an address two people share, nor a merged record', async () => {
    const db = t.database.db;
    const carol = await buildCertificant(db, {
      bodyId: 'namss',
      legalName: 'Carol Contact',
      contactEmails: ['carol@work.example'],
      holds: [{ programId: 'namss/cpcs', awarded: '2020-01-01' }],
    });
    await buildPerson(db, { bodyId: 'namss', contactEmails: ['shared@work.example'] });
    await buildPerson(db, { bodyId: 'namss', contactEmails: ['shared@work.example'] });
    const merged = await buildPerson(db, { bodyId: 'namss', number: 'NAMSS-MERGED-1' });
    await db.execute(sql`update people set merged_into = ${carol.person.id} where id = ${merged.id}`);
    const response = await report([
      attendee({ name: 'Carol', email: 'carol@work.example', completedOn: '2022-06-01' }),
      attendee({ name: 'Shared', email: 'shared@work.example', completedOn: '2022-06-01' }),
      attendee({ name: 'Merged', number: 'NAMSS-MERGED-1', completedOn: '2022-06-01' }),
    ]);
    expect(response.json()).toMatchObject({ added: 3, matched: 1, unmatched: 2 });
    expect(await reportedActivities(carol.person.id)).toHaveLength(1);
  });
});

describe('who may report', () => {
  it('takes the API key alone: no session, no CSRF token', async () => {
    const response = await report([attendee({ name: 'Key Person', email: 'key@example.org' })], cast.keys.pat);
    expect(response.statusCode).toBe(200);
    // With a session cookie but no CSRF token, only the key counts.
    const withCookie = await report([attendee({ name: 'Key Person', email: 'key@example.org' })], {
      ...cast.keys.pat,
      cookie: cast.as.ada.cookie!,
    });
    expect(withCookie.json()).toMatchObject({ unchanged: 1 });
  });

  it('still wants the CSRF token from a signed-in provider, and the key nowhere but attendance reporting', async () => {
    const { cookie } = cast.as.pat;
    const noToken = await report([attendee({ name: 'X', email: 'x@example.org' })], { cookie: cookie! });
    expect(noToken.statusCode).toBe(403);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: `/api/v1/bodies/namss/providers/${cast.pat.provider.id}/api-key`,
      headers: cast.keys.pat,
    });
    expect(elsewhere.statusCode).toBe(401);
  });

  it('refuses offerings of another provider or body (404), and withdrawn or unapproved ones (409)', async () => {
    const row = [attendee({ name: 'X', email: 'x@example.org', completedOn: '2022-05-01', hours: 1 })];
    expect((await report(row, cast.as.pat, cast.quinnOffering.id)).statusCode).toBe(404);
    expect((await report(row, cast.keys.pat, cast.quinnOffering.id)).statusCode).toBe(404);
    expect((await report(row, cast.keys.tara, cast.quinnOffering.id)).statusCode).toBe(404);
    const db = t.database.db;
    await db.execute(sql`update applications set status = 'submitted' where id = ${cast.quinnOffering.applicationId}`);
    expect(problemOf(await report(row, cast.as.quinn, cast.quinnOffering.id)).status).toBe(409);
    await db.execute(sql`update applications set status = 'approved' where id = ${cast.quinnOffering.applicationId}`);
    await db
      .update(offerings)
      .set({ withdrawnAt: new Date('2022-09-01T00:00:00Z') })
      .where(eq(offerings.id, cast.quinnOffering.id));
    const withdrawn = problemOf(await report(row, cast.keys.quinn, cast.quinnOffering.id));
    expect(withdrawn).toMatchObject({ status: 409, detail: expect.stringMatching(/withdrawn/) });
  });

  it("refuses a suspended or terminated provider's key, and its users", async () => {
    const where = and(eq(providers.bodyId, 'namss'), eq(providers.id, cast.quinn.provider.id));
    const row = [attendee({ name: 'X', email: 'x@example.org', completedOn: '2022-05-01', hours: 1 })];
    await t.database.db.update(providers).set({ status: 'suspended' }).where(where);
    const response = await report(row, cast.keys.quinn, cast.quinnOffering.id);
    expect(problemOf(response)).toMatchObject({ status: 403, detail: 'the provider is suspended: its API key is refused' });
    await t.database.db.update(providers).set({ status: 'terminated' }).where(where);
    expect(problemOf(await report(row, cast.keys.quinn, cast.quinnOffering.id)).status).toBe(403);
    const user = problemOf(await report(row, cast.as.quinn, cast.quinnOffering.id));
    expect(user).toMatchObject({ status: 403, detail: 'the provider is terminated: it may not report attendance' });
    await t.database.db.update(providers).set({ status: 'active' }).where(where);
  });
});
