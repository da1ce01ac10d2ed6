import { sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { reevaluatePeople } from '../../compliance/reevaluate';
import { dateAt } from '../../../core/dates/today';
import { rowsOf, type Db, type DbOrTx } from '../../db/database';
import type { FileStorage } from '../../files/file-storage';
import { confirmationTemplate, type AttendeeFacts, type OfferingFacts } from './confirmation-pdf';

/** Where an attendance row's confirmation is kept; the evidence row that attaches it to the activity has the row's id. */
export const confirmationKey = (bodyId: string, offeringId: string, attendanceId: string) =>
  `${bodyId}/confirmations/${offeringId}/${attendanceId}.pdf`;

export const confirmationFilename = (verificationCode: string) => `confirmation-${verificationCode}.pdf`;

/** What a confirmation prints, for every offering of some rows. */
export async function offeringFacts(
  db: DbOrTx,
  registry: PolicyRegistry,
  bodyId: string,
  offeringIds: string[],
): Promise<Map<string, OfferingFacts>> {
  const rows = await rowsOf<{ id: string; title: string; type: string; approval_code: string; provider_name: string }>(
    db,
    sql`select o.id, o.title, o.type, o.approval_code, p.name as provider_name
        from offerings o join providers p on p.body_id = o.body_id and p.id = o.provider_id
        where o.body_id = ${bodyId} and o.id in ${offeringIds}`,
  );
  const bodyName = registry.body(bodyId)?.name ?? bodyId;
  return new Map(
    rows.map((o) => [
      o.id,
      { bodyId, bodyName, providerName: o.provider_name, title: o.title, type: o.type, approvalCode: o.approval_code },
    ]),
  );
}

interface PendingRow {
  id: string;
  offering_id: string;
  person_id: string;
  activity_id: string;
  name: string;
  completed_on: string;
  hundredths: number;
  verification_code: string;
}

export const attendeeFacts = (row: Pick<PendingRow, 'name' | 'completed_on' | 'hundredths' | 'verification_code'>) =>
  ({
    name: row.name,
    completedOn: row.completed_on,
    hundredths: row.hundredths,
    verificationCode: row.verification_code,
  }) satisfies AttendeeFacts;

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
 * Issues the confirmations of matched attendees that have none yet (or whose
 * row changed since), a batch at a time: each PDF is stored and attached to
 * the attendee's activity as evidence, the row is marked issued, and the
 * attendees' figures are refreshed, in one transaction per batch. Rows
 * another process is issuing are skipped. Returns how many were issued.
 */
export async function issueConfirmations(options: {
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
      sql`select a.id, a.offering_id, a.person_id, a.activity_id, a.name, a.completed_on::text, a.hundredths, a.verification_code
          from attendance a
          where a.body_id = ${bodyId} and a.confirmation_issued_at is null and a.activity_id is not null
            ${options.offeringId ? sql`and a.offering_id = ${options.offeringId}` : sql``}
          order by a.completed_on limit ${options.batch ?? 1000}
          for update skip locked`,
    );
    if (rows.length === 0) return 0;
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
    await tx.execute(sql`
      insert into evidence_files (body_id, id, person_id, activity_id, filename, media_type, size, sha256, storage_key, created_at)
      select ${bodyId}, id, "personId", "activityId", filename, 'application/pdf', size, sha256, "storageKey", ${at}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(evidence.map(({ bytes: _bytes, ...row }) => row))}::jsonb)
        as e(id uuid, "personId" uuid, "activityId" uuid, filename text, size integer, sha256 text, "storageKey" text)
      on conflict (body_id, id) do update set person_id = excluded.person_id, activity_id = excluded.activity_id,
        filename = excluded.filename, size = excluded.size, sha256 = excluded.sha256, storage_key = excluded.storage_key`);
    await tx.execute(sql`
      update attendance set confirmation_issued_at = ${at}::timestamptz
      where body_id = ${bodyId} and id in ${rows.map((r) => r.id)}`);
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
