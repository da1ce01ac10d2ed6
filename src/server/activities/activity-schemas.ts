import { z } from 'zod';
import { isoDateSchema } from '../../core/policies/policy-schema';

const hours = z
  .number('must be a number of hours')
  .finite()
  .min(0, 'must not be negative')
  .max(1000, 'must be at most 1000')
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, 'must have at most two decimals');

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** What a person records for one CE activity: the single source of validation, types and the OpenAPI document. */
export const activityInputSchema = z
  .strictObject({
    title: text(300).min(1, 'is required'),
    provider: text(300).nullable().optional(),
    type: z.string().min(1, 'is required'),
    startDate: isoDateSchema,
    endDate: isoDateSchema.nullable().optional(),
    hours,
    categories: z
      .array(z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case words joined by hyphens'))
      .max(10)
      .default([]),
    approvalCode: text(64).nullable().optional(),
    city: text(120).nullable().optional(),
    region: text(120).nullable().optional(),
    virtual: z.boolean().default(false),
  })
  .refine((a) => !a.endDate || a.endDate >= a.startDate, { path: ['endDate'], message: 'must not be before startDate' });

export type ActivityInputBody = z.output<typeof activityInputSchema>;

export const activitySchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  title: z.string(),
  provider: z.string().nullable(),
  type: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  hours: z.number(),
  categories: z.array(z.string()),
  approved: z.boolean(),
  approvalCode: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  virtual: z.boolean(),
  review: z.enum(['not-needed', 'pending', 'approved', 'rejected']),
  reviewReason: z.string().nullable(),
  locked: z.boolean(),
});
export type ActivityView = z.output<typeof activitySchema>;

/** The columns a person's entry sets, for a new activity or a changed one. */
export function activityColumns(input: ActivityInputBody, needsApproval: boolean) {
  return {
    title: input.title,
    provider: input.provider ?? null,
    type: input.type,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    hundredths: Math.round(input.hours * 100),
    categories: input.categories,
    approvalCode: input.approvalCode ?? null,
    city: input.city ?? null,
    region: input.region ?? null,
    virtual: input.virtual,
    review: needsApproval ? ('pending' as const) : ('not-needed' as const),
  };
}
