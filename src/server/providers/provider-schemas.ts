import { z } from 'zod';
import { newPasswordSchema } from '../accounts/account-schemas';
import { PROVIDER_KINDS, PROVIDER_STATUSES } from './provider-kinds';

const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional();

/** What a provider says about itself: who it is and how the body and the public reach it. */
export const providerDetailsSchema = z.strictObject({
  name: text(200),
  kind: z.enum(PROVIDER_KINDS, `must be one of ${PROVIDER_KINDS.join(', ')}`),
  contactName: text(200),
  email: z.email('must be an e-mail address').max(320),
  phone: optionalText(40),
  website: z.url('must be a web address').max(500).nullable().optional(),
  city: optionalText(120),
  region: optionalText(120),
});
export type ProviderDetails = z.output<typeof providerDetailsSchema>;

/**
 * Anyone may register a provider. Someone signed in registers with their
 * account; anyone else creates one here (and signs in with it afterwards).
 */
export const registrationSchema = z.strictObject({
  provider: providerDetailsSchema,
  account: z
    .strictObject({
      displayName: text(200),
      email: z.email('must be an e-mail address').max(320),
      password: newPasswordSchema,
    })
    .optional(),
});

export const providerChangeSchema = providerDetailsSchema
  .partial()
  .refine((change) => Object.keys(change).length > 0, 'change at least one field');

export const providerSchema = z.object({
  id: z.uuid(),
  bodyId: z.string(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  contactName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  status: z.enum(PROVIDER_STATUSES),
  statusReason: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ProviderView = z.output<typeof providerSchema>;

export const NOTICE_KINDS = ['note', 'warning', 'suspension', 'termination', 'reinstatement'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const noticeRequestSchema = z.strictObject({
  kind: z.enum(NOTICE_KINDS, `must be one of ${NOTICE_KINDS.join(', ')}`),
  text: text(4000),
});

export const noticeSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTICE_KINDS),
  text: z.string(),
  at: z.string(),
  by: z.string().nullable(),
  /** For a termination: the last day an appeal may be filed. */
  appealBy: z.string().nullable(),
});
export const noticesSchema = z.object({ notices: z.array(noticeSchema) });
