import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../core/compliance/evaluate';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { installBuiltinPolicies, PolicyStore } from '../bodies/policy-store';
import { getProgress, getProgressView, toActivityInput, toHeld } from '../certificants/get-progress';
import { loadPersonRecord } from '../certificants/load-person-record';
import { presentPerson } from '../certificants/present-person';
import type { Database } from '../db/database';
import { activities } from '../db/schema/activities';
import { cycleResults, people } from '../db/schema/people';
import { buildActivities, buildCertificant } from '../testing/factories';
import { openTestDatabase } from '../testing/test-database';
import { reevaluateBody, reevaluatePeople } from './reevaluate';

const AS_OF = '2022-06-01';
let database: Database;
let registry: PolicyRegistry;
let kept: { personId: string; certificationIds: string[] };
let merged: { personId: string };

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
  registry = await new PolicyStore(database.db).current();
  const survivor = await buildCertificant(database.db, {
    bodyId: 'techserve',
    holds: [
      { programId: 'techserve/cpsae-1', awarded: '2021-06-01' },
      { programId: 'techserve/cpsr-1', awarded: '2021-01-01' },
    ],
  });
  const done = await buildActivities(database.db, [
    {
      bodyId: 'techserve',
      personId: survivor.person.id,
      type: 'webinar',
      startDate: '2021-07-01',
      hours: 5,
      categories: ['legal'],
    },
    { bodyId: 'techserve', personId: survivor.person.id, type: 'external', startDate: '2021-03-01', hours: 2.5, approved: true },
    { bodyId: 'techserve', personId: survivor.person.id, type: 'webinar', startDate: '2022-05-20', hours: 3 },
    // Ends after the as-of date; and one dated after it: neither may count.
    { bodyId: 'techserve', personId: survivor.person.id, type: 'chapter-event', startDate: '2022-05-30', hours: 4 },
    { bodyId: 'techserve', personId: survivor.person.id, type: 'webinar', startDate: '2022-07-01', hours: 6 },
    { bodyId: 'techserve', personId: survivor.person.id, type: 'no-such-type', startDate: '2021-08-01', hours: 1 },
  ]);
  await database.db
    .update(activities)
    .set({ endDate: '2022-06-03' })
    .where(and(eq(activities.bodyId, 'techserve'), eq(activities.id, done[3]!.id)));
  const record = await loadPersonRecord(database.db, 'techserve', survivor.person.id);
  kept = { personId: survivor.person.id, certificationIds: record.certifications.map((c) => c.id) };

  const duplicate = await buildCertificant(database.db, {
    bodyId: 'techserve',
    holds: [{ programId: 'techserve/cpsr-1', awarded: '2021-02-01' }],
  });
  await database.db
    .update(people)
    .set({ mergedInto: survivor.person.id })
    .where(and(eq(people.bodyId, 'techserve'), eq(people.id, duplicate.person.id)));
  merged = { personId: duplicate.person.id };
}, 60_000);
afterAll(() => database.close());

describe('re-evaluation', () => {
  it('stores what summarize() says over every activity, and skips merged records', async () => {
    const counts = await reevaluateBody({ db: database.db, registry, bodyId: 'techserve', asOf: AS_OF, pageSize: 1 });
    expect(counts).toEqual({ people: 1, certifications: 2 });

    const record = await loadPersonRecord(database.db, 'techserve', kept.personId);
    const expected = summarize(
      { asOf: AS_OF, certifications: record.certifications.map(toHeld), activities: record.activities.map(toActivityInput) },
      registry,
    );
    const stored = await database.db.select().from(cycleResults).where(eq(cycleResults.bodyId, 'techserve'));
    expect(stored.map((row) => row.certificationId).sort()).toEqual([...kept.certificationIds].sort());
    for (const [index, summary] of expected.certifications.entries()) {
      const row = stored.find((r) => r.certificationId === kept.certificationIds[index])!;
      expect(row).toMatchObject({
        cycleStart: summary.cycle.start,
        cycleEnd: summary.cycle.end,
        status: summary.status,
        compliant: summary.compliant,
        onPace: summary.pace.onTrack,
        due: summary.deadlines.due,
        evaluatedOn: AS_OF,
      });
      expect(row.summary).toEqual({
        required: summary.required,
        earned: summary.earned,
        missing: summary.missing,
        pace: summary.pace,
        deadlines: summary.deadlines,
      });
    }
    // Some credit was earned, so the comparison above is not between two empty results.
    expect(expected.certifications.some((c) => c.earned.total > 0)).toBe(true);

    // Named explicitly, a merged record is skipped too.
    expect(
      await reevaluatePeople({ db: database.db, registry, bodyId: 'techserve', personIds: [merged.personId], asOf: AS_OF }),
    ).toBe(0);
  });
});

describe('the progress answer', () => {
  it('is what the full record gives', async () => {
    const now = new Date('2022-06-01T12:00:00Z');
    const view = await getProgressView({ db: database.db, registry, bodyId: 'techserve', personId: kept.personId, now });
    const full = await getProgress({ db: database.db, registry, bodyId: 'techserve', personId: kept.personId, now });
    expect(view).toEqual({ person: presentPerson(full.person), held: full.held, ...full.result });
    expect(view.certifications.flatMap((c) => c.credits)).toHaveLength(2 * 6);
  });

  it('is not found in another body', async () => {
    await expect(
      getProgressView({ db: database.db, registry, bodyId: 'namss', personId: kept.personId, now: new Date() }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});
