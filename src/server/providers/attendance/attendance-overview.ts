import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { formatDate, requireDate } from '../../../core/dates/calendar-date';
import { dateAt } from '../../../core/dates/today';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { rowsOf, type DbOrTx } from '../../db/database';
import type { countsSchema, overdueSchema, verificationSchema } from './attendance-schemas';

interface OfferingRefRow {
  offering_id: string;
  title: string;
  approval_code: string;
  provider_id: string;
  provider_name: string;
}

const offeringRef = (row: OfferingRefRow) => ({
  offeringId: row.offering_id,
  title: row.title,
  approvalCode: row.approval_code,
  provider: { id: row.provider_id, name: row.provider_name },
});

/**
 * Offerings past their window for confirmations (the completion date plus the
 * body's confirmation days is before today) with rows whose attendee has no
 * confirmation yet (unmatched and never downloaded by the provider, or still
 * being issued), oldest first; then offerings whose last date is past the
 * window with no roster reported at all.
 */
export async function overdueConfirmations(
  db: DbOrTx,
  registry: PolicyRegistry,
  bodyId: string,
  now: Date,
): Promise<z.output<typeof overdueSchema>> {
  const body = registry.body(bodyId)!;
  const days = body.providers.confirmationDays;
  // Day numbers count days: a completion before this day has its window closed before today.
  const cutoff = formatDate(requireDate(dateAt(body.timeZone, now)) - days);
  const lacking = await rowsOf<OfferingRefRow & { lacking: number; oldest: string }>(
    db,
    sql`select o.id as offering_id, o.title, o.approval_code, p.id as provider_id, p.name as provider_name,
          count(*)::int as lacking, min(a.completed_on)::text as oldest
        from attendance a
        join offerings o on o.body_id = a.body_id and o.id = a.offering_id
        join providers p on p.body_id = a.body_id and p.id = a.provider_id
        where a.body_id = ${bodyId} and a.confirmation_issued_at is null and a.completed_on < ${cutoff}::date
        group by o.id, o.title, o.approval_code, p.id, p.name
        order by oldest, o.title limit 1000`,
  );
  const silent = await rowsOf<OfferingRefRow & { last_date: string }>(
    db,
    sql`select o.id as offering_id, o.title, o.approval_code, p.id as provider_id, p.name as provider_name,
          o.dates[array_upper(o.dates, 1)]::text as last_date
        from offerings o join providers p on p.body_id = o.body_id and p.id = o.provider_id
        where o.body_id = ${bodyId} and o.withdrawn_at is null and o.dates[array_upper(o.dates, 1)] < ${cutoff}::date
          and not exists (select 1 from attendance a where a.body_id = o.body_id and a.offering_id = o.id)
        order by last_date, o.title limit 1000`,
  );
  const dueBy = (date: string) => formatDate(requireDate(date) + days);
  return {
    confirmationDays: days,
    offerings: [
      ...lacking.map((row) => ({
        ...offeringRef(row),
        rosterReported: true,
        lacking: row.lacking,
        oldestCompletedOn: row.oldest,
        dueBy: dueBy(row.oldest),
      })),
      ...silent.map((row) => ({
        ...offeringRef(row),
        rosterReported: false,
        lacking: 0,
        oldestCompletedOn: null,
        dueBy: dueBy(row.last_date),
      })),
    ],
  };
}

/** Every offering of the body with its attendance: rows, matched, unmatched, confirmed; latest approvals first. */
export async function attendanceCounts(db: DbOrTx, bodyId: string): Promise<z.output<typeof countsSchema>> {
  const rows = await rowsOf<
    OfferingRefRow & Record<'rows' | 'matched' | 'unmatched' | 'confirmed', number> & { withdrawn: boolean }
  >(
    db,
    sql`select o.id as offering_id, o.title, o.approval_code, p.id as provider_id, p.name as provider_name,
          o.withdrawn_at is not null as withdrawn, count(a.id)::int as rows, count(a.person_id)::int as matched,
          (count(a.id) - count(a.person_id))::int as unmatched, count(a.confirmation_issued_at)::int as confirmed
        from offerings o
        join providers p on p.body_id = o.body_id and p.id = o.provider_id
        left join attendance a on a.body_id = o.body_id and a.offering_id = o.id
        where o.body_id = ${bodyId}
        group by o.id, o.title, o.approval_code, o.withdrawn_at, o.valid_from, p.id, p.name
        order by o.valid_from desc, o.title limit 1000`,
  );
  return {
    offerings: rows.map((row) => ({
      ...offeringRef(row),
      withdrawn: row.withdrawn,
      rows: row.rows,
      matched: row.matched,
      unmatched: row.unmatched,
      confirmed: row.confirmed,
    })),
  };
}

/**
 * A verification code as typed: any case, with or without its dashes, and
 * with the letters Crockford's base32 leaves out read as the digits they
 * look like (O as 0, I and L as 1).
 */
export function normalizeCode(typed: string): string {
  const plain = typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return plain.length === 16 ? (plain.match(/.{4}/g) as string[]).join('-') : plain;
}

/** Whether a confirmation with this code is genuine, and what it confirms: no e-mail, no number. */
export async function verifyConfirmation(db: DbOrTx, bodyId: string, code: string): Promise<z.output<typeof verificationSchema>> {
  const [row] = await rowsOf<{
    name: string;
    completed_on: string;
    hundredths: number;
    title: string;
    type: string;
    approval_code: string;
    provider: string;
  }>(
    db,
    sql`select a.name, a.completed_on::text, a.hundredths, o.title, o.type, o.approval_code, p.name as provider
        from attendance a
        join offerings o on o.body_id = a.body_id and o.id = a.offering_id
        join providers p on p.body_id = a.body_id and p.id = a.provider_id
        where a.body_id = ${bodyId} and a.verification_code = ${normalizeCode(code)}`,
  );
  if (!row) return { genuine: false };
  return {
    genuine: true,
    attendee: row.name,
    offering: { title: row.title, type: row.type, approvalCode: row.approval_code },
    provider: row.provider,
    completedOn: row.completed_on,
    hours: row.hundredths / 100,
  };
}
