import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/database';
import { buildCertificant } from '../../testing/factories';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { attendee, seedAttendanceCast, type AttendanceCast } from './attendance-cast';

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
  expect(response.statusCode).toBe(200);
  return response.json<{ matched: number; unmatched: number }>();
};

/** The attendance row of an attendee key, with its activity's and evidence's owners. */
const rowOf = async (key: string) => {
  const [row] = await rowsOf<{
    person_id: string | null;
    activity_person: string | null;
    evidence_person: string | null;
    issued: boolean;
  }>(
    t.database.db,
    sql`select a.person_id, act.person_id as activity_person, e.person_id as evidence_person,
          a.confirmation_issued_at is not null as issued
        from attendance a
        left join activities act on act.body_id = a.body_id and act.id = a.activity_id
        left join evidence_files e on e.body_id = a.body_id and e.id = a.id
        where a.body_id = 'namss' and a.offering_id = ${cast.offering.id} and a.attendee_key = ${key}`,
  );
  return row!;
};

describe('attendance reported before the person was known', () => {
  it('becomes theirs when an admin adds them with that certificant number', async () => {
    expect(await report([attendee({ name: 'Lena Later', number: 'NAMSS-LATER-1' })])).toMatchObject({ unmatched: 1 });
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bodies/namss/people',
      headers: cast.as.ada,
      payload: {
        number: 'NAMSS-LATER-1',
        legalName: 'Lena Later',
        certifications: [{ program: 'namss/cpcs', awarded: '2020-01-01' }],
      },
    });
    expect(added.statusCode).toBe(201);
    const personId = added.json<{ id: string }>().id;
    // Matched at once; the activity, its confirmation and the figures come with the next sweep (within seconds).
    expect(await rowOf('number:NAMSS-LATER-1')).toMatchObject({ person_id: personId, activity_person: null, issued: false });
    await t.app.attendanceFollowUp.sweep();
    expect(await rowOf('number:NAMSS-LATER-1')).toMatchObject({
      activity_person: personId,
      evidence_person: personId,
      issued: true,
    });
    const [figures] = await rowsOf<{ total: number }>(
      t.database.db,
      sql`select (r.summary->'earned'->>'total')::numeric as total from cycle_results r
          join certifications c on c.body_id = r.body_id and c.id = r.certification_id where c.person_id = ${personId}`,
    );
    expect(Number(figures!.total)).toBe(6);
  });

  it('becomes theirs when a certificant adds that e-mail to their sign-in', async () => {
    await report([attendee({ name: 'Bob Brown', email: 'bob@home.example', completedOn: '2022-06-01' })]);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/emails',
      headers: cast.as.bob,
      payload: { email: 'Bob@Home.example' },
    });
    expect(added.statusCode).toBe(200);
    expect(await rowOf('email:bob@home.example')).toMatchObject({ person_id: cast.bob.person.id, issued: false });
    await t.app.attendanceFollowUp.sweep();
    expect(await rowOf('email:bob@home.example')).toMatchObject({
      activity_person: cast.bob.person.id,
      evidence_person: cast.bob.person.id,
      issued: true,
    });
  });

  it('becomes theirs when an import brings the person with that e-mail', async () => {
    await report([attendee({ name: 'Ivy Import', email: 'ivy@example.org' })]);
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bodies/namss/people/import',
      headers: { ...cast.as.ada, 'content-type': 'text/csv' },
      payload:
        'number,legal_name,emails,birth_date,city,region,member,program,awarded,renewed_through\n' +
        'NAMSS-IVY-1,Ivy Import,ivy@example.org,,,,no,namss/cpcs,2020-02-02,\n',
    });
    expect(imported.json()).toMatchObject({ added: 1 });
    expect((await rowOf('email:ivy@example.org')).person_id).not.toBeNull();
  });
});

describe('a merge', () => {
  it("moves the merged record's attendance, activity and confirmation to the survivor", async () => {
    const db = t.database.db;
    const holds = [{ programId: 'namss/cpcs', awarded: '2020-01-01' }];
    const kept = await buildCertificant(db, { bodyId: 'namss', legalName: 'Dan Double', number: 'NAMSS-DAN-1', holds });
    const duplicate = await buildCertificant(db, { bodyId: 'namss', legalName: 'Dan Double', number: 'NAMSS-DAN-2', holds });
    expect(await report([attendee({ name: 'Dan Double', number: 'NAMSS-DAN-2' })])).toMatchObject({ matched: 1 });
    expect(await rowOf('number:NAMSS-DAN-2')).toMatchObject({ evidence_person: duplicate.person.id, issued: true });
    const merge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bodies/namss/merges',
      headers: cast.as.ada,
      payload: { survivorId: kept.person.id, mergedId: duplicate.person.id, reason: 'entered twice' },
    });
    expect(merge.statusCode).toBe(201);
    expect(await rowOf('number:NAMSS-DAN-2')).toEqual({
      person_id: kept.person.id,
      activity_person: kept.person.id,
      evidence_person: kept.person.id,
      issued: true,
    });
    // A re-upload of the same roster still adds nothing, and the survivor keeps the one activity.
    expect(await report([attendee({ name: 'Dan Double', number: 'NAMSS-DAN-2' })])).toMatchObject({ matched: 0, unmatched: 0 });
    const [{ count }] = (await rowsOf<{ count: number }>(
      db,
      sql`select count(*)::int as count from activities where body_id = 'namss' and person_id = ${kept.person.id}`,
    )) as [{ count: number }];
    expect(count).toBe(1);
  });
});
