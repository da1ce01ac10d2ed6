import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/database';
import { buildCertificant } from '../../testing/factories';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { attendee, seedAttendanceCast, type AttendanceCast } from './attendance-cast';

/**
 * One attendee, one offering, one completion date: one attendance row and one
 * activity, however the provider names the attendee from one upload to the
 * next (certificant number, e-mail, both) and whenever the person is found.
 */
let t: TestApp;
let cast: AttendanceCast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedAttendanceCast(t);
}, 120_000);
afterAll(() => t.close());

const report = async (rows: unknown[]) => {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/bodies/namss/offerings/${cast.offering.id}/attendance`,
    headers: cast.keys.pat,
    payload: { rows },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ added: number; updated: number; matched: number; unmatched: number }>();
};

let serial = 0;
/** A NAMSS certificant signing in with `email`, with their own certificant number. */
async function certificant(email: string) {
  const number = `NAMSS-ID-${++serial}`;
  const { person } = await buildCertificant(t.database.db, {
    bodyId: 'namss',
    legalName: `Attendee ${serial}`,
    number,
    email,
    holds: [{ programId: 'namss/cpcs', awarded: '2020-01-01' }],
  });
  return { id: person.id, number, email };
}

/** The offering's attendance rows naming the person (matched to them, or by their number or e-mail), and their activities from it. */
async function recordsOf(person: { id: string; number: string; email: string }, email = person.email) {
  const [counts] = await rowsOf<{ rows: number; theirs: number; activities: number; evidence: number }>(
    t.database.db,
    sql`select
          (select count(*)::int from attendance a where a.body_id = 'namss' and a.offering_id = ${cast.offering.id}
            and (a.person_id = ${person.id} or a.number = ${person.number} or a.email = ${email})) as rows,
          (select count(*)::int from attendance a where a.body_id = 'namss' and a.offering_id = ${cast.offering.id}
            and a.person_id = ${person.id}) as theirs,
          (select count(*)::int from activities act where act.body_id = 'namss' and act.person_id = ${person.id}
            and act.approval_code = ${cast.offering.approvalCode}) as activities,
          (select count(*)::int from evidence_files e join activities act on act.body_id = e.body_id and act.id = e.activity_id
            where e.body_id = 'namss' and act.person_id = ${person.id} and act.approval_code = ${cast.offering.approvalCode}) as evidence`,
  );
  return counts!;
}

const once = { rows: 1, theirs: 1, activities: 1, evidence: 1 };

describe('one attendee named two ways', () => {
  it('by number, then by e-mail alone: the second upload is the same attendance', async () => {
    const p = await certificant('una@example.org');
    expect(await report([attendee({ name: 'Una', number: p.number })])).toMatchObject({ added: 1, matched: 1 });
    expect(await report([attendee({ name: 'Una', email: p.email })])).toMatchObject({ added: 0, matched: 0 });
    expect(await recordsOf(p)).toEqual(once);
  });

  it('by e-mail, then by number alone: the second upload is the same attendance', async () => {
    const p = await certificant('vic@example.org');
    expect(await report([attendee({ name: 'Vic', email: p.email })])).toMatchObject({ added: 1, matched: 1 });
    expect(await report([attendee({ name: 'Vic', number: p.number })])).toMatchObject({ added: 0, updated: 1, matched: 0 });
    expect(await recordsOf(p)).toEqual(once);
  });

  it('by number and an e-mail the person does not sign in with, then by that e-mail alone', async () => {
    const p = await certificant('wyn@example.org');
    await report([attendee({ name: 'Wyn', number: p.number, email: 'wyn@work.example' })]);
    expect(await report([attendee({ name: 'Wyn', email: 'wyn@work.example' })])).toMatchObject({ added: 0, unmatched: 0 });
    expect(await recordsOf(p, 'wyn@work.example')).toEqual(once);
  });

  it('both ways in one roster: one of the rows is theirs', async () => {
    const p = await certificant('xia@example.org');
    await report([attendee({ name: 'Xia', number: p.number }), attendee({ name: 'Xia Z.', email: p.email })]);
    expect(await recordsOf(p)).toMatchObject({ theirs: 1, activities: 1, evidence: 1 });
  });
});

describe('an attendee reported by e-mail before they were known', () => {
  it('matched when they add the e-mail, then reported by number: still one', async () => {
    const p = await certificant('yan@example.org');
    expect(await report([attendee({ name: 'Yan', email: 'yan@home.example' })])).toMatchObject({ unmatched: 1 });
    const headers = await t.signIn('yan@example.org');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/me/emails', headers, payload: { email: 'yan@home.example' } }))
        .statusCode,
    ).toBe(200);
    await t.app.attendanceFollowUp.sweep();
    expect(await recordsOf(p, 'yan@home.example')).toEqual(once);
    expect(await report([attendee({ name: 'Yan', number: p.number })])).toMatchObject({ added: 0, matched: 0 });
    expect(await recordsOf(p, 'yan@home.example')).toEqual(once);
  });

  it('reported by number meanwhile, then the e-mail added: the e-mail row does not become a second one of theirs', async () => {
    const p = await certificant('zoe@example.org');
    await report([attendee({ name: 'Zoe', email: 'zoe@home.example' })]);
    expect(await report([attendee({ name: 'Zoe', number: p.number })])).toMatchObject({ matched: 1 });
    const headers = await t.signIn('zoe@example.org');
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/emails',
      headers,
      payload: { email: 'zoe@home.example' },
    });
    expect(added.statusCode).toBe(200);
    await t.app.attendanceFollowUp.sweep();
    expect(await recordsOf(p, 'zoe@home.example')).toMatchObject({ theirs: 1, activities: 1, evidence: 1 });
    // Re-uploading the e-mail roster now that the address is theirs still adds nothing of theirs.
    await report([attendee({ name: 'Zoe', email: 'zoe@home.example' })]);
    await t.app.attendanceFollowUp.sweep();
    expect(await recordsOf(p, 'zoe@home.example')).toMatchObject({ theirs: 1, activities: 1, evidence: 1 });
  });
});
