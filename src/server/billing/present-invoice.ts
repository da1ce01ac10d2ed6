import type { InvoiceView, PayLinkView } from './billing-schemas';
import { balanceOf, creditableOf, paidCentsOf, statusOf, type InvoiceLedger } from './invoice-ledger';

const iso = (at: Date | string) => (at instanceof Date ? at.toISOString() : new Date(at).toISOString());

/** An invoice as its certificant and staff see it. */
export function presentInvoice(ledger: InvoiceLedger, personName: string): InvoiceView {
  const { invoice, credits, payments } = ledger;
  const creditedCents = credits.reduce((total, credit) => total + credit.cents, 0);
  return {
    id: invoice.id,
    number: invoice.number,
    personId: invoice.personId,
    personName,
    subject: invoice.subject,
    subjectId: invoice.subjectId,
    currency: invoice.currency,
    totalCents: invoice.totalCents,
    issuedOn: invoice.issuedOn,
    paidOn: invoice.paidOn,
    status: statusOf(ledger),
    balanceCents: balanceOf(invoice, credits, payments),
    lines: invoice.lines,
    onTimeThrough: invoice.onTimeThrough,
    creditedCents,
    paidCents: paidCentsOf(ledger),
    creditableCents: creditableOf(ledger),
    credits: credits.map((credit) => ({
      id: credit.id,
      cents: credit.cents,
      lineCode: credit.lineCode,
      reason: credit.reason,
      byUserId: credit.byUserId,
      at: iso(credit.at),
    })),
    payments: payments.map((payment) => ({
      id: payment.id,
      method: payment.method,
      cents: payment.cents,
      payerKind: payment.payerKind,
      payerName: payment.payerName,
      checkNumber: payment.checkNumber,
      checkWrittenOn: payment.checkWrittenOn,
      receivedOn: payment.receivedOn,
      provider: payment.provider,
      providerReference: payment.providerReference,
      cardBrand: payment.cardBrand,
      cardLast4: payment.cardLast4,
      recordedAt: iso(payment.recordedAt),
    })),
    payToken: invoice.payToken,
  };
}

/**
 * The invoice as the pay link shows it to whoever holds the link (an
 * employer): the printed name and the amounts, but not who paid, staff's
 * reasons for credits, the person's id or anything else on their record.
 */
export function presentPayLink(ledger: InvoiceLedger, personName: string, body: { id: string; name: string }): PayLinkView {
  const { invoice, credits, payments } = ledger;
  return {
    bodyId: body.id,
    bodyName: body.name,
    number: invoice.number,
    personName,
    currency: invoice.currency,
    issuedOn: invoice.issuedOn,
    lines: invoice.lines,
    credits: credits.map((credit) => ({
      label: `Credit${credit.lineCode ? `: ${invoice.lines.find((line) => line.code === credit.lineCode)?.label ?? credit.lineCode}` : ''}`,
      cents: credit.cents,
    })),
    totalCents: invoice.totalCents,
    paidCents: paidCentsOf(ledger),
    balanceCents: balanceOf(invoice, credits, payments),
    status: statusOf(ledger),
  };
}
