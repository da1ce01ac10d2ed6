import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { recordAudit } from '../audit/record-audit';
import { todayOf } from '../certificants/get-progress';
import type { Db, Tx } from '../db/database';
import { payments } from '../db/schema/renewals';
import type { CardPaymentInput } from './billing-schemas';
import {
  lockInvoiceLedger,
  overpaymentError,
  payableOf,
  type InvoiceLedger,
  type InvoiceRow,
  type PaymentRow,
} from './invoice-ledger';
import type { PaymentProvider } from './payment-provider';
import { settleIfPaid } from './settle-invoice';

interface PayByCardOptions {
  db: Db;
  registry: PolicyRegistry;
  provider: PaymentProvider;
  bodyId: string;
  invoiceId: string;
  input: CardPaymentInput;
  payer: { kind: 'person' | 'employer'; name: string };
  actorUserId: string | null;
  now: Date;
}

export interface CardPaymentResult {
  ledger: InvoiceLedger;
  payment: PaymentRow;
  /** True when this request repeated an earlier attempt (same idempotency key): the card was never charged twice. */
  repeated: boolean;
}

/**
 * Pays (part of) an invoice by card through the payment provider, for the
 * certificant or for an employer using the pay link, in three steps so that
 * no database lock is held while the provider is called:
 *
 * 1. under the invoice's ledger lock, the amount is reserved: a pending
 *    payment row, which a second attempt (another key: the person and their
 *    employer paying at the same moment) counts, and is refused as paying
 *    more than is owed; a pending amount is never counted as paid;
 * 2. the provider charges the card;
 * 3. under the lock again, the row is marked succeeded and the invoice
 *    settled, or, when the card is declined, the row is deleted.
 *
 * Idempotent: a request repeating an idempotency key gets the payment the
 * first one made; one repeating a key still pending (the first died, or is
 * still with the provider) asks the provider again with the same key, which
 * answers with the first outcome and never charges twice. When the provider
 * cannot be reached the outcome is unknown (the card may have been
 * charged): the reservation stays, for a retry with the same key, and stops
 * blocking other payments after RESERVATION_MS.
 */
export async function payByCard(options: PayByCardOptions): Promise<CardPaymentResult> {
  const { db, provider, bodyId, invoiceId, input, actorUserId } = options;
  const reserved = await db.transaction((tx) => reserve(tx, options));
  if ('recorded' in reserved) return { ledger: reserved.ledger, payment: reserved.recorded, repeated: true };
  const { attempt, invoice } = reserved;
  // A throw here (provider unreachable) leaves the reservation pending for the retry.
  const outcome = await provider.createPayment({
    amountCents: attempt.cents,
    currency: invoice.currency,
    description: `${bodyId.toUpperCase()} invoice ${invoice.number}`,
    card: input.card,
    idempotencyKey: `${bodyId}:${invoiceId}:${attempt.idempotencyKey}`,
  });
  if (outcome.status === 'declined') {
    await db
      .delete(payments)
      .where(and(eq(payments.bodyId, bodyId), eq(payments.id, attempt.id), eq(payments.status, 'pending')));
    throw new RecertError('invalid-input', `the card was not charged: ${outcome.declineReason}`, [
      { path: outcome.field ? `card.${outcome.field}` : 'card', message: outcome.declineReason },
    ]);
  }
  const today = todayOf(options.registry, bodyId, options.now);
  return db.transaction(async (tx) => {
    let ledger = await lockInvoiceLedger(tx, bodyId, invoiceId);
    const [payment] = await tx
      .update(payments)
      .set({
        status: 'succeeded',
        receivedOn: today,
        providerReference: outcome.reference,
        cardBrand: outcome.cardBrand,
        cardLast4: outcome.cardLast4,
        recordedAt: options.now,
      })
      .where(and(eq(payments.bodyId, bodyId), eq(payments.id, attempt.id), eq(payments.status, 'pending')))
      .returning();
    if (!payment) {
      // The same attempt, repeated at the same moment, was recorded by the other request.
      const recorded = ledger.payments.find((row) => row.id === attempt.id);
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
        cents: payment.cents,
        payerKind: payment.payerKind,
        payerName: payment.payerName,
        provider: provider.name,
        reference: outcome.reference,
        card: `${outcome.cardBrand} ending ${outcome.cardLast4}`,
      },
    });
    ledger = {
      ...ledger,
      payments: [...ledger.payments, payment],
      reservations: ledger.reservations.filter((row) => row.id !== payment.id),
    };
    const paidOn = await settleIfPaid(tx, { ledger, on: today, actorUserId });
    if (paidOn) ledger = { ...ledger, invoice: { ...ledger.invoice, paidOn } };
    return { ledger, payment, repeated: reserved.resumed };
  });
}

/**
 * Step 1, under the ledger lock: the payment this key already made, or this
 * key's reservation (new, or pending from an earlier request: `resumed`).
 */
async function reserve(
  tx: Tx,
  options: PayByCardOptions,
): Promise<{ recorded: PaymentRow; ledger: InvoiceLedger } | { attempt: PaymentRow; invoice: InvoiceRow; resumed: boolean }> {
  const { bodyId, invoiceId, input, now } = options;
  const ledger = await lockInvoiceLedger(tx, bodyId, invoiceId);
  const { invoice } = ledger;
  const recorded = ledger.payments.find((payment) => payment.idempotencyKey === input.idempotencyKey);
  if (recorded) return { recorded, ledger };
  const pending = ledger.reservations.find((payment) => payment.idempotencyKey === input.idempotencyKey);
  if (pending) return { attempt: pending, invoice, resumed: true };
  const payable = payableOf(ledger, now);
  const cents = input.cents ?? payable;
  if (payable <= 0 || cents > payable) throw overpaymentError(ledger, now, 'the payment');
  const [attempt] = await tx
    .insert(payments)
    .values({
      bodyId,
      invoiceId,
      method: 'card',
      status: 'pending',
      cents,
      payerKind: options.payer.kind,
      payerName: options.payer.name,
      // Until the provider answers: then the day the money was taken.
      receivedOn: todayOf(options.registry, bodyId, now),
      provider: options.provider.name,
      idempotencyKey: input.idempotencyKey,
      recordedBy: options.actorUserId,
      recordedAt: now,
    })
    .returning();
  return { attempt: attempt!, invoice, resumed: false };
}
