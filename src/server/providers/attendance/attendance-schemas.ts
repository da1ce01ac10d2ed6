import { z } from 'zod';
import { isoDateSchema } from '../../../core/policies/policy-schema';

/** At most this many rows in one roster (a large conference, or a year of a recurring course). */
export const ROSTER_MAX_ROWS = 200_000;

// Cheap checks only: a roster has up to 200,000 rows, and zod's transforms cost more than the rest of the
// validation together. Blank texts become null in rosterFromJson / rosterFromCsv.
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullish();
const EMAIL = z.regexes.email;

/** One attendee as the provider reports them: the single source for JSON rows, CSV rows and the OpenAPI document. */
export const rosterRowSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .refine((value) => value === '' || EMAIL.test(value), 'must be an e-mail address')
      .nullish(),
    number: optionalText(64).describe('the certificant number'),
    completedOn: isoDateSchema,
    hours: z
      .number('must be a number of hours')
      .positive('must be more than 0')
      .max(1000, 'must be at most 1000')
      .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, 'must have at most two decimals'),
    grade: optionalText(20),
  })
  .refine((row) => !!row.email || !!row.number, {
    path: ['email'],
    message: 'give the e-mail or the certificant number (or both)',
  });

/** A roster row as the import reads it: blank texts are null. */
export interface RosterRow {
  name: string;
  email: string | null;
  number: string | null;
  completedOn: string;
  hours: number;
  grade: string | null;
}

/** The row with blank texts as null. */
export const rosterRow = (row: z.output<typeof rosterRowSchema>): RosterRow => ({
  name: row.name,
  email: row.email || null,
  number: row.number || null,
  completedOn: row.completedOn,
  hours: row.hours,
  grade: row.grade || null,
});

export const rosterJsonSchema = z.strictObject({
  rows: z.array(rosterRowSchema).min(1, 'give at least one row').max(ROSTER_MAX_ROWS, `at most ${ROSTER_MAX_ROWS} rows`),
});

/** What an import did, row counts first; the rows whose data changed are named (at most 1,000 of them). */
export const rosterReportSchema = z.object({
  rows: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows matched to a certificant by this import. */
  matched: z.number().int(),
  /** Rows of this roster still without a certificant: kept, and matched when the person is added or adds the e-mail. */
  unmatched: z.number().int(),
  changes: z.array(z.object({ row: z.string(), attendee: z.string(), fields: z.array(z.string()) })),
  /** Matched attendees whose confirmation and figures are still being completed (0 when the import waited for them). */
  confirmationsPending: z.number().int(),
});
export type RosterReport = z.output<typeof rosterReportSchema>;

export const attendanceRowSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  number: z.string().nullable(),
  completedOn: z.string(),
  hours: z.number(),
  grade: z.string().nullable(),
  matched: z.boolean(),
  personId: z.uuid().nullable(),
  verificationCode: z.string(),
  confirmationIssuedAt: z.string().nullable(),
  /** Records are kept until then; an admin may purge them from this date. */
  purgeableFrom: z.string(),
});

export const verificationSchema = z.discriminatedUnion('genuine', [
  z.object({ genuine: z.literal(false) }),
  z.object({
    genuine: z.literal(true),
    attendee: z.string(),
    offering: z.object({ title: z.string(), type: z.string(), approvalCode: z.string() }),
    provider: z.string(),
    completedOn: z.string(),
    hours: z.number(),
  }),
]);

const offeringRefSchema = z.object({
  offeringId: z.uuid(),
  title: z.string(),
  approvalCode: z.string(),
  provider: z.object({ id: z.uuid(), name: z.string() }),
});

export const overdueSchema = z.object({
  confirmationDays: z.number().int(),
  offerings: z.array(
    offeringRefSchema.extend({
      /** False when no roster came at all although the offering's last date is past the window. */
      rosterReported: z.boolean(),
      lacking: z.number().int(),
      oldestCompletedOn: z.string().nullable(),
      /** When the oldest confirmation lacking (or the roster) was due. */
      dueBy: z.string(),
    }),
  ),
});

export const countsSchema = z.object({
  offerings: z.array(
    offeringRefSchema.extend({
      withdrawn: z.boolean(),
      rows: z.number().int(),
      matched: z.number().int(),
      unmatched: z.number().int(),
      confirmed: z.number().int(),
    }),
  ),
});

export const purgeRequestSchema = z.union([
  z.strictObject({ attendanceIds: z.array(z.uuid('must be an attendance row id')).min(1).max(10_000) }),
  z.strictObject({ completedBefore: isoDateSchema, offeringId: z.uuid().optional() }),
]);

export const purgeResultSchema = z.object({ rows: z.number().int(), grades: z.number().int(), confirmations: z.number().int() });

export const apiKeySchema = z.object({ key: z.string(), prefix: z.string(), createdAt: z.string() });
