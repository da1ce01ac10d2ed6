import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { installBuiltinPolicies, PolicyStore } from '../bodies/policy-store';
import type { Database } from '../db/database';
import { payments } from '../db/schema/renewals';
import { buildCertificant, buildUser } from '../testing/factories';
import { openTestDatabase } from '../testing/test-database';
import { DECLINED_CARD, GOOD_CARD, raiseTestInvoice } from './billing-fixture';
import { balanceOf, invoiceBalance, loadInvoiceLedger, statusOf } from './invoice-ledger';
import { listPersonInvoices } from './list-invoices';
import { LocalCardProvider } from './local-card-provider';
import { payByCard } from './pay-by-card';
import type { PaymentOutcome, PaymentProvider, PaymentRequest } from './payment-provider';
import { recordCheckPayment } from './record-check-payment';

// Within NAMSS's late period (due December 1, 2022).
const NOW = new Date('2022-12-10T15:00:00Z');
let database: Database;
let registry: PolicyRegistry;
let personId: string;
let adminId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
  registry = await new PolicyStore(database.db).current();
  personId = (await buildCertificant(database.db, { bodyId: 'namss', legalName: 'Rae Reserve' })).person.id;
  adminId = (await buildUser(database.db, { roles: [{ bodyId: 'namss', role: 'admin' }] })).id;
}, 60_000);
afterAll(() => database.close());

/**
 * The local provider behind a gate: each charge waits until the test opens it
 * (as a real provider's round trip takes time), and every request is kept.
 * `failing` makes the next calls throw, as a provider out of reach does.
 */
class GatedProvider implements PaymentProvider {
  readonly name = 'local';
  readonly requests: PaymentRequest[] = [];
  failing = false;
  private readonly local = new LocalCardProvider(() => NOW);
  private open!: () => void;
  private gate = new Promise<void>((resolve) => (this.open = resolve));
  private arrived!: () => void;
  /** Resolves when a charge has reached the provider. */
  reached = new Promise<void>((resolve) => (this.arrived = resolve));

  async createPayment(request: PaymentRequest): Promise<PaymentOutcome> {
    this.requests.push(request);
    this.arrived();
    await this.gate;
    if (this.failing) throw new Error('the provider did not answer');
    return this.local.createPayment(request);
  }

  release() {
    this.open();
  }
}

const pay = (
  provider: PaymentProvider,
  invoiceId: string,
  options: { key?: string; card?: typeof GOOD_CARD; payer?: string; now?: Date } = {},
) =>
  payByCard({
    db: database.db,
    registry,
    provider,
    bodyId: 'namss',
    invoiceId,
    input: { idempotencyKey: options.key ?? randomUUID(), card: options.card ?? GOOD_CARD },
    payer: options.payer ? { kind: 'employer', name: options.payer } : { kind: 'person', name: 'Rae Reserve' },
    actorUserId: null,
    now: options.now ?? NOW,
  });
const refusal = async (promise: Promise<unknown>) => {
  const error = (await promise.then(
    () => null,
    (caught: unknown) => caught,
  )) as { code: string; issues: { path: string; message: string }[] } | null;
  if (!error) throw new Error('expected the payment to be refused');
  return { code: error.code, issues: error.issues };
};
const rowsOf = (invoiceId: string) =>
  database.db
    .select()
    .from(payments)
    .where(and(eq(payments.bodyId, 'namss'), eq(payments.invoiceId, invoiceId)));

describe('two card payments at the same moment with different keys', () => {
  it('charge one card only: the second is refused while the first is with the provider', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const provider = new GatedProvider();
    const both = Promise.allSettled([pay(provider, invoice.id), pay(provider, invoice.id, { payer: 'Mercy Hospital' })]);
    await provider.reached;
    // Let the second attempt run as far as it goes before the first charge answers.
    await new Promise((resolve) => setTimeout(resolve, 200));
    provider.release();
    const [first, second] = await both;
    expect(provider.requests).toHaveLength(1);
    const outcomes = [first, second].map((outcome) => outcome.status).sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    const rejected = [first, second].find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'cents', message: expect.stringContaining('card payment of $300.00 is being processed') }],
    });
    const rows = await rowsOf(invoice.id);
    expect(rows).toEqual([expect.objectContaining({ method: 'card', cents: 30_000, status: 'succeeded' })]);
    expect(await invoiceBalance(database.db, 'namss', invoice.id)).toBe(0);
  });

  it('a reserved amount is not paid: the invoice reads due until the charge succeeds, and a check for it is refused meanwhile', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const provider = new GatedProvider();
    const paying = pay(provider, invoice.id);
    await provider.reached;
    const during = await loadInvoiceLedger(database.db, 'namss', invoice.id);
    expect(balanceOf(during.invoice, during.credits, during.payments)).toBe(30_000);
    expect(statusOf(during)).toBe('due');
    expect(during.payments).toEqual([]);
    const [summary] = (await listPersonInvoices(database.db, 'namss', personId)).filter((row) => row.id === invoice.id);
    expect(summary).toMatchObject({ balanceCents: 30_000, status: 'due', paidOn: null });
    const check = recordCheckPayment({
      db: database.db,
      registry,
      bodyId: 'namss',
      invoiceId: invoice.id,
      input: { checkNumber: '7001', cents: 30_000, writtenOn: '2022-12-09', payerKind: 'person', payerName: 'Rae Reserve' },
      actorUserId: adminId,
      now: NOW,
    });
    expect(await refusal(check)).toMatchObject({ code: 'invalid-input', issues: [{ path: 'cents' }] });
    provider.release();
    const { ledger } = await paying;
    expect(ledger.invoice.paidOn).toBe('2022-12-10');
    expect(statusOf(ledger)).toBe('paid');
  });
});

describe('a card payment that does not go through', () => {
  it('declined, leaves nothing reserved: the next attempt may pay the whole balance', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const provider = new LocalCardProvider(() => NOW);
    expect(await refusal(pay(provider, invoice.id, { card: DECLINED_CARD }))).toMatchObject({
      issues: [{ path: 'card.number', message: 'the card was declined' }],
    });
    expect(await rowsOf(invoice.id)).toEqual([]);
    const { payment } = await pay(provider, invoice.id);
    expect(payment).toMatchObject({ cents: 30_000, status: 'succeeded' });
  });

  it('unanswered by the provider, stays reserved for its retry, which charges once and records it', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const provider = new GatedProvider();
    provider.failing = true;
    provider.release();
    const key = randomUUID();
    await expect(pay(provider, invoice.id, { key })).rejects.toThrow('the provider did not answer');
    expect(await rowsOf(invoice.id)).toEqual([expect.objectContaining({ status: 'pending', cents: 30_000 })]);
    // Another attempt is refused while the outcome is unknown...
    expect(await refusal(pay(provider, invoice.id))).toMatchObject({ issues: [{ path: 'cents' }] });
    // ...and the payer's retry of the same attempt asks the provider again with the same key and records the answer.
    provider.failing = false;
    const { payment, ledger } = await pay(provider, invoice.id, { key });
    expect(payment).toMatchObject({ status: 'succeeded', cents: 30_000, providerReference: expect.stringMatching(/^local_/) });
    expect(ledger.invoice.paidOn).toBe('2022-12-10');
    const keys = new Set(provider.requests.map((request) => request.idempotencyKey));
    expect(keys).toEqual(new Set([`namss:${invoice.id}:${key}`]));
    expect(await rowsOf(invoice.id)).toHaveLength(1);
  });

  it('left unanswered for longer than a charge can take, no longer blocks another payment', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const provider = new GatedProvider();
    provider.failing = true;
    provider.release();
    await expect(pay(provider, invoice.id)).rejects.toThrow('the provider did not answer');
    provider.failing = false;
    const later = new Date(NOW.getTime() + 16 * 60_000);
    const { payment } = await pay(provider, invoice.id, { now: later });
    expect(payment).toMatchObject({ status: 'succeeded', cents: 30_000 });
  });
});
