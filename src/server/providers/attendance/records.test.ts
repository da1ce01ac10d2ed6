import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/database';
import { buildOffering } from '../../testing/provider-factories';
import { createTestApp, problemOf, type TestApp } from '../../testing/test-app';
import { attendee, seedAttendanceCast, type AttendanceCast } from './attendance-cast';

/**
 * Records are kept six years from the completion (NAMSS's records period);
 * today is 2022-10-01, so rows of an offering in 2016 are partly old enough.
 */
let t: TestApp;
let cast: AttendanceCast;
let rows: { id: string; name: string; verificationCode: string }[];
let activityId: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedAttendanceCast(t);
  const { offering } = await buildOffering(t.database.db, {
    bodyId: 'namss',
    providerId: cast.pat.provider.id,
    createdBy: cast.pat.user!.id,
    type: 'webinar',
    dates: ['2016-03-01', '2016-11-01'],
    hours: 2,
    approvalCode: 'NAMSS-2016-0007',
  });
  const url = `/api/v1/bodies/namss/offerings/${offering.id}/attendance`;
  const reported = await t.app.inject({
    method: 'POST',
    url,
    headers: cast.keys.pat,
    payload: {
      rows: [
        attendee({ name: 'Alice Adams', number: cast.alice.person.number, completedOn: '2016-03-01', hours: 2 }),
        attendee({ name: 'Una Unmatched', email: 'una@elsewhere.example', completedOn: '2016-03-01', hours: 2, grade: 'A' }),
        attendee({ name: 'Bob Brown', email: 'bob@example.org', completedOn: '2016-11-01', hours: 2 }),
      ],
    },
  });
  expect(reported.statusCode).toBe(200);
  rows = (await t.app.inject({ method: 'GET', url, headers: cast.as.pat })).json().attendance;
  const [activity] = await rowsOf<{ id: string }>(
    t.database.db,
    sql`select id from activities where person_id = ${cast.alice.person.id} and approval_code = 'NAMSS-2016-0007'`,
  );
  activityId = activity!.id;
}, 120_000);
afterAll(() => t.close());

const rowNamed = (name: string) => rows.find((row) => row.name === name)!;
const purge = (payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/bodies/namss/attendance/purge',
    headers: cast.as.ada,
    payload: payload as object,
  });
const aliceActivity = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}/activities/${activityId}`;

describe('attendance records', () => {
  it('cannot be deleted or changed through the activity and evidence routes', async () => {
    for (const headers of [cast.as.alice, cast.as.ada]) {
      const removed = await t.app.inject({ method: 'DELETE', url: aliceActivity(), headers });
      expect(problemOf(removed)).toMatchObject({
        status: 409,
        detail: expect.stringMatching(/Prairie CE Institute reported this activity/),
      });
      const evidence = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/evidence/${rowNamed('Alice Adams').id}`,
        headers,
      });
      expect(evidence.statusCode).toBe(409);
    }
    const changed = await t.app.inject({
      method: 'PUT',
      url: aliceActivity(),
      headers: cast.as.alice,
      payload: { title: 'Mine now', type: 'webinar', startDate: '2016-03-01', hours: 20 },
    });
    expect(changed.statusCode).toBe(409);
  });

  it('refuse a purge while any row is in its records period, naming the date it may be purged', async () => {
    const named = await purge({ attendanceIds: [rowNamed('Alice Adams').id, rowNamed('Bob Brown').id] });
    expect(problemOf(named)).toMatchObject({
      status: 409,
      errors: [
        { path: 'body.attendanceIds[1]', message: 'completed on 2016-11-01: kept 6 years, it may be purged from 2022-11-01' },
      ],
    });
    const dated = await purge({ completedBefore: '2017-01-01' });
    expect(problemOf(dated).errors).toEqual([
      { path: `body.completedBefore (row ${rowNamed('Bob Brown').id})`, message: expect.stringContaining('2022-11-01') },
    ]);
    const unknown = await purge({ attendanceIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(problemOf(unknown)).toMatchObject({ status: 400, errors: [{ path: 'body.attendanceIds[0]' }] });
    expect(await rowsOf(t.database.db, sql`select 1 from attendance where id = ${rowNamed('Alice Adams').id}`)).toHaveLength(1);
  });

  it('are purged by an admin after the period, confirmations too, and the purge is logged', async () => {
    const [evidence] = await rowsOf<{ storage_key: string }>(
      t.database.db,
      sql`select storage_key from evidence_files where id = ${rowNamed('Alice Adams').id}`,
    );
    const response = await purge({ completedBefore: '2016-06-01' });
    expect(response.json()).toEqual({ rows: 2, grades: 1, confirmations: 1 });
    expect(await rowsOf(t.database.db, sql`select 1 from evidence_files where id = ${rowNamed('Alice Adams').id}`)).toHaveLength(
      0,
    );
    const [logged] = await rowsOf<{ actor_user_id: string; after: Record<string, unknown> }>(
      t.database.db,
      sql`select actor_user_id, after from audit_log where action = 'attendance.purged'`,
    );
    expect(logged).toMatchObject({
      actor_user_id: cast.ada.id,
      after: { rows: 2, grades: 1, confirmations: 1, completedBefore: '2016-06-01' },
    });
    const verification = await t.app.inject({
      method: 'GET',
      url: `/api/v1/bodies/namss/confirmations/${rowNamed('Una Unmatched').verificationCode}`,
    });
    expect(verification.json()).toEqual({ genuine: false });
    expect(evidence!.storage_key).toContain('/confirmations/');
    // The attendee's activity stays on the transcript, and is theirs to change from now on.
    expect((await t.app.inject({ method: 'DELETE', url: aliceActivity(), headers: cast.as.alice })).statusCode).toBe(204);
  });
});

describe('an approval code on a certificant’s own activity', () => {
  const add = (payload: Record<string, unknown>, person = cast.alice.person.id, headers = cast.as.alice, bodyId = 'namss') =>
    t.app.inject({ method: 'POST', url: `/api/v1/bodies/${bodyId}/people/${person}/activities`, headers, payload });
  const webinar = { title: 'Credentialing essentials', type: 'webinar', hours: 6 };

  it('makes it approved when the code is the body’s and the date inside its approval period', async () => {
    const response = await add({ ...webinar, startDate: '2022-06-01', approvalCode: ' namss-2022-0001 ' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ approved: true, approvalCode: 'NAMSS-2022-0001', review: 'not-needed' });
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/activities/${response.json().id}`,
      headers: cast.as.alice,
      payload: { ...webinar, startDate: '2022-06-02', approvalCode: null },
    });
    expect(changed.json()).toMatchObject({ approved: false, approvalCode: null });
  });

  it('is refused, naming body.approvalCode and why', async () => {
    const why = async (payload: Record<string, unknown>) => problemOf(await add({ ...webinar, ...payload })).errors;
    expect(await why({ startDate: '2022-06-01', approvalCode: 'NOPE-1' })).toEqual([
      { path: 'body.approvalCode', message: '"NOPE-1" is not an approval code of National Association Medical Staff Services' },
    ]);
    expect(await why({ startDate: '2021-06-01', approvalCode: 'NAMSS-2022-0001' })).toEqual([
      {
        path: 'body.approvalCode',
        message:
          "the activity's date 2021-06-01 is outside the approval period of NAMSS-2022-0001, from 2022-01-01 to 2022-12-31",
      },
    ]);
    expect(await why({ startDate: '2022-06-01', approvalCode: 'TSA-2022-0001' })).toHaveLength(1);
    await t.database.db.execute(
      sql`update offerings set withdrawn_at = '2022-05-01T16:00:00Z', valid_from = '2022-04-01' where id = ${cast.quinnOffering.id}`,
    );
    expect(await why({ startDate: '2022-05-01', approvalCode: 'NAMSS-2022-0002' })).toEqual([
      { path: 'body.approvalCode', message: 'the approval of NAMSS-2022-0002 was withdrawn on 2022-05-01' },
    ]);
    // Attended before the withdrawal: the code still holds.
    expect((await add({ ...webinar, startDate: '2022-04-30', approvalCode: 'NAMSS-2022-0002' })).statusCode).toBe(201);
  });

  it('stands in for the advance approval a type needs', async () => {
    const response = await add(
      { title: 'Sourcing workshop', type: 'external', startDate: '2022-05-01', hours: 3, approvalCode: 'TSA-2022-0001' },
      cast.tess.person.id,
      await t.signIn('tess@example.org'),
      'techserve',
    );
    expect(response.json()).toMatchObject({ approved: true, review: 'not-needed' });
  });
});
