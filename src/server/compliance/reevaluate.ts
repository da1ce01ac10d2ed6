import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { summarize } from '../../core/compliance/evaluate';
import type { ActivityInput } from '../../core/compliance/evaluate-types';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { dateAt } from '../../core/dates/today';
import type { DbOrTx } from '../db/database';
import { activities } from '../db/schema/activities';
import { certifications, cycleResults, people } from '../db/schema/people';

const ACTIVITY_COLUMNS = {
  personId: activities.personId,
  id: activities.id,
  type: activities.type,
  startDate: activities.startDate,
  endDate: activities.endDate,
  hundredths: activities.hundredths,
  categories: activities.categories,
  approved: activities.approved,
};

/**
 * Re-evaluates the given people of one body on `asOf` and stores each
 * certification's current-cycle figures (cycle_results), with the policy
 * version they were judged under. Rows of earlier cycles are never touched.
 */
export async function reevaluatePeople(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  personIds: string[];
  asOf: string;
}): Promise<number> {
  const { db, registry, bodyId, personIds, asOf } = options;
  if (personIds.length === 0) return 0;
  const [held, done] = await Promise.all([
    db
      .select()
      .from(certifications)
      .where(and(eq(certifications.bodyId, bodyId), inArray(certifications.personId, personIds))),
    db
      .select(ACTIVITY_COLUMNS)
      .from(activities)
      .where(and(eq(activities.bodyId, bodyId), inArray(activities.personId, personIds)))
      .orderBy(asc(activities.personId), asc(activities.startDate), asc(activities.id)),
  ]);
  const activitiesOf = new Map<string, ActivityInput[]>();
  for (const row of done) {
    let list = activitiesOf.get(row.personId);
    if (!list) activitiesOf.set(row.personId, (list = []));
    list.push({
      id: row.id,
      type: row.type,
      date: row.startDate,
      endDate: row.endDate,
      hours: row.hundredths / 100,
      categories: row.categories,
      approved: row.approved,
    });
  }
  const heldBy = new Map<string, (typeof held)[number][]>();
  for (const row of held) {
    let list = heldBy.get(row.personId);
    if (!list) heldBy.set(row.personId, (list = []));
    list.push(row);
  }
  const rows: (typeof cycleResults.$inferInsert)[] = [];
  for (const [personId, certificationRows] of heldBy) {
    const result = summarize(
      {
        asOf,
        certifications: certificationRows.map((c) => ({
          program: c.programId,
          awarded: c.awarded,
          renewedThrough: c.renewedThrough,
        })),
        activities: activitiesOf.get(personId) ?? [],
      },
      registry,
    );
    result.certifications.forEach((summary, index) => {
      const certification = certificationRows[index]!;
      rows.push({
        bodyId,
        certificationId: certification.id,
        cycleStart: summary.cycle.start,
        cycleEnd: summary.cycle.end,
        policyVersion: summary.policyVersion,
        evaluatedOn: asOf,
        status: summary.status,
        compliant: summary.compliant,
        onPace: summary.pace.onTrack,
        due: summary.deadlines.due,
        summary: {
          required: summary.required,
          earned: summary.earned,
          missing: summary.missing,
          pace: summary.pace,
          deadlines: summary.deadlines,
        },
      });
    });
  }
  // A few thousand rows per statement keeps within PostgreSQL's parameter limit (11 columns each).
  for (let i = 0; i < rows.length; i += 4000) {
    await db
      .insert(cycleResults)
      .values(rows.slice(i, i + 4000))
      .onConflictDoUpdate({
        target: [cycleResults.bodyId, cycleResults.certificationId, cycleResults.cycleStart],
        set: {
          cycleEnd: sql`excluded.cycle_end`,
          policyVersion: sql`excluded.policy_version`,
          evaluatedOn: sql`excluded.evaluated_on`,
          status: sql`excluded.status`,
          compliant: sql`excluded.compliant`,
          onPace: sql`excluded.on_pace`,
          due: sql`excluded.due`,
          summary: sql`excluded.summary`,
        },
      });
  }
  return rows.length;
}

/** Re-evaluates everyone in a body, a page of people at a time (idempotent: run it again for the same date, same rows). */
export async function reevaluateBody(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  asOf: string;
  pageSize?: number;
}): Promise<{ people: number; certifications: number }> {
  const { db, registry, bodyId, asOf } = options;
  const pageSize = options.pageSize ?? 2000;
  let after: string | null = null;
  let peopleCount = 0;
  let certificationCount = 0;
  for (;;) {
    const page: { id: string }[] = await db
      .select({ id: people.id })
      .from(people)
      .where(after === null ? eq(people.bodyId, bodyId) : and(eq(people.bodyId, bodyId), gt(people.id, after)))
      .orderBy(asc(people.id))
      .limit(pageSize);
    if (page.length === 0) break;
    certificationCount += await reevaluatePeople({ db, registry, bodyId, personIds: page.map((p) => p.id), asOf });
    peopleCount += page.length;
    after = page[page.length - 1]!.id;
  }
  return { people: peopleCount, certifications: certificationCount };
}

/** After a change to one person's record: their stored figures, as of today in the body's time zone. */
export async function refreshPerson(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  now: Date;
}) {
  const timeZone = options.registry.body(options.bodyId)?.timeZone ?? 'UTC';
  await reevaluatePeople({ ...options, personIds: [options.personId], asOf: dateAt(timeZone, options.now) });
}
