import { and, asc, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { DbOrTx, Tx } from '../db/database';
import { invoiceCredits, invoices, payments } from '../db/schema/renewals';

export type InvoiceRow = typeof invoices.$inferSelect;
export type CreditRow = typeof invoiceCredits.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;

/** An invoice with everything that changed what is owed on it. */
export interface InvoiceLedger {
  invoice: InvoiceRow;
  credits: CreditRow[];
  /** Money received (status succeeded): what "paid" counts. */
  payments: PaymentRow[];
  /** Card charges reserved and sent to the provider, not yet answered (status pending): never paid, but see payableOf. */
  reservations: PaymentRow[];
}

/**
 * How long a card charge's reservation blocks other payments. A provider
 * answers (or its call times out) within a minute or two; a reservation older
 * than this belongs to a request that died mid-way, and must not leave the
 * invoice unpayable. Its retry (same idempotency key) still finishes it; if
 * that finds the invoice paid meanwhile, the invoice shows a refund due.
 */
export const RESERVATION_MS = 15 * 60_000;

/**
 * due: something is owed; paid: settled, with money received (or nothing was
 * ever owed); credited: settled by credits alone; refund-due: credits after
 * payment (a refund or a waiver) leave the body owing the payer.
 */
export const INVOICE_STATUSES = ['due', 'paid', 'credited', 'refund-due'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

const sum = (rows: readonly { cents: number }[]) => rows.reduce((total, row) => total + row.cents, 0);

/** What is still owed, in cents: the total less credits less payments (negative when the body owes the payer). */
export function balanceOf(
  invoice: Pick<InvoiceRow, 'totalCents'>,
  credits: readonly { cents: number }[],
  paid: readonly { cents: number }[],
): number {
  return invoice.totalCents - sum(credits) - sum(paid);
}

export function statusOf(ledger: InvoiceLedger): InvoiceStatus {
  const balance = balanceOf(ledger.invoice, ledger.credits, ledger.payments);
  if (balance > 0) return 'due';
  if (balance < 0) return 'refund-due';
  return ledger.payments.length === 0 && ledger.credits.length > 0 ? 'credited' : 'paid';
}

/** Cents of the card charges reserved within RESERVATION_MS of `now`. */
export function reservedCentsOf(ledger: InvoiceLedger, now: Date): number {
  const since = now.getTime() - RESERVATION_MS;
  return sum(ledger.reservations.filter((row) => new Date(row.recordedAt).getTime() > since));
}

/** What a new payment may pay: the balance less the card charges reserved and not yet answered. */
export function payableOf(ledger: InvoiceLedger, now: Date): number {
  return balanceOf(ledger.invoice, ledger.credits, ledger.payments) - reservedCentsOf(ledger, now);
}

/**
 * The refusal of a payment (`what`: "the check", "the payment") of more than
 * payableOf, on its `cents`; `advice` follows the plain "at most" message.
 */
export function overpaymentError(ledger: InvoiceLedger, now: Date, what: string, advice = ''): RecertError {
  const payable = payableOf(ledger, now);
  const reserved = reservedCentsOf(ledger, now);
  const { currency } = ledger.invoice;
  let message: string;
  if (reserved > 0) {
    message =
      `a card payment of ${formatMoney(reserved, currency)} is being processed, so ` +
      (payable <= 0 ? 'nothing else is owed' : `at most ${formatMoney(payable, currency)} is left to pay`) +
      ': if that payment does not go through, try again in a few minutes';
  } else {
    message =
      payable <= 0
        ? 'nothing is owed on this invoice'
        : `must be at most ${formatMoney(payable, currency)}, what is owed${advice}`;
  }
  return new RecertError('invalid-input', `${what} is for more than is owed`, [{ path: 'cents', message }]);
}

/** The most a new credit may take off: what the invoice charged less what is already credited (payments may then be refunded). */
export function creditableOf(ledger: InvoiceLedger): number {
  return ledger.invoice.totalCents - sum(ledger.credits);
}

export function paidCentsOf(ledger: InvoiceLedger): number {
  return sum(ledger.payments);
}

async function ledgerOf(db: DbOrTx, invoice: InvoiceRow | undefined): Promise<InvoiceLedger> {
  if (!invoice) throw new RecertError('not-found', 'not found');
  const where = (table: typeof invoiceCredits | typeof payments) =>
    and(eq(table.bodyId, invoice.bodyId), eq(table.invoiceId, invoice.id));
  // One after the other: inside a transaction both would share one connection anyway.
  const credits = await db
    .select()
    .from(invoiceCredits)
    .where(where(invoiceCredits))
    .orderBy(asc(invoiceCredits.at), asc(invoiceCredits.id));
  const rows = await db.select().from(payments).where(where(payments)).orderBy(asc(payments.recordedAt), asc(payments.id));
  return {
    invoice,
    credits,
    payments: rows.filter((row) => row.status === 'succeeded'),
    reservations: rows.filter((row) => row.status === 'pending'),
  };
}

/** An invoice of the body and its credits and payments; 404 when the body has no such invoice. */
export async function loadInvoiceLedger(db: DbOrTx, bodyId: string, invoiceId: string): Promise<InvoiceLedger> {
  const [invoice] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.bodyId, bodyId), eq(invoices.id, invoiceId)));
  return ledgerOf(db, invoice);
}

/** The invoice behind a pay link; 404 for a token the body never issued. */
export async function loadLedgerByPayToken(db: DbOrTx, bodyId: string, payToken: string): Promise<InvoiceLedger> {
  const [invoice] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.bodyId, bodyId), eq(invoices.payToken, payToken)));
  return ledgerOf(db, invoice);
}

/**
 * The ledger with the invoice row locked until the transaction ends: every
 * payment and credit takes this first, so two at once never both fit a
 * balance that only one fits.
 */
export async function lockInvoiceLedger(tx: Tx, bodyId: string, invoiceId: string): Promise<InvoiceLedger> {
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.bodyId, bodyId), eq(invoices.id, invoiceId)))
    .for('update');
  return ledgerOf(tx, invoice);
}

/** What is still owed on an invoice now, for other contexts (the review queue reads `paidOn`, this says how much). */
export async function invoiceBalance(db: DbOrTx, bodyId: string, invoiceId: string): Promise<number> {
  const ledger = await loadInvoiceLedger(db, bodyId, invoiceId);
  return balanceOf(ledger.invoice, ledger.credits, ledger.payments);
}

/** "$50.00" */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}
