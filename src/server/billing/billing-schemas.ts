import { z } from 'zod';
import { isoDateSchema } from '../../core/policies/policy-schema';

/*
 * Billing's requests and answers: the single source of validation, types and
 * the OpenAPI document. No server-only imports, so the web forms use them too.
 */

const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const cents = z
  .number('must be an amount in cents')
  .int('must be a whole number of cents')
  .positive('must be more than zero')
  .max(100_000_000, 'must be at most 1,000,000.00');

export const PAYER_KINDS = ['person', 'employer'] as const;
export const INVOICE_STATUS_VALUES = ['due', 'paid', 'credited', 'refund-due'] as const;

export const checkPaymentInputSchema = z.strictObject({
  checkNumber: text(32).regex(/^[A-Za-z0-9-]+$/, 'must be the number printed on the check (letters, digits, dashes)'),
  cents,
  /** The date written on the check. */
  writtenOn: isoDateSchema,
  /** When it arrived; today (in the body's time zone) when left out. */
  receivedOn: isoDateSchema.optional(),
  payerKind: z.enum(PAYER_KINDS),
  payerName: text(200),
});
export type CheckPaymentInput = z.output<typeof checkPaymentInputSchema>;

export const cardSchema = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^[\d -]{12,23}$/, 'must be the card number (digits, spaces allowed)'),
  expMonth: z.number('must be a month').int().min(1, 'must be a month from 1 to 12').max(12, 'must be a month from 1 to 12'),
  expYear: z.number('must be a year').int().min(2000, 'must be a four-digit year').max(2100, 'must be a four-digit year'),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, 'must be the 3 or 4 digits on the card'),
  holderName: text(200),
});

export const cardPaymentInputSchema = z.strictObject({
  /** What to pay; the whole balance when left out. */
  cents: cents.optional(),
  /** Made by the payer's page for one attempt: a retried request with it never charges twice. */
  idempotencyKey: z.uuid('must be a UUID made for this payment attempt'),
  card: cardSchema,
});
export type CardPaymentInput = z.output<typeof cardPaymentInputSchema>;

/** An employer paying through the pay link says who they are. */
export const employerCardPaymentInputSchema = cardPaymentInputSchema.extend({ organisation: text(200) });
export type EmployerCardPaymentInput = z.output<typeof employerCardPaymentInputSchema>;

export const creditInputSchema = z.strictObject({
  cents,
  reason: text(500),
});
export type CreditInput = z.output<typeof creditInputSchema>;

export const invoiceLineSchema = z.object({ code: z.string(), label: z.string(), cents: z.number().int() });

export const invoiceCreditSchema = z.object({
  id: z.uuid(),
  cents: z.number().int(),
  lineCode: z.string().nullable(),
  reason: z.string(),
  /** Null when a rule gave it (a check dated on time). */
  byUserId: z.uuid().nullable(),
  at: z.string(),
});

export const invoicePaymentSchema = z.object({
  id: z.uuid(),
  method: z.enum(['check', 'card']),
  cents: z.number().int(),
  payerKind: z.enum(PAYER_KINDS),
  payerName: z.string(),
  checkNumber: z.string().nullable(),
  checkWrittenOn: z.string().nullable(),
  receivedOn: z.string(),
  provider: z.string().nullable(),
  providerReference: z.string().nullable(),
  cardBrand: z.string().nullable(),
  cardLast4: z.string().nullable(),
  recordedAt: z.string(),
});

const invoiceHeader = {
  id: z.uuid(),
  number: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  subject: z.enum(['renewal', 'extension']),
  subjectId: z.uuid(),
  currency: z.string(),
  totalCents: z.number().int(),
  issuedOn: z.string(),
  paidOn: z.string().nullable(),
  status: z.enum(INVOICE_STATUS_VALUES),
  /** Still owed; negative when the body owes the payer a refund. */
  balanceCents: z.number().int(),
};

export const invoiceSummarySchema = z.object(invoiceHeader);
export type InvoiceSummary = z.output<typeof invoiceSummarySchema>;

export const invoiceViewSchema = z.object({
  ...invoiceHeader,
  lines: z.array(invoiceLineSchema),
  onTimeThrough: z.string().nullable(),
  creditedCents: z.number().int(),
  paidCents: z.number().int(),
  /** The most a staff credit may take off now. */
  creditableCents: z.number().int(),
  credits: z.array(invoiceCreditSchema),
  payments: z.array(invoicePaymentSchema),
  /** The secret of the employer pay link (`/pay/:bodyId/:payToken`). */
  payToken: z.string(),
});
export type InvoiceView = z.output<typeof invoiceViewSchema>;

/** What the pay link shows anyone holding it: the invoice and what is owed, nothing else about the person. */
export const payLinkViewSchema = z.object({
  bodyId: z.string(),
  bodyName: z.string(),
  number: z.string(),
  personName: z.string(),
  currency: z.string(),
  issuedOn: z.string(),
  lines: z.array(invoiceLineSchema),
  credits: z.array(z.object({ label: z.string(), cents: z.number().int() })),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  balanceCents: z.number().int(),
  status: z.enum(INVOICE_STATUS_VALUES),
});
export type PayLinkView = z.output<typeof payLinkViewSchema>;

export const invoiceListQuerySchema = z.object({
  status: z.enum(['unpaid', 'paid', 'all']).default('unpaid'),
});
