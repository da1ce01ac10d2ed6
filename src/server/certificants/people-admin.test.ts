import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { seedCast, signInCast, type CastHeaders } from '../testing/namss-fixture';

let t: TestApp;
let as: CastHeaders<'ada' | 'rita' | 'alice' | 'otto'>;

beforeAll(async () => {
  t = await createTestApp();
  await seedCast(t.database.db);
  as = await signInCast(t, ['ada', 'rita', 'alice', 'otto'] as const);
}, 60_000);
afterAll(() => t.close());

const importCsv = (csv: string, headers = as.ada) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/bodies/namss/people/import',
    headers: { ...headers, 'content-type': 'text/csv' },
    payload: csv,
  });

const HEADER = 'number,legal_name,emails,birth_date,city,region,member,program,awarded,renewed_through';
const GOOD = [
  HEADER,
  'N-100,Grace Hopper,grace@example.org,1960-12-09,Arlington,VA,yes,namss/cpcs,2016-03-01,2019-12-01',
  'N-100,Grace Hopper,grace@example.org,1960-12-09,Arlington,VA,yes,namss/cpmsm,2018-05-01,2019-12-01',
  'N-101,Alan Kay,alan@example.org;alan.kay@example.net,,Boston,MA,no,namss/cpcs,2021-02-01,',
].join('\n');

describe('adding certificants', () => {
  it.each([
    ['anonymous', 401],
    ['alice', 403],
    ['rita', 403],
    ['otto', 404],
  ] as const)('is refused as %s (%i)', async (who, status) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bodies/namss/people',
      headers: as[who],
      payload: { legalName: 'X' },
    });
    expect(response.statusCode).toBe(status);
    expect((await importCsv(GOOD, as[who])).statusCode).toBe(status);
  });

  it('adds one person with a generated number and a sign-in for their e-mail', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bodies/namss/people',
      headers: as.ada,
      payload: {
        legalName: 'Mary Jackson',
        emails: ['mary@example.org'],
        certifications: [{ program: 'namss/cpcs', awarded: '2021-06-01' }],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ legalName: 'Mary Jackson', number: expect.stringMatching(/^NAMSS-\d{8}$/) });
  });

  it('refuses programs of another body, with the field named', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bodies/namss/people',
      headers: as.ada,
      payload: { legalName: 'Wrong', certifications: [{ program: 'techserve/cpsr-1', awarded: '2021-06-01' }] },
    });
    expect(problemOf(response).errors).toEqual([
      { path: 'body.certifications[0].program', message: '"techserve/cpsr-1" is not a program of namss' },
    ]);
  });
});

describe('importing certificants from CSV', () => {
  it('refuses the whole file with a row-by-row report, writing nothing', async () => {
    const bad = [
      GOOD,
      'N-102,,x@example.org,,,,maybe,namss/cpcs,2021-02-30,',
      'N-103,Tess Wrong,,,,,no,techserve/cpsr-1,2021-01-01,',
      'N-100,Grace Hopper,grace@example.org,1960-12-09,Arlington,VA,no,namss/cpcs,2016-03-01,2019-12-01',
      ',No Number,,,,,no,namss/cpcs,2021-01-01,',
    ].join('\n');
    const response = await importCsv(bad);
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem.detail).toMatch(/nothing was imported/);
    expect(problem.errors!.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'row 5 (number N-102).legal_name',
        'row 5 (number N-102).member',
        'row 5 (number N-102).awarded',
        'row 6 (number N-103).program',
        'row 7 (number N-100).member',
        'row 8.number',
      ]),
    );
    const search = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/people?q=Grace', headers: as.ada });
    expect(search.json().people).toEqual([]);
  });

  it('imports a good file, and importing it again changes nothing', async () => {
    const first = await importCsv(GOOD);
    expect(first.json()).toEqual({ rows: 3, added: 2, unchanged: 0 });
    const again = await importCsv(GOOD);
    expect(again.json()).toEqual({ rows: 3, added: 0, unchanged: 2 });
    const grace = (await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/people?q=Grace', headers: as.ada })).json()
      .people[0];
    const progress = (
      await t.app.inject({ method: 'GET', url: `/api/v1/bodies/namss/people/${grace.id}/progress`, headers: as.ada })
    ).json();
    // Holding CPCS and CPMSM, renewed together through 2019-12-01: the dual requirement.
    expect(progress.certifications.map((c: { required: { total: number } }) => c.required.total)).toEqual([45, 45]);
  });

  it('refuses a number that already belongs to someone with another history', async () => {
    const response = await importCsv([HEADER, 'N-101,Alan Kay,,,,,no,namss/cpcs,2020-02-01,'].join('\n'));
    expect(problemOf(response).errors).toEqual([
      {
        path: 'row 2 (number N-101).number',
        message: 'certificant number N-101 already belongs to Alan Kay with a different history',
      },
    ]);
  });

  it.each([
    ['not CSV', 'a,"b\n', 'file'],
    ['missing columns', 'number,legal_name\nN-1,X', 'header'],
    ['no rows', HEADER, 'file'],
  ])('refuses %s', async (_name, csv, path) => {
    const response = await importCsv(csv);
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors![0]!.path).toBe(path);
  });
});
