import { and, asc, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import { summarize } from '../../core/compliance/evaluate';
import type { ActivityInput } from '../../core/compliance/evaluate-types';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { dateAt } from '../../core/dates/today';
import { toActivityInput, toHeld } from '../certificants/get-progress';
import type { DbOrTx } from '../db/database';
import { activities } from '../db/schema/activities';
import type { cycleResults } from '../db/schema/people';
import { certifications, people } from '../db/schema/people';

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
  return storeResults(db, registry, bodyId, asOf, await loadRecords(db, bodyId, { ids: personIds }));
}

type PeopleScope = { ids: string[] } | { from: string; to: string };

/** Certifications and activities of some people: a list of ids, or (bulk) every id in a range. */
async function loadRecords(db: DbOrTx, bodyId: string, scope: PeopleScope) {
  const of = (column: typeof certifications.personId | typeof activities.personId) =>
    'ids' in scope ? inArray(column, scope.ids) : and(gte(column, scope.from), lte(column, scope.to));
  const [held, done] = await Promise.all([
    db
      .select()
      .from(certifications)
      .where(and(eq(certifications.bodyId, bodyId), of(certifications.personId))),
    db
      .select(ACTIVITY_COLUMNS)
      .from(activities)
      .where(and(eq(activities.bodyId, bodyId), of(activities.personId)))
      .orderBy(asc(activities.personId), asc(activities.startDate), asc(activities.id)),
  ]);
  return { held, done };
}

async function storeResults(
  db: DbOrTx,
  registry: PolicyRegistry,
  bodyId: string,
  asOf: string,
  { held, done }: Awaited<ReturnType<typeof loadRecords>>,
): Promise<number> {
  const activitiesOf = new Map<string, ActivityInput[]>();
  for (const row of done) {
    let list = activitiesOf.get(row.personId);
    if (!list) activitiesOf.set(row.personId, (list = []));
    list.push(toActivityInput(row));
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
        certifications: certificationRows.map(toHeld),
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
  // One parameter for the whole page (building thousands of parameters cost more than the evaluation),
  // and identical rows are not rewritten, so a re-run for the same date writes nothing.
  if (rows.length > 0) {
    await db.execute(sql`
      insert into cycle_results (body_id, certification_id, cycle_start, cycle_end, policy_version, evaluated_on, status, compliant, on_pace, due, summary)
      select "bodyId", "certificationId", "cycleStart", "cycleEnd", "policyVersion", "evaluatedOn", status, compliant, "onPace", due, summary
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        "bodyId" text, "certificationId" uuid, "cycleStart" date, "cycleEnd" date, "policyVersion" integer, "evaluatedOn" date,
        status text, compliant boolean, "onPace" boolean, due date, summary jsonb)
      on conflict (body_id, certification_id, cycle_start) do update set
        cycle_end = excluded.cycle_end, policy_version = excluded.policy_version, evaluated_on = excluded.evaluated_on,
        status = excluded.status, compliant = excluded.compliant, on_pace = excluded.on_pace, due = excluded.due, summary = excluded.summary
      where (cycle_results.cycle_end, cycle_results.policy_version, cycle_results.evaluated_on, cycle_results.status,
             cycle_results.compliant, cycle_results.on_pace, cycle_results.due, cycle_results.summary)
        is distinct from (excluded.cycle_end, excluded.policy_version, excluded.evaluated_on, excluded.status,
             excluded.compliant, excluded.on_pace, excluded.due, excluded.summary)`);
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
  const pageAfter = (after: string | null): Promise<{ id: string }[]> =>
    db
      .select({ id: people.id })
      .from(people)
      .where(after === null ? eq(people.bodyId, bodyId) : and(eq(people.bodyId, bodyId), gt(people.id, after)))
      .orderBy(asc(people.id))
      .limit(pageSize);
  const load = async (page: { id: string }[]) =>
    page.length === 0 ? null : loadRecords(db, bodyId, { from: page[0]!.id, to: page[page.length - 1]!.id });
  let peopleCount = 0;
  let certificationCount = 0;
  let page = await pageAfter(null);
  let records = load(page);
  while (page.length > 0) {
    // While this page is evaluated and stored, the database already reads the next one.
    const next = await pageAfter(page[page.length - 1]!.id);
    const nextRecords = load(next);
    // Its failure surfaces when it is awaited below; until then it must not count as unhandled.
    nextRecords.catch(() => undefined);
    const current = await records;
    certificationCount += await storeResults(db, registry, bodyId, asOf, current!);
    peopleCount += page.length;
    page = next;
    records = nextRecords;
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
