import { sql, type SQL } from 'drizzle-orm';
import { summarize } from '../../core/compliance/evaluate';
import type { ActivityInput, CertificationInput } from '../../core/compliance/evaluate-types';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { dateAt } from '../../core/dates/today';
import { HELD_COLUMNS, heldInput, type HeldRow } from './held-rows';
import { rowsOf, type DbOrTx } from '../db/database';
import { syncCredentials } from '../credentials/sync-credentials';

/**
 * Re-evaluates the given people of one body on `asOf` and stores each
 * certification's current-cycle figures (cycle_results), with the policy
 * version they were judged under. Rows of earlier cycles are never touched.
 * Merged records (people.merged_into set) are skipped: their records live on in the survivor.
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
  const rows = resultRows(registry, asOf, await loadRecords(db, bodyId, asOf, { ids: personIds }));
  await storeRows(db, bodyId, asOf, rows);
  return rows.length;
}

/** Some people of a body: a list of ids, or (bulk) every id in the range (after, through]; `after` null is the start. */
type PeopleScope = { ids: string[] } | { after: string | null; through: string };

/** One person's activities dated up to the as-of date, as a JSON array of [id, type, start, end, hundredths, approved, categories]. */
interface ActivitiesRow {
  person_id: string;
  done: string;
}

type ActivityTuple = [string, string, string, string | null, number, boolean, string[]];

interface Records {
  held: HeldRow[];
  done: ActivitiesRow[];
}

/**
 * The certifications (of records not merged away) and activities of some people, in two statements run side by side.
 * Plain SQL read as plain rows: the ORM's column mappers cost more than evaluating the rows. Each person's
 * activities come as one JSON text built by concatenation (json_build_array took three times as long in the
 * database), which node parses natively instead of 3,000,000 rows of eight fields; in no particular order, as the
 * engine orders them itself. Activities dated after the as-of date (by their end date when they have one) are left
 * in the database: the engine gives them no credit on that date ("after-as-of"), and they are no input to a summary.
 */
async function loadRecords(db: DbOrTx, bodyId: string, asOf: string, scope: PeopleScope): Promise<Records> {
  const of = (column: SQL) =>
    'ids' in scope
      ? sql`${column} in ${scope.ids}`
      : scope.after === null
        ? sql`${column} <= ${scope.through}`
        : sql`${column} > ${scope.after} and ${column} <= ${scope.through}`;
  const [held, done] = await Promise.all([
    rowsOf<HeldRow>(
      db,
      sql`select ${HELD_COLUMNS}
        from certifications c join people p on p.body_id = c.body_id and p.id = c.person_id
        where c.body_id = ${bodyId} and ${of(sql`c.person_id`)} and ${of(sql`p.id`)} and p.merged_into is null
        order by c.person_id, c.awarded, c.program_id`,
    ),
    rowsOf<ActivitiesRow>(
      db,
      sql`select person_id, '[' || string_agg('["' || id::text || '",' || to_json(type)::text || ',"' || start_date::text
          || '",' || coalesce('"' || end_date::text || '"', 'null') || ',' || hundredths::text || ',' || approved::text
          || ',' || array_to_json(categories)::text || ']', ',') || ']' as done
        from activities
        where body_id = ${bodyId} and ${of(sql`person_id`)} and coalesce(end_date, start_date) <= ${asOf}::date
        group by person_id`,
    ),
  ]);
  return { held, done };
}

interface ResultRow {
  certificationId: string;
  cycleStart: string;
  cycleEnd: string;
  policyVersion: number;
  status: string;
  compliant: boolean;
  onPace: boolean;
  due: string;
  summary: object;
}

/** Evaluates everyone who holds a certification in `records`: one row per certification, for its current cycle. */
function resultRows(registry: PolicyRegistry, asOf: string, { held, done }: Records): ResultRow[] {
  const activitiesOf = new Map<string, ActivityInput[]>();
  for (const row of done) {
    const tuples = JSON.parse(row.done) as ActivityTuple[];
    const list = new Array<ActivityInput>(tuples.length);
    for (let i = 0; i < tuples.length; i++) {
      const [id, type, date, endDate, hundredths, approved, categories] = tuples[i]!;
      list[i] = { id, type, date, endDate, hours: hundredths / 100, categories, approved };
    }
    activitiesOf.set(row.person_id, list);
  }
  const rows: ResultRow[] = [];
  const none: ActivityInput[] = [];
  // Certifications come ordered by person: each run of one person's is evaluated together.
  for (let start = 0; start < held.length;) {
    const personId = held[start]!.person_id;
    let end = start + 1;
    while (end < held.length && held[end]!.person_id === personId) end++;
    const certifications: CertificationInput[] = [];
    for (let i = start; i < end; i++) {
      certifications.push(heldInput(held[i]!));
    }
    const result = summarize({ asOf, certifications, activities: activitiesOf.get(personId) ?? none }, registry);
    for (let i = 0; i < result.certifications.length; i++) {
      const summary = result.certifications[i]!;
      rows.push({
        certificationId: held[start + i]!.id,
        cycleStart: summary.cycle.start,
        cycleEnd: summary.cycle.end,
        policyVersion: summary.policyVersion,
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
    }
    start = end;
  }
  return rows;
}

/**
 * Upserts result rows with one JSON parameter (building thousands of bound parameters cost more than the
 * evaluation); the body and the date are parameters of their own. Identical rows are not rewritten, so a re-run
 * for the same date writes nothing, and a run for an earlier date (a replay) never replaces figures judged on a later one.
 */
async function storeRows(db: DbOrTx, bodyId: string, asOf: string, rows: ResultRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into cycle_results (body_id, certification_id, cycle_start, cycle_end, policy_version, evaluated_on, status, compliant, on_pace, due, summary)
    select ${bodyId}, "certificationId", "cycleStart", "cycleEnd", "policyVersion", ${asOf}::date, status, compliant, "onPace", due, summary
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(
      "certificationId" uuid, "cycleStart" date, "cycleEnd" date, "policyVersion" integer,
      status text, compliant boolean, "onPace" boolean, due date, summary jsonb)
    on conflict (body_id, certification_id, cycle_start) do update set
      cycle_end = excluded.cycle_end, policy_version = excluded.policy_version, evaluated_on = excluded.evaluated_on,
      status = excluded.status, compliant = excluded.compliant, on_pace = excluded.on_pace, due = excluded.due, summary = excluded.summary
    where cycle_results.evaluated_on <= excluded.evaluated_on
      and (cycle_results.cycle_end, cycle_results.policy_version, cycle_results.evaluated_on, cycle_results.status,
           cycle_results.compliant, cycle_results.on_pace, cycle_results.due, cycle_results.summary)
      is distinct from (excluded.cycle_end, excluded.policy_version, excluded.evaluated_on, excluded.status,
           excluded.compliant, excluded.on_pace, excluded.due, excluded.summary)`);
}

/**
 * Re-evaluates everyone in a body (records merged into another are skipped), a page of people at a time
 * (idempotent: run it again for the same date, same rows). One statement finds where every page ends; then the
 * database reads page n + 1 and stores page n - 1 while this process evaluates page n.
 */
export async function reevaluateBody(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  asOf: string;
  pageSize?: number;
}): Promise<{ people: number; certifications: number }> {
  const { db, registry, bodyId, asOf } = options;
  const pageSize = options.pageSize ?? 2000;
  // The last id of each page (every pageSize-th id, and the very last one) and its position.
  const ends = await rowsOf<{ id: string; n: number }>(
    db,
    sql`select id, n from (
        select id, row_number() over (order by id)::int as n, lead(id) over (order by id) is null as last
        from people where body_id = ${bodyId} and merged_into is null) ids
      where n % ${pageSize} = 0 or last
      order by n`,
  );
  const load = (index: number): Promise<Records> | null => {
    if (index >= ends.length) return null;
    const records = loadRecords(db, bodyId, asOf, { after: index === 0 ? null : ends[index - 1]!.id, through: ends[index]!.id });
    // A failure surfaces when it is awaited; until then it must not count as unhandled.
    records.catch(() => undefined);
    return records;
  };
  let certifications = 0;
  let storing: Promise<void> = Promise.resolve();
  let next = load(0);
  for (let index = 0; next; index++) {
    const records = await next;
    next = load(index + 1);
    const rows = resultRows(registry, asOf, records);
    certifications += rows.length;
    await storing;
    storing = storeRows(db, bodyId, asOf, rows);
    storing.catch(() => undefined);
  }
  await storing;
  return { people: ends.at(-1)?.n ?? 0, certifications };
}

/**
 * After a change to one person's record, in the caller's transaction: their
 * stored figures and their credentials, as of today in the body's time zone.
 * `actorUserId` is who made the change (null for the system), for the
 * credentials' audit.
 */
export async function refreshPerson(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  personId: string;
  now: Date;
  actorUserId?: string | null;
}) {
  const { db, registry, bodyId, personId, now } = options;
  const asOf = dateAt(registry.body(bodyId)?.timeZone ?? 'UTC', now);
  await reevaluatePeople({ db, registry, bodyId, personIds: [personId], asOf });
  await syncCredentials({ tx: db, registry, bodyId, personIds: [personId], on: asOf, actor: options.actorUserId, now });
}
