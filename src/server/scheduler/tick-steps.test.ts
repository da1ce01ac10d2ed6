import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBuiltinPolicies, PolicyStore } from '../bodies/policy-store';
import type { Database } from '../db/database';
import { cycleResults } from '../db/schema/people';
import { notifications } from '../db/schema/renewals';
import { buildActivities, buildCertificant } from '../testing/factories';
import { openTestDatabase } from '../testing/test-database';
import { tick } from './tick';

let database: Database;
const NOW = new Date('2026-11-23T12:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
}, 60_000);
afterAll(() => database.close());

const holder = async () => {
  const { person } = await buildCertificant(database.db, {
    bodyId: 'techserve',
    holds: [{ programId: 'techserve/cpsr-1', awarded: '2023-03-15' }],
  });
  const certification = await database.db.query.certifications.findFirst({
    where: (c, { and, eq }) => and(eq(c.bodyId, 'techserve'), eq(c.personId, person.id)),
  });
  return { personId: person.id, certificationId: certification!.id };
};
const kindsOf = async (personId: string) =>
  (
    await database.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.bodyId, 'techserve'), eq(notifications.personId, personId)))
  ).map((n) => n.kind);

describe('the tick at a TechServe cycle end (renewed automatically when met)', () => {
  it('renews who met the requirement before judging and noticing; tells the others their certification expired', async () => {
    const met = await holder();
    await buildActivities(database.db, [
      {
        bodyId: 'techserve',
        personId: met.personId,
        type: 'annual-conference',
        startDate: '2024-05-01',
        hours: 16,
        categories: ['legal'],
      },
      { bodyId: 'techserve', personId: met.personId, type: 'training-program', startDate: '2025-05-01', hours: 8 },
    ]);
    const unmet = await holder();
    const run = async () =>
      (
        await tick({
          db: database.db,
          registry: await new PolicyStore(database.db).current(),
          now: NOW,
          asOf: '2026-03-15',
          bodyIds: ['techserve'],
        })
      )[0]!;
    expect(await run()).toMatchObject({ renewed: 1, people: 2, certifications: 2, notices: 1 });
    const results = await database.db.select().from(cycleResults).where(eq(cycleResults.bodyId, 'techserve'));
    expect(results.find((r) => r.certificationId === met.certificationId)).toMatchObject({
      status: 'active',
      cycleStart: '2026-03-15',
    });
    expect(results.find((r) => r.certificationId === unmet.certificationId)).toMatchObject({ status: 'expired' });
    expect(await kindsOf(met.personId)).not.toContain('expired');
    expect(await kindsOf(unmet.personId)).toEqual(['expired']);
    // The same date again: nothing renewed or written twice.
    expect(await run()).toMatchObject({ renewed: 0, notices: 0 });
  });
});
