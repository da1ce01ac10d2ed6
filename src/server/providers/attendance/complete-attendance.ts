import { sql } from 'drizzle-orm';
import { createHash, randomUUID } from 'node:crypto';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { dateAt } from '../../../core/dates/today';
import { reevaluatePeople } from '../../compliance/reevaluate';
import { rowsOf, type Db } from '../../db/database';
import type { FileStorage } from '../../files/file-storage';
import { attendeeFacts, confirmationFilename, confirmationKey, offeringFacts } from './confirmation-facts';
import { confirmationTemplate, type AttendeeFacts } from './confirmation-pdf';
import { addReportedActivities } from './reported-activities';

interface PendingRow {
  id: string;
  offering_id: string;
  person_id: string;
  activity_id: string | null;
  name: string;
  completed_on: string;
  hundredths: number;
  verification_code: string;
  reported_by: string | null;
}

/** Writes a file, replacing an earlier version (a corrected confirmation replaces the one it corrects). */
async function store(files: FileStorage, key: string, bytes: Buffer): Promise<void> {
  try {
    await files.put(key, bytes);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    await files.remove(key);
    await files.put(key, bytes);
  }
}

/**
 * Completes a batch of matched attendance rows whose attendee has no
 * confirmation yet (just matched, or changed since): the approved activity
 * goes on the transcript if it is not there yet, the Confirmation of
 * Completion is stored and attached to it as evidence, the row is marked
 * issued, and the attendees' figures are refreshed, all in one transaction,
 * so that an attendee never has the credit without its confirmation. Rows
 * another process is completing are skipped. Returns how many were completed.
 */
export async function completeAttendance(options: {
  db: Db;
  registry: PolicyRegistry;
  files: FileStorage;
  bodyId: string;
  offeringId?: string;
  now: Date;
  batch?: number;
}): Promise<number> {
  const { db, registry, files, bodyId, now } = options;
  return db.transaction(async (tx) => {
    const rows = await rowsOf<PendingRow>(
      tx,
      sql`select a.id, a.offering_id, a.person_id, a.activity_id, a.name, a.completed_on::text, a.hundredths,
            a.verification_code, a.reported_by
          from attendance a
          where a.body_id = ${bodyId} and a.confirmation_issued_at is null and a.person_id is not null
            ${options.offeringId ? sql`and a.offering_id = ${options.offeringId}` : sql``}
          order by a.completed_on limit ${options.batch ?? 1000}
          for update skip locked`,
    );
    if (rows.length === 0) return 0;
    const fresh = rows.filter((row) => row.activity_id === null);
    for (const row of fresh) row.activity_id = randomUUID();
    if (fresh.length > 0)
      await addReportedActivities(tx, {
        registry,
        bodyId,
        source: sql`select * from jsonb_to_recordset(${JSON.stringify(fresh)}::jsonb) as s(id uuid, offering_id uuid,
          person_id uuid, completed_on date, hundredths integer, activity_id uuid, reported_by uuid)`,
        now,
      });
    const facts = await offeringFacts(tx, registry, bodyId, [...new Set(rows.map((r) => r.offering_id))]);
    const templates = new Map<string, (attendee: AttendeeFacts) => Buffer>();
    for (const [id, offering] of facts) templates.set(id, await confirmationTemplate(offering));
    const evidence = rows.map((row) => {
      const bytes = templates.get(row.offering_id)!(attendeeFacts(row));
      return {
        id: row.id,
        personId: row.person_id,
        activityId: row.activity_id,
        filename: confirmationFilename(row.verification_code),
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storageKey: confirmationKey(bodyId, row.offering_id, row.id),
        bytes,
      };
    });
    // A few writes at a time: the disk, not the processor, sets the pace.
    for (let i = 0; i < evidence.length; i += 16)
      await Promise.all(evidence.slice(i, i + 16).map((e) => store(files, e.storageKey, e.bytes)));
    const at = now.toISOString();
    const attached = JSON.stringify(evidence.map(({ bytes: _bytes, ...row }) => row));
    await tx.execute(sql`
      with attached as (
        select * from jsonb_to_recordset(${attached}::jsonb) as e(id uuid, "personId" uuid, "activityId" uuid, filename text,
          size integer, sha256 text, "storageKey" text)
      ),
      stored as (
        insert into evidence_files (body_id, id, person_id, activity_id, filename, media_type, size, sha256, storage_key, created_at)
        select ${bodyId}, id, "personId", "activityId", filename, 'application/pdf', size, sha256, "storageKey", ${at}::timestamptz
        from attached
        on conflict (body_id, id) do update set person_id = excluded.person_id, activity_id = excluded.activity_id,
          filename = excluded.filename, size = excluded.size, sha256 = excluded.sha256, storage_key = excluded.storage_key
      )
      update attendance a set activity_id = e."activityId", confirmation_issued_at = ${at}::timestamptz
      from attached e where a.body_id = ${bodyId} and a.id = e.id`);
    await reevaluatePeople({
      db: tx,
      registry,
      bodyId,
      personIds: [...new Set(rows.map((r) => r.person_id))],
      asOf: dateAt(registry.body(bodyId)?.timeZone ?? 'UTC', now),
    });
    return rows.length;
  });
}
