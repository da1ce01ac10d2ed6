import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBuiltinPolicies, PolicyStore } from '../bodies/policy-store';
import type { Database } from '../db/database';
import { scheduledRuns } from '../db/schema/jobs';
import { cycleResults } from '../db/schema/people';
import { buildCertificant } from '../testing/factories';
import { openTestDatabase } from '../testing/test-database';
import { tick } from './tick';

let database: Database;
let certificationId: string;
const NOW = new Date('2026-11-23T12:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
  await buildCertificant(database.db, {
    bodyId: 'namss',
    holds: [{ programId: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: '2022-12-01' }],
  });
  certificationId = (await database.db.query.certifications.findFirst())!.id;
}, 60_000);
afterAll(() => database.close());

const registry = () => new PolicyStore(database.db).current();
const stored = async () =>
  database.db
    .select()
    .from(cycleResults)
    .where(and(eq(cycleResults.bodyId, 'namss'), eq(cycleResults.certificationId, certificationId)));

describe('the daily tick', () => {
  it.each([
    ['2025-07-31', 'active'],
    ['2025-08-01', 'renewal-open'],
    ['2025-12-01', 'renewal-open'],
    ['2025-12-02', 'late'],
    ['2026-01-01', 'lapsed'],
    ['2026-06-02', 'expired'],
  ])('on %s moves an unrenewed NAMSS certification to %s by itself', async (asOf, status) => {
    const [result] = await tick({ db: database.db, registry: await registry(), now: NOW, asOf, bodyIds: ['namss'] });
    expect(result).toMatchObject({ bodyId: 'namss', asOf, skipped: false, certifications: 1 });
    const [row] = await stored();
    expect(row).toMatchObject({ status, evaluatedOn: asOf, cycleStart: '2022-12-02', cycleEnd: '2025-12-01' });
  });

  it('gives the same rows when run twice for a date, and records each run', async () => {
    await tick({ db: database.db, registry: await registry(), now: NOW, asOf: '2026-01-15', bodyIds: ['namss'] });
    const first = await stored();
    await tick({ db: database.db, registry: await registry(), now: NOW, asOf: '2026-01-15', bodyIds: ['namss'] });
    expect(await stored()).toEqual(first);
    const [run] = await database.db
      .select()
      .from(scheduledRuns)
      .where(and(eq(scheduledRuns.bodyId, 'namss'), eq(scheduledRuns.asOf, '2026-01-15')));
    expect(run).toMatchObject({ job: 'tick', result: { people: 1, certifications: 1 } });
    expect(run!.finishedAt).not.toBeNull();
  });

  it('lets one process claim a day: a second claim is skipped, a stale unfinished claim is taken over', async () => {
    const reg = await registry();
    const run = (now: Date) => tick({ db: database.db, registry: reg, now, asOf: '2026-02-01', bodyIds: ['namss'], claim: true });
    expect((await run(NOW))[0]!.skipped).toBe(false);
    expect((await run(NOW))[0]!.skipped).toBe(true);
    await database.db
      .insert(scheduledRuns)
      .values({ bodyId: 'namss', job: 'tick', asOf: '2026-02-02', startedAt: new Date(NOW.getTime() - 2 * 3_600_000) });
    const stale = await tick({ db: database.db, registry: reg, now: NOW, asOf: '2026-02-02', bodyIds: ['namss'], claim: true });
    expect(stale[0]!.skipped).toBe(false);
    await database.db
      .insert(scheduledRuns)
      .values({ bodyId: 'namss', job: 'tick', asOf: '2026-02-03', startedAt: new Date(NOW.getTime() - 10 * 60_000) });
    const busy = await tick({ db: database.db, registry: reg, now: NOW, asOf: '2026-02-03', bodyIds: ['namss'], claim: true });
    expect(busy[0]!.skipped).toBe(true);
  });
});
