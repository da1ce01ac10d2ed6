import { HOLDS } from '../../core/compliance/deadlines';
import { z } from 'zod';
import { certificationResultSchema } from '../../core/compliance/evaluate-types';
import type { PersonRow } from './load-person-record';

export const personSchema = z.object({
  id: z.uuid(),
  bodyId: z.string(),
  number: z.string(),
  legalName: z.string(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  member: z.boolean(),
  contactEmails: z.array(z.string()),
  /** Set when an admin merged this record into another; its records now live there. */
  mergedInto: z.uuid().nullable(),
});
export type PersonView = z.output<typeof personSchema>;

/** Birth dates stay private: they serve duplicate detection only. */
export function presentPerson(row: PersonRow): PersonView {
  return {
    id: row.id,
    bodyId: row.bodyId,
    number: row.number,
    legalName: row.legalName,
    city: row.city,
    region: row.region,
    member: row.member,
    contactEmails: row.contactEmails,
    mergedInto: row.mergedInto,
  };
}

/** The certifications held, as stored: the engine's input, so a browser can rerun it (the live credit preview). */
export const heldSchema = z.object({
  program: z.string(),
  awarded: z.string(),
  renewedThrough: z.string().nullable(),
  /** The current cycle's due date as moved by a granted extension. */
  extendedTo: z.string().nullable(),
  /** The current cycle's renewal was submitted on this date and awaits a decision. */
  renewalSubmittedOn: z.string().nullable(),
  hold: z.enum(HOLDS).nullable(),
});
export type HeldView = z.output<typeof heldSchema>;

export const progressSchema = z.object({
  person: personSchema,
  asOf: z.string(),
  held: z.array(heldSchema),
  certifications: z.array(certificationResultSchema),
});
