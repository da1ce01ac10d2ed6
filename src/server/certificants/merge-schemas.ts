import { z } from 'zod';

const reasonSchema = z.string().trim().min(3, 'say why, in at least 3 characters').max(1000, 'must be at most 1000 characters');

/** One side of a likely duplicate: enough for an admin to tell the two apart before merging. */
export const duplicateSideSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  legalName: z.string(),
  birthDate: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  emails: z.array(z.string()),
  programs: z.array(z.object({ program: z.string(), awarded: z.string() })),
  activities: z.number().int(),
  createdAt: z.string(),
});

export const duplicateReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('name-and-birth-date') }),
  z.object({ kind: z.literal('shared-email'), email: z.string() }),
]);

export const duplicatePairSchema = z.object({
  a: duplicateSideSchema,
  b: duplicateSideSchema,
  reasons: z.array(duplicateReasonSchema),
});
export const duplicatesSchema = z.object({ pairs: z.array(duplicatePairSchema) });
export type DuplicatePair = z.output<typeof duplicatePairSchema>;

/** The survivor keeps its number, name and profile; every record of the merged one moves to it. */
export const mergeRequestSchema = z
  .strictObject({ survivorId: z.uuid(), mergedId: z.uuid(), reason: reasonSchema })
  .refine((request) => request.survivorId !== request.mergedId, {
    path: ['mergedId'],
    message: 'must be another person than survivorId',
  });

export const reverseMergeRequestSchema = z.strictObject({ reason: reasonSchema });

const mergeSideSchema = z.object({ id: z.uuid(), number: z.string(), legalName: z.string() });

export const mergeSchema = z.object({
  id: z.uuid(),
  survivor: mergeSideSchema,
  merged: mergeSideSchema,
  reason: z.string(),
  mergedAt: z.string(),
  mergedBy: z.string().nullable(),
  moved: z.object({
    certifications: z.number().int(),
    activities: z.number().int(),
    evidence: z.number().int(),
    signIns: z.number().int(),
  }),
  /** Programs both held: the merged record keeps its own certification of these, and the survivor keeps theirs. */
  keptApart: z.array(z.string()),
  reversedAt: z.string().nullable(),
  reversedBy: z.string().nullable(),
  reverseReason: z.string().nullable(),
});
export type MergeView = z.output<typeof mergeSchema>;
export const mergesSchema = z.object({ merges: z.array(mergeSchema) });
