import { sql } from 'drizzle-orm';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { dateAt } from '../../../core/dates/today';
import { recordAudit } from '../../audit/record-audit';
import { rowsOf, type Db, type DbOrTx } from '../../db/database';
import type { Reporter } from './api-keys';
import type { RosterReport } from './attendance-schemas';
import { stageRoster } from './check-roster';
import { checkOpenForReporting, findOffering } from './offering-access';
import { refuse, type Roster } from './read-roster';
import { addReportedActivities } from './reported-activities';
import { STAGE_MATCHES } from './roster-matching';

const MAX_CHANGES_LISTED = 1000;

export interface RosterImport {
  report: Omit<RosterReport, 'confirmationsPending'>;
  /** Matched rows of the offering whose confirmation (and the person's figures) the follow-up still has to do. */
  pending: number;
}

/**
 * Records a provider's roster for one of its approved offerings, all or
 * nothing, set-based so that a roster of 100,000 rows takes seconds: the rows
 * are staged in a temporary table, compared with what was reported before
 * (one row per attendee and completion date: a re-upload adds nothing, a
 * changed name, hours or grade updates the row and is listed), matched to
 * certificants (certificant number first, then e-mail), and each newly
 * matched attendee gets the approved activity on their transcript.
 */
export async function importRoster(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  offeringId: string;
  roster: Roster;
  reporter: Reporter;
  now: Date;
}): Promise<RosterImport> {
  const { db, registry, bodyId, offeringId, roster, reporter, now } = options;
  const today = dateAt(registry.body(bodyId)!.timeZone, now);
  return db.transaction(async (tx) => {
    // Locked: two uploads for one offering run one after the other.
    const found = await findOffering(tx, bodyId, offeringId, true);
    checkOpenForReporting(found);
    const staged = stageRoster(roster, found.offering, today);
    await stage(tx, bodyId, offeringId, staged);
    const locked = await rowsOf<{ ord: number }>(
      tx,
      sql`select ord from roster_rows where locked and hundredths <> old_hundredths order by ord limit 1000`,
    );
    if (locked.length > 0)
      refuse(
        locked.map(({ ord }) => ({
          path: roster.at(ord, 'hours'),
          message: "the attendee's activity was used by a submitted renewal: its hours can no longer change",
        })),
      );
    await tx.execute(STAGE_MATCHES(bodyId));
    const at = now.toISOString();
    await tx.execute(sql`
      insert into attendance (body_id, offering_id, provider_id, attendee_key, name, email, number, completed_on, hundredths, grade,
        person_id, matched_at, verification_code, reported_by, reported_at)
      select ${bodyId}, ${offeringId}, ${found.provider.id}, key, name, email, number, completed_on, hundredths, grade,
        person_id, case when person_id is not null then ${at}::timestamptz end, code, ${reporter.userId}::uuid, ${at}::timestamptz
      from roster_rows where attendance_id is null`);
    // A changed name or number of hours needs a new confirmation; a grade is not printed on it.
    await tx.execute(sql`
      update attendance a set name = r.name, email = r.email, number = r.number, hundredths = r.hundredths, grade = r.grade,
        reported_by = ${reporter.userId}::uuid, reported_at = ${at}::timestamptz,
        person_id = coalesce(a.person_id, r.person_id),
        matched_at = case when a.person_id is null and r.person_id is not null then ${at}::timestamptz else a.matched_at end,
        confirmation_issued_at = case when cardinality(r.changed) > 0 and (a.name <> r.name or a.hundredths <> r.hundredths)
          then null else a.confirmation_issued_at end
      from roster_rows r
      where a.body_id = ${bodyId} and a.id = r.attendance_id and (cardinality(r.changed) > 0 or r.person_id is not null)`);
    await correctActivities(tx, bodyId, reporter.userId, at);
    await addReportedActivities(tx, { registry, bodyId, scope: { offeringId }, actorUserId: reporter.userId, now });
    const report = await reportOf(tx, roster);
    await recordAudit(tx, {
      bodyId,
      actorUserId: reporter.userId,
      entity: 'offering',
      entityId: offeringId,
      action: 'attendance.reported',
      after: { ...report, changes: report.changes.length, via: reporter.via },
    });
    const [pending] = await rowsOf<{ n: number }>(
      tx,
      sql`select count(*)::int as n from attendance where body_id = ${bodyId} and offering_id = ${offeringId}
          and activity_id is not null and confirmation_issued_at is null`,
    );
    return { report, pending: pending!.n };
  });
}

/** The roster in a temporary table, side by side with the row already reported for each attendee and date. */
async function stage(tx: DbOrTx, bodyId: string, offeringId: string, staged: ReturnType<typeof stageRoster>) {
  await tx.execute(sql`
    create temporary table roster_rows on commit drop as
    select r.ord, r.key, r.name, r.email, r.number, r."completedOn" as completed_on, r.hundredths, r.grade, r.code,
      a.id as attendance_id, a.person_id as old_person_id, a.activity_id, a.hundredths as old_hundredths,
      coalesce(act.locked_at is not null, false) as locked, null::uuid as person_id,
      case when a.id is null then '{}'::text[] else array_remove(array[
        case when a.name <> r.name then 'name' end,
        case when a.email is distinct from r.email then 'email' end,
        case when a.number is distinct from r.number then 'number' end,
        case when a.hundredths <> r.hundredths then 'hours' end,
        case when a.grade is distinct from r.grade then 'grade' end], null) end as changed
    from jsonb_to_recordset(${JSON.stringify(staged)}::jsonb) as r(ord integer, key text, name text, email text, number text,
      "completedOn" date, hundredths integer, grade text, code text)
    left join attendance a on a.body_id = ${bodyId} and a.offering_id = ${offeringId}
      and a.attendee_key = r.key and a.completed_on = r."completedOn"
    left join activities act on act.body_id = ${bodyId} and act.id = a.activity_id`);
  // The planner needs the size of the staged roster to choose hash joins over index loops.
  await tx.execute(sql`analyze roster_rows`);
}

/** Corrected hours reach the attendees' activities (and their history); the follow-up re-issues the confirmation. */
async function correctActivities(tx: DbOrTx, bodyId: string, actorUserId: string | null, at: string) {
  await tx.execute(sql`
    with corrected as (
      update activities act set hundredths = r.hundredths, updated_at = ${at}::timestamptz
      from roster_rows r
      where act.body_id = ${bodyId} and act.id = r.activity_id and act.hundredths <> r.hundredths
      returning act.id, act.person_id, r.old_hundredths, r.hundredths
    )
    insert into audit_log (body_id, actor_user_id, entity, entity_id, person_id, action, before, after)
    select ${bodyId}, ${actorUserId}::uuid, 'activity', id::text, person_id, 'activity.corrected',
      jsonb_build_object('hours', old_hundredths / 100.0), jsonb_build_object('hours', hundredths / 100.0)
    from corrected`);
}

async function reportOf(tx: DbOrTx, roster: Roster): Promise<RosterImport['report']> {
  const [counts] = await rowsOf<Record<'rows' | 'added' | 'updated' | 'matched' | 'unmatched', number>>(
    tx,
    sql`select count(*)::int as rows,
          count(*) filter (where attendance_id is null)::int as added,
          count(*) filter (where cardinality(changed) > 0)::int as updated,
          count(*) filter (where old_person_id is null and person_id is not null)::int as matched,
          count(*) filter (where old_person_id is null and person_id is null)::int as unmatched
        from roster_rows`,
  );
  const changed = await rowsOf<{ ord: number; key: string; changed: string[] }>(
    tx,
    sql`select ord, key, changed from roster_rows where cardinality(changed) > 0 order by ord limit ${MAX_CHANGES_LISTED}`,
  );
  const { rows, added, updated, matched, unmatched } = counts!;
  return {
    rows,
    added,
    updated,
    unchanged: rows - added - updated,
    matched,
    unmatched,
    changes: changed.map((c) => ({ row: roster.row(c.ord), attendee: c.key.replace(/^\w+:/, ''), fields: c.changed })),
  };
}
