import { z } from 'zod';

/*
 * The renewal API's shapes: the single source of its types, its validation and
 * its OpenAPI document, shared with the web app (no server-only imports here).
 */

const date = z.string().describe('YYYY-MM-DD');

export const feeLineSchema = z.object({ code: z.string(), label: z.string(), cents: z.number().int() });

/** What submitting today would cost, or why it cannot be submitted today. */
export const quoteSchema = z.discriminatedUnion('accepted', [
  z.object({
    accepted: z.literal(true),
    phase: z.enum(['on-time', 'late', 'grace']),
    currency: z.string(),
    lines: z.array(feeLineSchema),
    totalCents: z.number().int(),
    notes: z.array(z.string()),
  }),
  z.object({ accepted: z.literal(false), reason: z.enum(['not-open', 'expired']), explanation: z.string() }),
]);

export const auditDrawSchema = z.object({
  rule: z.enum(['random', 'extension', 'reinstatement', 'staff']),
  seed: z.string().optional(),
  value: z.number().optional(),
  share: z.number().optional(),
});

export const renewalItemSchema = z.object({
  activityId: z.uuid(),
  title: z.string(),
  type: z.string(),
  startDate: date,
  endDate: date.nullable(),
  /** Credit the engine gave the activity at submission. */
  credits: z.number(),
  decision: z.enum(['pending', 'accepted', 'rejected']),
  reason: z.string().nullable(),
  /** Evidence files uploaded for the activity (links: /api/v1/bodies/:bodyId/people/:personId/evidence/:id). */
  evidence: z.array(z.object({ id: z.uuid(), filename: z.string() })),
  /** The provider confirmed completion (attendance with a confirmation issued). */
  providerConfirmed: z.boolean(),
});

export const renewalSchema = z.object({
  id: z.uuid(),
  bodyId: z.string(),
  personId: z.uuid(),
  certificationId: z.uuid(),
  programId: z.string(),
  cycle: z.object({ start: date, end: date }),
  state: z.enum(['submitted', 'returned', 'approved', 'withdrawn']),
  phase: z.enum(['on-time', 'late', 'grace']),
  submittedOn: date,
  automatic: z.boolean(),
  ethicsAttestation: z.object({ title: z.string(), tenets: z.array(z.string()), attestedAt: z.string() }).nullable(),
  figures: z.object({
    required: z.object({ total: z.number(), minimums: z.record(z.string(), z.number()) }),
    earned: z.object({ total: z.number(), minimums: z.record(z.string(), z.number()) }),
    missing: z.array(z.string()),
  }),
  auditSelected: z.boolean(),
  auditDraw: auditDrawSchema.nullable(),
  invoice: z
    .object({ id: z.uuid(), number: z.string(), currency: z.string(), totalCents: z.number().int(), paidOn: date.nullable() })
    .nullable(),
  /** Every invoice of this cycle's applications is paid: staff may decide. */
  paid: z.boolean(),
  decidedAt: z.string().nullable(),
  decisionReasons: z.array(z.string()),
  renewedThrough: date.nullable(),
  items: z.array(renewalItemSchema),
});
export type RenewalView = z.output<typeof renewalSchema>;

/** GET .../certifications/:certificationId/renewal: what renewing means today. */
export const renewalOptionsSchema = z.object({
  asOf: date,
  certificationId: z.uuid(),
  programId: z.string(),
  designation: z.string(),
  unit: z.object({ one: z.string(), many: z.string() }),
  status: z.string(),
  cycle: z.object({ start: date, end: date }),
  /** The program renews by itself at the cycle end when requirements are met (no application window). */
  automatic: z.boolean(),
  window: z.object({
    opens: date.nullable(),
    due: date,
    lateUntil: date.nullable(),
    graceUntil: date.nullable(),
    extendedTo: date.nullable(),
  }),
  quote: quoteSchema,
  /** The code of ethics to re-attest, in full; null when the program has none. */
  ethics: z.object({ title: z.string(), tenets: z.array(z.string()) }).nullable(),
  ethicsNote: z.string().nullable(),
  /** The cycle's activities with the credit the engine gives each; `selected` for those it credits. */
  activities: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      type: z.string(),
      startDate: date,
      endDate: date.nullable(),
      claimed: z.number(),
      credits: z.number(),
      explanation: z.string().nullable(),
      selected: z.boolean(),
    }),
  ),
  required: z.object({ total: z.number(), minimums: z.record(z.string(), z.number()) }),
  /** What submitting the pre-selected activities today would be refused for (empty when it would be accepted). */
  refusals: z.array(z.string()),
  applications: z.array(renewalSchema),
});
export type RenewalOptions = z.output<typeof renewalOptionsSchema>;

export const submitRenewalBodySchema = z.strictObject({
  activityIds: z.array(z.uuid()).max(1000),
  /** Required (true) when the program has a code of ethics. */
  ethicsAttested: z.boolean().default(false),
});

export const itemDecisionBodySchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accepted'), reason: z.string().trim().max(2000).optional() }),
  z.strictObject({ decision: z.literal('rejected'), reason: z.string().trim().min(1, 'a rejection needs a reason').max(2000) }),
]);

export const returnBodySchema = z.strictObject({
  reasons: z.array(z.string().trim().min(1).max(2000)).min(1, 'give at least one reason').max(50),
});

export const queueEntrySchema = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), number: z.string(), legalName: z.string() }),
  programId: z.string(),
  designation: z.string(),
  cycleEnd: date,
  phase: z.enum(['on-time', 'late', 'grace']),
  submittedOn: date,
  automatic: z.boolean(),
  auditSelected: z.boolean(),
  /** Paid on (the last invoice of the cycle to be paid); null while awaiting payment. */
  paidOn: date.nullable(),
  /** Days since payment, against the review target; null while awaiting payment. */
  daysSincePaid: z.number().int().nullable(),
  targetDays: z.number().int(),
  overdue: z.boolean(),
  /** Audit items decided and still pending. */
  itemsPending: z.number().int(),
});
export type QueueEntry = z.output<typeof queueEntrySchema>;

export const renewalQueueSchema = z.object({
  asOf: date,
  state: z.enum(['submitted', 'approved', 'returned']),
  /** Paid applications (submitted): oldest payment first. Other states: newest first. */
  items: z.array(queueEntrySchema),
  /** Submitted but not yet paid: staff do not decide these yet. */
  awaitingPayment: z.array(queueEntrySchema),
});
export type RenewalQueue = z.output<typeof renewalQueueSchema>;

export const renewalQueueQuerySchema = z.object({
  state: z.enum(['submitted', 'approved', 'returned']).default('submitted'),
  automatic: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
});

/** GET .../people/:personId/renewals: each certification held, where it stands, and its latest application. */
export const personRenewalsSchema = z.object({
  asOf: date,
  certifications: z.array(
    z.object({
      certificationId: z.uuid(),
      programId: z.string(),
      designation: z.string(),
      status: z.string(),
      cycle: z.object({ start: date, end: date }),
      opens: date.nullable(),
      due: date,
      compliant: z.boolean(),
      latest: z
        .object({
          id: z.uuid(),
          state: z.enum(['submitted', 'returned', 'approved', 'withdrawn']),
          submittedOn: date,
          cycleEnd: date,
        })
        .nullable(),
    }),
  ),
});
export type PersonRenewals = z.output<typeof personRenewalsSchema>;
