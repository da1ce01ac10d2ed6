import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namssPolicies } from '../../core/policies/builtin/namss';
import { auditLog } from '../db/schema/audit';
import { seedCast, signInCast, type CastHeaders, type CastMember } from '../testing/namss-fixture';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';

let t: TestApp;
let as: CastHeaders<CastMember>;
let cast: Awaited<ReturnType<typeof seedCast>>;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-09-15T12:00:00Z') });
  cast = await seedCast(t.database.db);
  as = await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto', 'tess'] as const);
}, 60_000);
afterAll(() => t.close());

const cpcs = namssPolicies[0]!;
const withFee = { ...cpcs, fees: { ...cpcs.fees, recertification: { member: 32500, nonMember: 42500 } } };
const publish = (who: keyof typeof as, policy: Record<string, unknown>, programId = 'namss/cpcs') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/bodies/namss/programs/${encodeURIComponent(programId)}/policy-versions`,
    headers: as[who],
    payload: { policy, reason: 'the board set the recertification fee' },
  });

describe('who may read and publish a policy', () => {
  it.each([
    ['anonymous', 401, 401],
    ['alice', 200, 403],
    ['bob', 200, 403],
    ['rita', 200, 403],
    ['otto', 404, 404],
    ['tess', 404, 404],
  ] as const)('%s reads %i and publishes %i', async (who, read, write) => {
    const got = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/programs/namss%2Fcpcs/policy', headers: as[who] });
    expect(got.statusCode).toBe(read);
    const posted = await publish(who, withFee);
    expect(posted.statusCode).toBe(write);
    expect(posted.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('publishing a version', () => {
  it('puts the next version in force, and progress is judged under it', async () => {
    const published = await publish('ada', withFee);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toEqual({ version: 2 });
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/bodies/namss/programs/namss%2Fcpcs/policy',
      headers: as.alice,
    });
    expect(read.json()).toMatchObject({ version: 2, policy: { fees: { recertification: { member: 32500, nonMember: 42500 } } } });
    const progress = await t.app.inject({
      method: 'GET',
      url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/progress`,
      headers: as.alice,
    });
    expect(progress.json().certifications[0]).toMatchObject({ program: 'namss/cpcs', policyVersion: 2 });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.bodyId, 'namss'), eq(auditLog.action, 'policy.published')));
    expect(audit).toMatchObject({
      entityId: 'namss/cpcs',
      before: { version: 1 },
      reason: 'the board set the recertification fee',
    });
  });

  it('refuses a broken document, naming each field, and changes nothing', async () => {
    const refused = await publish('ada', { ...cpcs, fees: { ...cpcs.fees, late: -5 }, cycle: { kind: 'weekly' } });
    expect(refused.statusCode).toBe(400);
    const paths = problemOf(refused).errors?.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['policy.fees.late', 'policy.cycle.kind']));
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/programs/namss%2Fcpcs/policy', headers: as.ada });
    expect(read.json().version).toBe(2);
  });

  it('refuses a document of another program, and a sharing group that no longer agrees', async () => {
    const other = await publish('ada', { ...cpcs, id: 'namss/cpmsm' });
    expect(problemOf(other).errors).toEqual([{ path: 'policy.id', message: 'must be "namss/cpcs"' }]);
    const sharing = await publish('ada', {
      ...cpcs,
      credit: { ...cpcs.credit, sharing: { ...cpcs.credit.sharing, combined: { total: 50, minimums: { approved: 25 } } } },
    });
    expect(sharing.statusCode).toBe(400);
    expect(JSON.stringify(problemOf(sharing).errors)).toMatch(/combined/);
  });
});
