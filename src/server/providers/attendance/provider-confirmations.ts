import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { RecertError } from '../../../core/errors';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { rowsOf, type DbOrTx } from '../../db/database';
import type { FileStorage } from '../../files/file-storage';
import type { attendanceRowSchema } from './attendance-schemas';
import { confirmationsDocument, confirmationTemplate } from './confirmation-pdf';
import { attendeeFacts, confirmationFilename, confirmationKey, offeringFacts } from './confirmation-facts';
import { purgeableFrom } from './purge-attendance';

/** Pages in one document of a roster's confirmations; a larger roster comes in parts (`from`). */
export const CONFIRMATIONS_PER_DOCUMENT = 1000;

interface Row {
  id: string;
  name: string;
  email: string | null;
  number: string | null;
  completed_on: string;
  hundredths: number;
  grade: string | null;
  person_id: string | null;
  verification_code: string;
  confirmation_issued_at: Date | string | null;
}

const rowsOfOffering = (db: DbOrTx, bodyId: string, offeringId: string, range: { limit: number; offset: number }) =>
  rowsOf<Row>(
    db,
    sql`select id, name, email, number, completed_on::text, hundredths, grade, person_id, verification_code, confirmation_issued_at
        from attendance where body_id = ${bodyId} and offering_id = ${offeringId}
        order by name, completed_on, id limit ${range.limit} offset ${range.offset}`,
  );

/** An offering's attendance as reported, by name, with what became of each row. */
export async function listAttendance(
  db: DbOrTx,
  registry: PolicyRegistry,
  bodyId: string,
  offeringId: string,
  range: { limit: number; offset: number },
): Promise<z.output<typeof attendanceRowSchema>[]> {
  const years = registry.body(bodyId)!.providers.recordsYears;
  return (await rowsOfOffering(db, bodyId, offeringId, range)).map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    number: row.number,
    completedOn: row.completed_on,
    hours: row.hundredths / 100,
    grade: row.grade,
    matched: row.person_id !== null,
    personId: row.person_id,
    verificationCode: row.verification_code,
    confirmationIssuedAt: row.confirmation_issued_at === null ? null : new Date(row.confirmation_issued_at).toISOString(),
    purgeableFrom: purgeableFrom(row.completed_on, years),
  }));
}

// The provider hands an unmatched attendee's confirmation over itself: its download is the issue.
async function markHandedOver(db: DbOrTx, bodyId: string, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    update attendance set confirmation_issued_at = ${now.toISOString()}::timestamptz
    where body_id = ${bodyId} and id in ${ids} and person_id is null and confirmation_issued_at is null`);
}

/**
 * One attendee's confirmation: the stored copy once issued to a matched
 * attendee, else made from the row (the same document). `handOver` when the
 * provider's own user downloads it.
 */
export async function confirmationOf(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  files: FileStorage;
  bodyId: string;
  offeringId: string;
  attendanceId: string;
  handOver: boolean;
  now: Date;
}): Promise<{ filename: string; bytes: Buffer }> {
  const { db, registry, files, bodyId, offeringId, attendanceId } = options;
  const [row] = await rowsOf<Row>(
    db,
    sql`select id, name, completed_on::text, hundredths, person_id, verification_code, confirmation_issued_at
        from attendance where body_id = ${bodyId} and offering_id = ${offeringId} and id = ${attendanceId}`,
  );
  if (!row) throw new RecertError('not-found', 'not found');
  const filename = confirmationFilename(row.verification_code);
  if (row.person_id !== null && row.confirmation_issued_at !== null)
    return { filename, bytes: await files.get(confirmationKey(bodyId, offeringId, row.id)) };
  const facts = (await offeringFacts(db, registry, bodyId, [offeringId])).get(offeringId)!;
  const bytes = (await confirmationTemplate(facts))(attendeeFacts(row));
  if (options.handOver) await markHandedOver(db, bodyId, [row.id], options.now);
  return { filename, bytes };
}

/** The confirmations of a roster in one document, a page per attendee by name, from the `from`-th row. */
export async function offeringConfirmations(options: {
  db: DbOrTx;
  registry: PolicyRegistry;
  bodyId: string;
  offeringId: string;
  from: number;
  handOver: boolean;
  now: Date;
}): Promise<{ bytes: Uint8Array; next: number | null }> {
  const { db, registry, bodyId, offeringId, from } = options;
  const rows = await rowsOfOffering(db, bodyId, offeringId, { limit: CONFIRMATIONS_PER_DOCUMENT + 1, offset: from });
  if (rows.length === 0) throw new RecertError('not-found', from === 0 ? 'no attendance reported yet' : 'no rows from there');
  const page = rows.slice(0, CONFIRMATIONS_PER_DOCUMENT);
  const facts = (await offeringFacts(db, registry, bodyId, [offeringId])).get(offeringId)!;
  const bytes = await confirmationsDocument(facts, page.map(attendeeFacts));
  if (options.handOver)
    await markHandedOver(
      db,
      bodyId,
      page.map((row) => row.id),
      options.now,
    );
  return { bytes, next: rows.length > CONFIRMATIONS_PER_DOCUMENT ? from + CONFIRMATIONS_PER_DOCUMENT : null };
}
