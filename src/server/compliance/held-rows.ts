import { sql } from 'drizzle-orm';
import type { Hold } from '../../core/compliance/deadlines';
import type { CertificationInput } from '../../core/compliance/evaluate-types';

/** A certification as the bulk statements read it (plain rows, no ORM mapping): what the engine needs of it. */
export interface HeldRow {
  person_id: string;
  id: string;
  program_id: string;
  awarded: string;
  renewed_through: string | null;
  extended_to: string | null;
  renewal_submitted_on: string | null;
  hold: Hold | null;
}

/** The columns of a HeldRow, of `certifications c`. */
export const HELD_COLUMNS = sql.raw(
  'c.person_id, c.id, c.program_id, c.awarded, c.renewed_through, c.extended_to, c.renewal_submitted_on, c.hold',
);

/** A HeldRow as the engine's input. */
export function heldInput(row: HeldRow): CertificationInput {
  return {
    program: row.program_id,
    awarded: row.awarded,
    renewedThrough: row.renewed_through,
    extendedTo: row.extended_to,
    renewalSubmittedOn: row.renewal_submitted_on,
    hold: row.hold,
  };
}
