import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBuiltinPolicies, PolicyStore } from '../bodies/policy-store';
import type { Database } from '../db/database';
import { cycleResults } from '../db/schema/people';
import { buildActivities, buildCertificant } from '../testing/factories';
import { openTestDatabase } from '../testing/test-database';
import { reevaluateBody } from './reevaluate';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
  for (let i = 0; i < 7; i++) {
    const { person } = await buildCertificant(database.db, {
      bodyId: 'techserve',
      holds: [
        { programId: 'techserve/cpsr-1', awarded: '2021-01-01' },
        ...(i % 2 ? [{ programId: 'techserve/cpsae-1', awarded: '2021-06-01' }] : []),
      ],
    });
    await buildActivities(database.db, [
      { bodyId: 'techserve', personId: person.id, type: 'webinar', startDate: '2021-07-01', hours: i },
    ]);
  }
  await buildCertificant(database.db, { bodyId: 'namss', holds: [{ programId: 'namss/cpcs', awarded: '2021-01-01' }] });
}, 60_000);
afterAll(() => database.close());

describe('re-evaluating a body', () => {
  it('goes through every page and only that body, and a re-run stores the same rows', async () => {
    const registry = await new PolicyStore(database.db).current();
    const first = await reevaluateBody({ db: database.db, registry, bodyId: 'techserve', asOf: '2022-06-01', pageSize: 3 });
    expect(first).toEqual({ people: 7, certifications: 10 });
    const stored = async () =>
      (await database.db.select({ n: count() }).from(cycleResults).where(eq(cycleResults.bodyId, 'techserve')))[0]!.n;
    expect(await stored()).toBe(10);
    const rows = await database.db.select().from(cycleResults).where(eq(cycleResults.bodyId, 'namss'));
    expect(rows).toEqual([]);
    const again = await reevaluateBody({ db: database.db, registry, bodyId: 'techserve', asOf: '2022-06-01', pageSize: 2 });
    expect(again).toEqual(first);
    expect(await stored()).toBe(10);
  });
});
