import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { addYears, formatDate, requireDate } from '../../../core/dates/calendar-date';
import { dateAt } from '../../../core/dates/today';
import { RecertError, type FieldIssue } from '../../../core/errors';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { recordAudit } from '../../audit/record-audit';
import { rowsOf, type Db } from '../../db/database';
import type { FileStorage } from '../../files/file-storage';
import type { purgeRequestSchema, purgeResultSchema } from './attendance-schemas';

/** The first day a row completed on `completedOn` may be purged: the records period after the completion. */
export const purgeableFrom = (completedOn: string, recordsYears: number) =>
  formatDate(addYears(requireDate(completedOn), recordsYears));

/**
 * An admin purges attendance records (the rows with their grades, and the
 * confirmations stored for them) once the body's records period has passed
 * since the completion: named rows, or every row completed before a date (of
 * one offering, or all). Any row still in its period refuses the whole purge,
 * naming the date it may be purged. The attendees' activities stay on their
 * transcripts. Logged with the counts.
 */
export async function purgeAttendance(options: {
  db: Db;
  registry: PolicyRegistry;
  files: FileStorage;
  bodyId: string;
  request: z.output<typeof purgeRequestSchema>;
  actorUserId: string;
  now: Date;
}): Promise<z.output<typeof purgeResultSchema>> {
  const { db, registry, files, bodyId, request, actorUserId, now } = options;
  const body = registry.body(bodyId)!;
  const years = body.providers.recordsYears;
  const today = dateAt(body.timeZone, now);
  const { result, keys } = await db.transaction(async (tx) => {
    const where =
      'attendanceIds' in request
        ? sql`a.id in ${request.attendanceIds}`
        : sql`a.completed_on < ${request.completedBefore}::date ${request.offeringId ? sql`and a.offering_id = ${request.offeringId}` : sql``}`;
    const rows = await rowsOf<{ id: string; completed_on: string; offering_id: string }>(
      tx,
      sql`select a.id, a.completed_on::text, a.offering_id from attendance a
          where a.body_id = ${bodyId} and ${where} order by a.completed_on for update`,
    );
    const issues: FieldIssue[] = [];
    if ('attendanceIds' in request) {
      const found = new Set(rows.map((row) => row.id));
      request.attendanceIds.forEach((id, index) => {
        if (!found.has(id)) issues.push({ path: `body.attendanceIds[${index}]`, message: 'no such attendance row' });
      });
      if (issues.length > 0) throw new RecertError('invalid-input', 'unknown attendance rows', issues);
    }
    const index = 'attendanceIds' in request ? new Map(request.attendanceIds.map((id, i) => [id, i])) : null;
    for (const row of rows) {
      const from = purgeableFrom(row.completed_on, years);
      if (from > today)
        issues.push({
          path: index ? `body.attendanceIds[${index.get(row.id)}]` : `body.completedBefore (row ${row.id})`,
          message: `completed on ${row.completed_on}: kept ${years} years, it may be purged from ${from}`,
        });
    }
    if (issues.length > 0)
      throw new RecertError(
        'conflict',
        `${issues.length} row(s) are still in the ${years}-year records period; nothing was purged`,
        issues.slice(0, 100),
      );
    if (rows.length === 0) return { result: { rows: 0, grades: 0, confirmations: 0 }, keys: [] };
    // The confirmation attached as evidence has the attendance row's id.
    const evidence = await rowsOf<{ storage_key: string }>(
      tx,
      sql`delete from evidence_files e using attendance a
          where a.body_id = ${bodyId} and ${where} and e.body_id = a.body_id and e.id = a.id returning e.storage_key`,
    );
    const [deleted] = await rowsOf<{ rows: number; grades: number }>(
      tx,
      sql`with gone as (delete from attendance a where a.body_id = ${bodyId} and ${where} returning a.grade)
          select count(*)::int as rows, count(grade)::int as grades from gone`,
    );
    const result = { rows: deleted!.rows, grades: deleted!.grades, confirmations: evidence.length };
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'attendance',
      entityId: bodyId,
      action: 'attendance.purged',
      after: {
        ...result,
        ...request,
        offeringIds: [...new Set(rows.map((row) => row.offering_id))],
        completedFrom: rows[0]!.completed_on,
        completedTo: rows[rows.length - 1]!.completed_on,
      },
    });
    return { result, keys: evidence.map((row) => row.storage_key) };
  });
  // Files go once the rows are gone for good; a file left behind by a crash here is unreachable.
  for (const key of keys) await files.remove(key);
  return result;
}
