import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { creditLinesByRule } from './credit-lines';
import { recordAudit } from '../audit/record-audit';
import { todayOf } from '../certificants/get-progress';
import type { Db, Tx } from '../db/database';
import { payments } from '../db/schema/renewals';
import type { CheckPaymentInput } from './billing-schemas';
import { lockInvoiceLedger, overpaymentError, payableOf, type InvoiceLedger } from './invoice-ledger';
import { settleIfPaid } from './settle-invoice';

/** The lines a check dated on time takes off: they were charged only for paying late. */
const LATE_LINES = ['late', 'reinstatement'];

/**
 * Staff record a check received for an invoice. A check dated on or before
 * the invoice's `onTimeThrough` pays as if on time, whenever it arrives: the
 * late and reinstatement lines are credited (once, by the rule). The check
 * may not pay more than was owed before those credits (so a check for the
 * invoice as charged is taken, and what the credit then makes it overpay is
 * owed back: refund-due), and a check number is recorded once per invoice.
 * Settles the invoice when nothing more is owed.
 */
export async function recordCheckPayment(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  invoiceId: string;
  input: CheckPaymentInput;
  actorUserId: string;
  now: Date;
}): Promise<InvoiceLedger> {
  const { db, bodyId, invoiceId, input, actorUserId } = options;
  const today = todayOf(options.registry, bodyId, options.now);
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) {
    throw new RecertError('invalid-input', 'the check cannot have arrived after today', [
      { path: 'receivedOn', message: `must not be after today (${today})` },
    ]);
  }
  if (input.writtenOn > receivedOn) {
    throw new RecertError('invalid-input', 'a check dated after it arrived is post-dated', [
      {
        path: 'writtenOn',
        message: `must not be after the date received (${receivedOn}): record a post-dated check on its date`,
      },
    ]);
  }
  return db.transaction(async (tx) => {
    let ledger = await lockInvoiceLedger(tx, bodyId, invoiceId);
    if (ledger.payments.some((payment) => payment.method === 'check' && payment.checkNumber === input.checkNumber)) {
      throw new RecertError('conflict', `check ${input.checkNumber} is already recorded on this invoice`, [
        { path: 'checkNumber', message: 'is already recorded on this invoice' },
      ]);
    }
    // Against what was owed before the rule's credits: the rule's credit must never turn a check that paid the
    // invoice as charged into one refused; whatever it then pays beyond what is owed is owed back (refund-due).
    // A card charge being processed counts as paid here, so the two never both pay what only one is owed.
    if (input.cents > payableOf(ledger, options.now)) {
      throw overpaymentError(ledger, options.now, 'the check', ' (refuse the check or ask for a correct one)');
    }
    ledger = await creditLateLinesOfOnTimeCheck(tx, ledger, input);
    const [payment] = await tx
      .insert(payments)
      .values({
        bodyId,
        invoiceId,
        method: 'check',
        cents: input.cents,
        payerKind: input.payerKind,
        payerName: input.payerName,
        checkNumber: input.checkNumber,
        checkWrittenOn: input.writtenOn,
        receivedOn,
        recordedBy: actorUserId,
        recordedAt: options.now,
      })
      .returning();
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'invoice',
      entityId: invoiceId,
      personId: ledger.invoice.personId,
      action: 'payment.recorded',
      after: { method: 'check', cents: input.cents, checkNumber: input.checkNumber, writtenOn: input.writtenOn, receivedOn },
    });
    ledger = { ...ledger, payments: [...ledger.payments, payment!] };
    const paidOn = await settleIfPaid(tx, { ledger, on: receivedOn, actorUserId });
    return paidOn ? { ...ledger, invoice: { ...ledger.invoice, paidOn } } : ledger;
  });
}

async function creditLateLinesOfOnTimeCheck(tx: Tx, ledger: InvoiceLedger, input: CheckPaymentInput): Promise<InvoiceLedger> {
  const { invoice } = ledger;
  if (invoice.onTimeThrough === null || input.writtenOn > invoice.onTimeThrough) return ledger;
  return creditLinesByRule(
    tx,
    ledger,
    invoice.lines.filter((line) => LATE_LINES.includes(line.code)),
    (line) =>
      `Check ${input.checkNumber} is dated ${input.writtenOn}, on or before ${invoice.onTimeThrough}: ` +
      `it counts as paid on time, so the ${line.label.toLowerCase()} is credited.`,
  );
}
