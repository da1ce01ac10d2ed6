import { z } from 'zod';
import { isoDateSchema } from '../../core/policies/policy-schema';

/** The columns of a certificant import (CSV), in order: one row per certification held. */
export const IMPORT_COLUMNS = [
  'number',
  'legal_name',
  'emails',
  'birth_date',
  'city',
  'region',
  'member',
  'program',
  'awarded',
  'renewed_through',
] as const;

const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional();

export const heldCertificationSchema = z.strictObject({
  program: z.string().min(1, 'is required'),
  awarded: isoDateSchema,
  renewedThrough: isoDateSchema.nullable().optional(),
});

/** A certificant as an admin enters them (or as one row group of an import). */
export const newPersonSchema = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,32}$/, 'must be 1 to 32 letters, digits or hyphens')
    .optional(),
  legalName: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  birthDate: isoDateSchema.nullable().optional(),
  emails: z.array(z.email('must be an e-mail address').max(320)).max(10).default([]),
  city: optionalText(120),
  region: optionalText(120),
  member: z.boolean().default(false),
  certifications: z.array(heldCertificationSchema).max(20).default([]),
});
export type NewPerson = z.output<typeof newPersonSchema>;

/** What a profile edit may change; at least one field. */
export const profileChangeSchema = z
  .strictObject({
    legalName: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters').optional(),
    birthDate: isoDateSchema.nullable().optional(),
    city: optionalText(120),
    region: optionalText(120),
    member: z.boolean().optional(),
    contactEmails: z
      .array(
        z
          .email('must be an e-mail address')
          .max(320)
          .transform((email) => email.toLowerCase()),
      )
      .max(10, 'at most 10 addresses')
      .optional(),
  })
  .refine((change) => Object.keys(change).length > 0, 'change at least one field');
export type ProfileChange = z.output<typeof profileChangeSchema>;
