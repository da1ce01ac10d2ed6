import { sql } from 'drizzle-orm';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { dateAt } from '../../../core/dates/today';
import { recordAudit } from '../../audit/record-audit';
import { rowsOf, type Db, type DbOrTx } from '../../db/database';
import type { Reporter } from './api-keys';
import type { RosterReport } from './attendance-schemas';
import { checkRoster } from './check-roster';
import { checkOpenForReporting, findOffering } from './offering-access';
import { refuse, type Roster } from './read-roster';
import { MATCH_BY_EMAIL } from './roster-matching';
import { hasAttendance, keepOneAttendancePerPerson, linkSameAttendees } from './same-attendee';
import { stageRoster } from './stage-roster';

const MAX_CHANGES_LISTED = 1000;

export interface RosterImport {
  report: Omit<RosterReport, 'confirmationsPending'>;
  /** Matched rows of the offering whose activity, confirmation and figures the follow-up still has to complete. */
  pending: number;
}

/**
 * Records a provider's roster for one of its approved offerings, all or
 * nothing, set-based so that a roster of 100,000 rows takes seconds: the rows
 * are staged in a temporary table beside what was reported before (one row
 * per attendee and completion date: a re-upload adds nothing, a changed name,
 * hours or grade updates the row and is listed) and matched to certificants
 * (certificant number first, then e-mail); a row naming an attendee reported
 * before another way (see linkSameAttendees) is that attendance. Each newly matched attendee's
 * activity, confirmation and figures follow (AttendanceFollowUp): before the
 * answer for a roster of ordinary size, in the background for a large one.
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
    // Compiling these one-off bulk statements (JIT) would cost more than running them.
    await tx.execute(sql`set local jit = off`);
    // Locked: two uploads for one offering run one after the other.
    const found = await findOffering(tx, bodyId, offeringId, true);
    checkOpenForReporting(found);
    const staged = checkRoster(roster, found.offering, today);
    const staging = await stageRoster(tx, bodyId, offeringId, staged);
    await tx.execute(MATCH_BY_EMAIL(bodyId));
    // Counted again now that people are matched: planned on the staging's counts (few matched yet), the
    // steps below would take the matched rows for a handful and join them row by row to the whole roster.
    await tx.execute(sql`analyze roster_rows`);
    const reportedBefore = staging.existing > 0 || (await hasAttendance(tx, bodyId, offeringId));
    const existing = staging.existing + (reportedBefore ? await linkSameAttendees(tx, bodyId, offeringId) : 0);
    await keepOneAttendancePerPerson(tx, { bodyId, offeringId, reportedBefore });
    if (existing > 0) await refuseLockedCorrections(tx, bodyId, roster);
    const at = now.toISOString();
    await tx.execute(sql`
      insert into attendance (body_id, id, offering_id, provider_id, attendee_key, name, email, number, completed_on, hundredths,
        grade, person_id, matched_at, verification_code, reported_by, reported_at)
      select ${bodyId}, id, ${offeringId}, ${found.provider.id}, key, name, email, number, completed_on, hundredths, grade,
        person_id, case when person_id is not null then ${at}::timestamptz end, code, ${reporter.userId}::uuid, ${at}::timestamptz
      from roster_rows where attendance_id is null`);
    if (existing > 0) await updateReported(tx, bodyId, reporter.userId, at);
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
          and person_id is not null and confirmation_issued_at is null`,
    );
    return { report, pending: pending!.n };
  });
}

/** Hours of an activity a submitted renewal used can no longer change: the whole roster is refused. */
async function refuseLockedCorrections(tx: DbOrTx, bodyId: string, roster: Roster) {
  const locked = await rowsOf<{ ord: number }>(
    tx,
    sql`select r.ord from roster_rows r join activities act on act.body_id = ${bodyId} and act.id = r.old_activity_id
        where r.hundredths <> r.old_hundredths and act.locked_at is not null order by r.ord limit 1000`,
  );
  if (locked.length > 0)
    refuse(
      locked.map(({ ord }) => ({
        path: roster.at(ord, 'hours'),
        message: "the attendee's activity was used by a submitted renewal: its hours can no longer change",
      })),
    );
}

/**
 * Rows reported before: changed ones are updated, and so are those matched
 * only now. A changed name or number of hours needs a new confirmation (a
 * grade is not printed on it), and so does a new match; corrected hours
 * reach the attendee's activity.
 */
async function updateReported(tx: DbOrTx, bodyId: string, actorUserId: string | null, at: string) {
  await tx.execute(sql`
    update attendance a set attendee_key = r.key, name = r.name, email = r.email, number = r.number, hundredths = r.hundredths,
      grade = r.grade,
      reported_by = ${actorUserId}::uuid, reported_at = ${at}::timestamptz,
      person_id = coalesce(a.person_id, r.person_id),
      matched_at = case when r.person_id is not null then ${at}::timestamptz else a.matched_at end,
      confirmation_issued_at = case when r.person_id is not null or a.name <> r.name or a.hundredths <> r.hundredths
        then null else a.confirmation_issued_at end
    from roster_rows r
    where a.body_id = ${bodyId} and a.id = r.attendance_id and r.attendance_id is not null
      and (cardinality(r.changed) > 0 or r.person_id is not null)`);
  await tx.execute(sql`
    with corrected as (
      update activities act set hundredths = r.hundredths, updated_at = ${at}::timestamptz
      from roster_rows r
      where act.body_id = ${bodyId} and act.id = r.old_activity_id and r.old_activity_id is not null
        and act.hundredths <> r.hundredths
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
          count(person_id)::int as matched,
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
