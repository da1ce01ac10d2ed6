import { z } from 'zod';
import { EXTENSION_STATES } from '../db/schema/renewals';

/** POST .../people/:personId/extensions: the certification and the activities whose certificates support the request. */
export const requestExtensionBodySchema = z.strictObject({
  program: z.string().min(1).max(64),
  activityIds: z
    .array(z.uuid('must be an activity id'))
    .min(1, 'pick the activities whose certificates support the request')
    .max(500),
  /** Why more time is needed (optional; staff read it). */
  note: z.string().trim().max(2000).optional(),
});
export type RequestExtensionBody = z.output<typeof requestExtensionBodySchema>;

/** POST .../extensions/:extensionId/decision: a refusal says why. */
export const extensionDecisionBodySchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('grant'), reason: z.string().trim().max(2000).optional() }),
  z.strictObject({ decision: z.literal('refuse'), reason: z.string().trim().min(1, 'a refusal needs a reason').max(2000) }),
]);
export type ExtensionDecisionBody = z.output<typeof extensionDecisionBodySchema>;

export const extensionInvoiceSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  totalCents: z.number().int(),
  currency: z.string(),
  paidOn: z.string().nullable(),
});

/** One extension request as people and staff see it. */
export const extensionSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  program: z.string(),
  designation: z.string(),
  cycle: z.object({ start: z.string(), end: z.string() }),
  state: z.enum(EXTENSION_STATES),
  requestedAt: z.string(),
  note: z.string().nullable(),
  activityIds: z.array(z.uuid()),
  /** Credit carried by the activities with certificates, when requested. */
  evidencedCredits: z.number(),
  /** The share of the cycle's requirement the policy asks to be evidenced (null when the figures are not stored). */
  neededCredits: z.number().nullable(),
  /** The due date once granted. */
  newDue: z.string(),
  invoice: extensionInvoiceSchema.nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
export type ExtensionView = z.output<typeof extensionSchema>;

/** What a person may request for one certification now: the policy's terms and the activities that could support it. */
export const extensionTermsSchema = z.object({
  program: z.string(),
  designation: z.string(),
  /** False when the program has no extensions (the reason says so). */
  offered: z.boolean(),
  /** Whether a request could be made now; when not, `reason` says why. */
  open: z.boolean(),
  reason: z.string().nullable(),
  cycle: z.object({ start: z.string(), end: z.string() }),
  due: z.string(),
  /** The instant requests close, and how people read it (local date, time and zone). */
  requestBy: z.string().nullable(),
  requestByText: z.string().nullable(),
  newDue: z.string().nullable(),
  evidence: z.string().nullable(),
  requiredCredits: z.number(),
  neededCredits: z.number().nullable(),
  feeCents: z.number().int().nullable(),
  currency: z.string(),
  /** The cycle's activities that earn credit, with whether each has a certificate (an upload or a provider's confirmation). */
  activities: z.array(
    z.object({ id: z.uuid(), title: z.string(), date: z.string(), credits: z.number(), hasCertificate: z.boolean() }),
  ),
});
export type ExtensionTerms = z.output<typeof extensionTermsSchema>;

/** GET .../people/:personId/extensions. */
export const personExtensionsSchema = z.object({
  extensions: z.array(extensionSchema),
  terms: z.array(extensionTermsSchema),
});

/** GET /api/v1/bodies/:bodyId/extensions: staff's queue, oldest first. */
export const extensionQueueSchema = z.object({
  items: z.array(
    z.object({
      extension: extensionSchema,
      person: z.object({ id: z.uuid(), number: z.string(), legalName: z.string() }),
    }),
  ),
});
export type ExtensionQueue = z.output<typeof extensionQueueSchema>;
