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
  };
}

export const progressSchema = z.object({
  person: personSchema,
  asOf: z.string(),
  certifications: z.array(certificationResultSchema),
});
