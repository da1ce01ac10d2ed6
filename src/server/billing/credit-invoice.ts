import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { recordAudit } from '../audit/record-audit';
import { todayOf } from '../certificants/get-progress';
import type { Db } from '../db/database';
import { invoiceCredits } from '../db/schema/renewals';
import type { CreditInput } from './billing-schemas';
import { creditableOf, formatMoney, lockInvoiceLedger, type InvoiceLedger } from './invoice-ledger';
import { settleIfPaid } from './settle-invoice';

/**
 * An admin credits an invoice: a waiver of what is owed, or a refund of what
 * was paid (the balance then goes below zero: the body owes the payer). A
 * credit never takes off more than the invoice charged less earlier credits.
 * The invoice itself is never edited.
 */
export async function creditInvoice(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  invoiceId: string;
  input: CreditInput;
  actorUserId: string;
  now: Date;
}): Promise<InvoiceLedger> {
  const { db, bodyId, invoiceId, input, actorUserId } = options;
  return db.transaction(async (tx) => {
    let ledger = await lockInvoiceLedger(tx, bodyId, invoiceId);
    const creditable = creditableOf(ledger);
    if (input.cents > creditable) {
      throw new RecertError('invalid-input', 'the credit is more than the invoice charged', [
        {
          path: 'cents',
          message:
            creditable <= 0
              ? 'the invoice is already credited in full'
              : `must be at most ${formatMoney(creditable, ledger.invoice.currency)}, the total less earlier credits`,
        },
      ]);
    }
    const [credit] = await tx
      .insert(invoiceCredits)
      .values({
        bodyId,
        invoiceId,
        cents: input.cents,
        lineCode: null,
        reason: input.reason,
        byUserId: actorUserId,
        at: options.now,
      })
      .returning();
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'invoice',
      entityId: invoiceId,
      personId: ledger.invoice.personId,
      action: 'invoice.credited',
      after: { cents: input.cents },
      reason: input.reason,
    });
    ledger = { ...ledger, credits: [...ledger.credits, credit!] };
    const paidOn = await settleIfPaid(tx, { ledger, on: todayOf(options.registry, bodyId, options.now), actorUserId });
    return paidOn ? { ...ledger, invoice: { ...ledger.invoice, paidOn } } : ledger;
  });
}
