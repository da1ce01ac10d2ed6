import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/database';
import { eq, sql } from 'drizzle-orm';
import { evidenceFiles } from '../db/schema/activities';
import { certifications } from '../db/schema/people';
import { renewals } from '../db/schema/renewals';
import { raiseInvoice } from '../billing/raise-invoice';
import { notify } from '../notifications/notify';
import { buildActivities, buildCertificant, buildPerson } from '../testing/factories';
import { seedCast, signInCast, type CastHeaders, type CastMember } from '../testing/namss-fixture';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { PERSON_HISTORY_TABLES, PERSON_RECORD_TABLES } from './merge-people';

let t: TestApp;
let as: CastHeaders<CastMember>;
let cast: Awaited<ReturnType<typeof seedCast>>;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  as = await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto', 'tess'] as const);
}, 60_000);
afterAll(() => t.close());

const api = (method: 'GET' | 'POST', url: string, who: keyof typeof as, payload?: Record<string, unknown>) =>
  t.app.inject({ method, url: `/api/v1/bodies/namss${url}`, headers: as[who], payload });

/** Carol was entered twice: once with CPCS, once (with other spelling) with CPCS and CPMSM, activities and evidence. */
async function seedCarolTwice(tag: string) {
  const db = t.database.db;
  const first = await buildCertificant(db, {
    bodyId: 'namss',
    legalName: `Carol ${tag} Chen`,
    birthDate: '1980-05-05',
    email: `carol.${tag}@first.example`,
    holds: [{ programId: 'namss/cpcs', awarded: '2019-06-15' }],
  });
  const second = await buildCertificant(db, {
    bodyId: 'namss',
    legalName: `CAROL ${tag.toUpperCase()}  CHEN`,
    birthDate: '1980-05-05',
    email: `carol.${tag}@second.example`,
    contactEmails: [`carol.${tag}@work.example`],
    holds: [
      { programId: 'namss/cpcs', awarded: '2018-01-01' },
      { programId: 'namss/cpmsm', awarded: '2020-03-01' },
    ],
  });
  const done = await buildActivities(db, [
    { bodyId: 'namss', personId: second.person.id, type: 'webinar', startDate: '2020-05-01', hours: 3 },
    { bodyId: 'namss', personId: second.person.id, type: 'webinar', startDate: '2020-06-01', hours: 2 },
  ]);
  await db.insert(evidenceFiles).values({
    bodyId: 'namss',
    personId: second.person.id,
    activityId: done[0]!.id,
    filename: 'certificate.pdf',
    mediaType: 'application/pdf',
    size: 10,
    sha256: 'ab'.repeat(32),
    storageKey: `test/${tag}`,
  });
  return { first, second };
}

const countsOf = async (personId: string) =>
  (
    await rowsOf<{ certifications: string; activities: string; evidence: string; signins: string }>(
      t.database.db,
      sql`select
      (select count(*) from certifications where body_id = 'namss' and person_id = ${personId}) as certifications,
      (select count(*) from activities where body_id = 'namss' and person_id = ${personId}) as activities,
      (select count(*) from evidence_files where body_id = 'namss' and person_id = ${personId}) as evidence,
      (select count(*) from memberships where body_id = 'namss' and person_id = ${personId}) as signins`,
    )
  ).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])))[0]!;

describe('who may see and merge duplicates', () => {
  const expectations: [
    string,
    () => [method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>],
    Record<string, number>,
  ][] = [
    ['list duplicates', () => ['GET', '/duplicates'], { ada: 200 }],
    ['list merges', () => ['GET', '/merges'], { ada: 200 }],
    [
      'merge',
      () => ['POST', '/merges', { survivorId: cast.alice.person.id, mergedId: cast.bob.person.id, reason: 'test of roles' }],
      { ada: 0 },
    ],
    [
      'reverse',
      () => ['POST', '/merges/00000000-0000-4000-8000-000000000000/reverse', { reason: 'test of roles' }],
      { ada: 404 },
    ],
  ];
  for (const [name, request, allowed] of expectations) {
    it.each([
      ['anonymous', 401],
      ['alice', 403],
      ['bob', 403],
      ['rita', 403],
      ['otto', 404],
      ['tess', 404],
    ] as const)(`${name}: refused to %s (%i)`, async (who, status) => {
      const [method, url, payload] = request();
      const response = await api(method, url, who, payload);
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
    if (allowed.ada) {
      it(`${name}: answered for an admin (${allowed.ada})`, async () => {
        const [method, url, payload] = request();
        expect((await api(method, url, 'ada', payload)).statusCode).toBe(allowed.ada);
      });
    }
  }
});

describe('likely duplicates', () => {
  it('pairs the same name and birth date, and a shared e-mail, but not people of another body', async () => {
    const { first, second } = await seedCarolTwice('find');
    const dave = await buildCertificant(t.database.db, { bodyId: 'namss', legalName: 'Dave Doe', email: 'dave@work.example' });
    const david = await buildPerson(t.database.db, {
      bodyId: 'namss',
      legalName: 'David Doe',
      contactEmails: ['dave@work.example'],
    });
    await buildPerson(t.database.db, { bodyId: 'techserve', legalName: 'Carol Find Chen', birthDate: '1980-05-05' });
    const { pairs } = (await api('GET', '/duplicates', 'ada')).json() as {
      pairs: { a: { id: string; emails: string[]; activities: number }; b: { id: string }; reasons: unknown[] }[];
    };
    const carol = pairs.find((p) => [p.a.id, p.b.id].sort().join() === [first.person.id, second.person.id].sort().join());
    expect(carol?.reasons).toEqual([{ kind: 'name-and-birth-date' }]);
    const daves = pairs.find((p) => [p.a.id, p.b.id].sort().join() === [dave.person.id, david.id].sort().join());
    expect(daves?.reasons).toEqual([{ kind: 'shared-email', email: 'dave@work.example' }]);
    expect(pairs.every((p) => p.a.id !== p.b.id)).toBe(true);
    const secondSide = [carol!.a, carol!.b].find((side) => side.id === second.person.id) as unknown as {
      emails: string[];
      activities: number;
    };
    expect(secondSide.emails.sort()).toEqual(['carol.find@second.example', 'carol.find@work.example']);
    expect(secondSide.activities).toBe(2);
  });
});

describe('merging and reversing', () => {
  it('moves every record to the survivor, keeps the merged record hidden, and reverses exactly', async () => {
    const { first, second } = await seedCarolTwice('merge');
    const before = { first: await countsOf(first.person.id), second: await countsOf(second.person.id) };
    const merged = await api('POST', '/merges', 'ada', {
      survivorId: first.person.id,
      mergedId: second.person.id,
      reason: 'same person, entered twice at import',
    });
    expect(merged.statusCode, merged.body).toBe(201);
    expect(merged.json()).toMatchObject({
      survivor: { id: first.person.id },
      merged: { id: second.person.id },
      moved: { certifications: 1, activities: 2, evidence: 1, signIns: 1 },
      keptApart: ['namss/cpcs'],
      reversedAt: null,
    });
    expect(await countsOf(first.person.id)).toEqual({ certifications: 2, activities: 2, evidence: 1, signins: 2 });
    expect(await countsOf(second.person.id)).toEqual({ certifications: 1, activities: 0, evidence: 0, signins: 0 });

    // The merged person's sign-in now opens the survivor's record, with both programs' progress.
    const secondHeaders = await t.signIn('carol.merge@second.example');
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: secondHeaders })).json();
    expect(me.memberships).toContainEqual(expect.objectContaining({ bodyId: 'namss', personId: first.person.id }));
    const progress = (await api('GET', `/people/${first.person.id}/progress`, 'ada')).json();
    expect(progress.certifications.map((c: { program: string }) => c.program).sort()).toEqual(['namss/cpcs', 'namss/cpmsm']);
    expect((await api('GET', `/people/${first.person.id}`, 'ada')).json().contactEmails).toEqual(['carol.merge@work.example']);
    expect((await api('GET', `/people/${second.person.id}`, 'ada')).json().mergedInto).toBe(first.person.id);
    const search = (await api('GET', '/people?q=merge', 'ada')).json().people.map((p: { id: string }) => p.id);
    expect(search).toEqual([first.person.id]);
    const duplicates = (await api('GET', '/duplicates', 'ada')).json().pairs;
    expect(JSON.stringify(duplicates)).not.toContain(second.person.id);
    const audit = (await api('GET', `/people/${second.person.id}/audit`, 'ada')).json().entries;
    expect(audit[0]).toMatchObject({ action: 'person.merged-into', reason: 'same person, entered twice at import' });

    // Nothing is merged twice.
    const again = await api('POST', '/merges', 'ada', {
      survivorId: first.person.id,
      mergedId: second.person.id,
      reason: 'again',
    });
    expect(again.statusCode).toBe(409);
    expect(problemOf(again).errors?.[0]?.path).toBe('body.mergedId');

    // An activity recorded after the merge belongs to the survivor and stays there.
    const [later] = await buildActivities(t.database.db, [
      { bodyId: 'namss', personId: first.person.id, type: 'webinar', startDate: '2022-01-01', hours: 1 },
    ]);
    const reversed = await api('POST', `/merges/${merged.json().id}/reverse`, 'ada', { reason: 'two different Carols' });
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect(reversed.json()).toMatchObject({ reverseReason: 'two different Carols' });
    expect(reversed.json().reversedAt).not.toBeNull();
    expect(await countsOf(first.person.id)).toEqual({ ...before.first, activities: 1 });
    expect(await countsOf(second.person.id)).toEqual(before.second);
    expect(later).toBeDefined();
    expect((await api('GET', `/people/${second.person.id}`, 'ada')).json().mergedInto).toBeNull();
    expect((await api('GET', `/people/${first.person.id}`, 'ada')).json().contactEmails).toEqual([]);
    const afterReverse = await t.signIn('carol.merge@second.example');
    const meAgain = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: afterReverse })).json();
    expect(meAgain.memberships).toContainEqual(expect.objectContaining({ personId: second.person.id }));
    expect((await api('POST', `/merges/${merged.json().id}/reverse`, 'ada', { reason: 'twice' })).statusCode).toBe(409);
    const history = (await api('GET', '/merges', 'ada')).json().merges;
    expect(history.find((m: { id: string }) => m.id === merged.json().id)).toMatchObject({ reversedBy: expect.any(String) });
  });

  it('moves renewal records with their certification and the inbox with the person, and returns them on reversal', async () => {
    const db = t.database.db;
    const { first, second } = await seedCarolTwice('renewal');
    const held = await db.select().from(certifications).where(eq(certifications.personId, second.person.id));
    const cpmsm = held.find((row) => row.programId === 'namss/cpmsm')!;
    const cpcs = held.find((row) => row.programId === 'namss/cpcs')!;
    const renewalOf = async (certification: typeof cpmsm) => {
      const [renewal] = await db
        .insert(renewals)
        .values({
          bodyId: 'namss',
          personId: second.person.id,
          certificationId: certification.id,
          programId: certification.programId,
          cycleStart: '2020-03-01',
          cycleEnd: '2022-12-01',
          policyVersion: 1,
          phase: 'on-time',
          submittedOn: '2022-09-01',
          figures: {},
        })
        .returning();
      await db.transaction((tx) =>
        raiseInvoice(tx, {
          bodyId: 'namss',
          personId: second.person.id,
          subject: 'renewal',
          subjectId: renewal!.id,
          currency: 'USD',
          lines: [{ code: 'recertification', label: 'Recertification fee', cents: 0 }],
          issuedOn: '2022-09-01',
          onTimeThrough: '2022-12-01',
          actorUserId: null,
        }),
      );
      return renewal!;
    };
    const moving = await renewalOf(cpmsm);
    const keptApart = await renewalOf(cpcs);
    await notify(db, [
      {
        bodyId: 'namss',
        personId: second.person.id,
        kind: 'renewal-submitted',
        key: `renewal-submitted:${moving.id}`,
        title: 'Renewal received',
        body: 'We received your renewal.',
        noticeOn: '2022-09-01',
      },
    ]);
    const ownerOf = async () =>
      (
        await rowsOf<{ what: string; person_id: string }>(
          db,
          sql`select 'renewal:' || id as what, person_id from renewals where body_id = 'namss' and id in (${moving.id}, ${keptApart.id})
            union all select 'invoice:' || subject_id, person_id from invoices where body_id = 'namss' and subject_id in (${moving.id}, ${keptApart.id})
            union all select 'notice:' || key, person_id from notifications where body_id = 'namss' and key = ${`renewal-submitted:${moving.id}`}`,
        )
      )
        .map((row) => `${row.what}=${row.person_id}`)
        .sort();
    const expected = (movingOwner: string) =>
      [
        `renewal:${moving.id}=${movingOwner}`,
        `invoice:${moving.id}=${movingOwner}`,
        `notice:renewal-submitted:${moving.id}=${movingOwner}`,
        `renewal:${keptApart.id}=${second.person.id}`,
        `invoice:${keptApart.id}=${second.person.id}`,
      ].sort();

    const merged = await api('POST', '/merges', 'ada', {
      survivorId: first.person.id,
      mergedId: second.person.id,
      reason: 'one Carol',
    });
    expect(merged.statusCode, merged.body).toBe(201);
    expect(await ownerOf()).toEqual(expected(first.person.id));
    const reversed = await api('POST', `/merges/${merged.json().id}/reverse`, 'ada', { reason: 'two Carols after all' });
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect(await ownerOf()).toEqual(expected(second.person.id));
  });

  it('reverses a chain of merges only from the latest', async () => {
    const db = t.database.db;
    const [a, b, c] = await Promise.all(
      ['A', 'B', 'C'].map((x) => buildPerson(db, { bodyId: 'namss', legalName: `Chain ${x}` })),
    );
    const ab = (await api('POST', '/merges', 'ada', { survivorId: b!.id, mergedId: a!.id, reason: 'chain one' })).json();
    const bc = (await api('POST', '/merges', 'ada', { survivorId: c!.id, mergedId: b!.id, reason: 'chain two' })).json();
    const early = await api('POST', `/merges/${ab.id}/reverse`, 'ada', { reason: 'too early' });
    expect(early.statusCode).toBe(409);
    expect(problemOf(early).detail).toContain('reverse that merge first');
    expect((await api('POST', `/merges/${bc.id}/reverse`, 'ada', { reason: 'undo two' })).statusCode).toBe(200);
    expect((await api('POST', `/merges/${ab.id}/reverse`, 'ada', { reason: 'undo one' })).statusCode).toBe(200);
  });

  it('names the field at fault for itself, an unknown person, another body’s person, and a short reason', async () => {
    const self = await api('POST', '/merges', 'ada', {
      survivorId: cast.bob.person.id,
      mergedId: cast.bob.person.id,
      reason: 'x',
    });
    expect(
      problemOf(self)
        .errors!.map((e) => e.path)
        .sort(),
    ).toEqual(['body.mergedId', 'body.reason']);
    const elsewhere = await api('POST', '/merges', 'ada', {
      survivorId: cast.bob.person.id,
      mergedId: cast.tess.person.id,
      reason: 'not ours',
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(problemOf(elsewhere).errors).toEqual([{ path: 'body.mergedId', message: 'not found' }]);
  });
});

describe('the merge leaves no record behind', () => {
  it('moves every table that names a person, or says why it does not', async () => {
    const tables = await rowsOf<{ table_name: string }>(
      t.database.db,
      sql`select distinct table_name from information_schema.columns
          where column_name = 'person_id' and table_schema = current_schema() order by 1`,
    );
    expect(tables.map((row) => row.table_name).sort()).toEqual([...PERSON_RECORD_TABLES, ...PERSON_HISTORY_TABLES].sort());
  });
});
