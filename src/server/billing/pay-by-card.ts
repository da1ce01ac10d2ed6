import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { recordAudit } from '../audit/record-audit';
import { todayOf } from '../certificants/get-progress';
import type { Db } from '../db/database';
import { payments } from '../db/schema/renewals';
import type { CardPaymentInput } from './billing-schemas';
import {
  balanceOf,
  formatMoney,
  loadInvoiceLedger,
  lockInvoiceLedger,
  type InvoiceLedger,
  type PaymentRow,
} from './invoice-ledger';
import type { PaymentProvider } from './payment-provider';
import { settleIfPaid } from './settle-invoice';

export interface CardPaymentResult {
  ledger: InvoiceLedger;
  payment: PaymentRow;
  /** True when this request repeated one already paid (same idempotency key): nothing was charged again. */
  repeated: boolean;
}

/**
 * Pays (part of) an invoice by card through the payment provider, for the
 * certificant or for an employer using the pay link. Idempotent: a request
 * repeating an idempotency key gets the payment the first one made, and the
 * provider, given the same key, answers with the same reference, which the
 * payments table records once. A declined card records nothing.
 *
 * The charge happens outside the transaction (a provider call must never hold
 * a lock); if another payment settled the invoice meanwhile, the money taken
 * is still recorded and the invoice shows a refund due.
 */
export async function payByCard(options: {
  db: Db;
  registry: PolicyRegistry;
  provider: PaymentProvider;
  bodyId: string;
  invoiceId: string;
  input: CardPaymentInput;
  payer: { kind: 'person' | 'employer'; name: string };
  actorUserId: string | null;
  now: Date;
}): Promise<CardPaymentResult> {
  const { db, provider, bodyId, invoiceId, input, actorUserId } = options;
  const before = await loadInvoiceLedger(db, bodyId, invoiceId);
  const earlier = before.payments.find((payment) => payment.idempotencyKey === input.idempotencyKey);
  if (earlier) return { ledger: before, payment: earlier, repeated: true };
  const { invoice } = before;
  const owed = balanceOf(invoice, before.credits, before.payments);
  const cents = input.cents ?? owed;
  if (owed <= 0 || cents > owed) {
    throw new RecertError('invalid-input', 'the payment is for more than is owed', [
      {
        path: 'cents',
        message:
          owed <= 0 ? 'nothing is owed on this invoice' : `must be at most ${formatMoney(owed, invoice.currency)}, what is owed`,
      },
    ]);
  }
  const outcome = await provider.createPayment({
    amountCents: cents,
    currency: invoice.currency,
    description: `${bodyId.toUpperCase()} invoice ${invoice.number}`,
    card: input.card,
    idempotencyKey: `${bodyId}:${invoiceId}:${input.idempotencyKey}`,
  });
  if (outcome.status === 'declined') {
    throw new RecertError('invalid-input', `the card was not charged: ${outcome.declineReason}`, [
      { path: outcome.field ? `card.${outcome.field}` : 'card', message: outcome.declineReason },
    ]);
  }
  const today = todayOf(options.registry, bodyId, options.now);
  return db.transaction(async (tx) => {
    let ledger = await lockInvoiceLedger(tx, bodyId, invoiceId);
    const [payment] = await tx
      .insert(payments)
      .values({
        bodyId,
        invoiceId,
        method: 'card',
        cents,
        payerKind: options.payer.kind,
        payerName: options.payer.name,
        receivedOn: today,
        provider: provider.name,
        providerReference: outcome.reference,
        idempotencyKey: input.idempotencyKey,
        cardBrand: outcome.cardBrand,
        cardLast4: outcome.cardLast4,
        recordedBy: actorUserId,
        recordedAt: options.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!payment) {
      // The same attempt arrived twice at once: the other request recorded it.
      const [recorded] = await tx
        .select()
        .from(payments)
        .where(
          and(
            eq(payments.bodyId, bodyId),
            eq(payments.provider, provider.name),
            eq(payments.providerReference, outcome.reference),
          ),
        );
      if (!recorded) throw new RecertError('conflict', 'this payment attempt conflicts with another; try again');
      return { ledger, payment: recorded, repeated: true };
    }
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'invoice',
      entityId: invoiceId,
      personId: invoice.personId,
      action: 'payment.recorded',
      after: {
        method: 'card',
        cents,
        payerKind: options.payer.kind,
        payerName: options.payer.name,
        provider: provider.name,
        reference: outcome.reference,
        card: `${outcome.cardBrand} ending ${outcome.cardLast4}`,
      },
    });
    ledger = { ...ledger, payments: [...ledger.payments, payment] };
    const paidOn = await settleIfPaid(tx, { ledger, on: today, actorUserId });
    if (paidOn) ledger = { ...ledger, invoice: { ...ledger.invoice, paidOn } };
    return { ledger, payment, repeated: false };
  });
}
