import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { installBuiltinPolicies, PolicyStore } from '../bodies/policy-store';
import type { Database } from '../db/database';
import { auditLog } from '../db/schema/audit';
import { notifications, payments } from '../db/schema/renewals';
import { buildCertificant, buildUser } from '../testing/factories';
import { openTestDatabase } from '../testing/test-database';
import {
  DECLINED_CARD,
  GOOD_CARD,
  LATE,
  NO_FUNDS_CARD,
  raiseTestInvoice,
  RECERTIFICATION,
  REINSTATEMENT,
} from './billing-fixture';
import { creditInvoice } from './credit-invoice';
import { balanceOf, invoiceBalance, loadInvoiceLedger, statusOf } from './invoice-ledger';
import { LocalCardProvider } from './local-card-provider';
import { payByCard } from './pay-by-card';
import { recordCheckPayment } from './record-check-payment';

// 10:00 in New York on December 10, 2022: after the due date (Dec 1), within the late period.
const NOW = new Date('2022-12-10T15:00:00Z');
let database: Database;
let registry: PolicyRegistry;
let personId: string;
let adminId: string;
const provider = new LocalCardProvider(() => NOW);

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
  registry = await new PolicyStore(database.db).current();
  personId = (await buildCertificant(database.db, { bodyId: 'namss', legalName: 'Carol Check' })).person.id;
  adminId = (await buildUser(database.db, { roles: [{ bodyId: 'namss', role: 'admin' }] })).id;
}, 60_000);
afterAll(() => database.close());

const check = (invoiceId: string, input: Partial<Parameters<typeof recordCheckPayment>[0]['input']>) =>
  recordCheckPayment({
    db: database.db,
    registry,
    bodyId: 'namss',
    invoiceId,
    input: {
      checkNumber: '1001',
      cents: 25_000,
      writtenOn: '2022-12-01',
      payerKind: 'person',
      payerName: 'Carol Check',
      ...input,
    },
    actorUserId: adminId,
    now: NOW,
  });
const card = (invoiceId: string, input: Partial<Parameters<typeof payByCard>[0]['input']> = {}) =>
  payByCard({
    db: database.db,
    registry,
    provider,
    bodyId: 'namss',
    invoiceId,
    input: { idempotencyKey: randomUUID(), card: GOOD_CARD, ...input },
    payer: { kind: 'person', name: 'Carol Check' },
    actorUserId: null,
    now: NOW,
  });
const credit = (invoiceId: string, cents: number, reason = 'Hardship waiver approved by the board') =>
  creditInvoice({
    db: database.db,
    registry,
    bodyId: 'namss',
    invoiceId,
    input: { cents, reason },
    actorUserId: adminId,
    now: NOW,
  });
const issues = async (promise: Promise<unknown>) => {
  const error = (await promise.then(
    () => null,
    (caught: unknown) => caught,
  )) as { code: string; issues: { path: string; message: string }[] } | null;
  if (!error) throw new Error('expected the use case to refuse');
  return {
    code: error.code,
    paths: error.issues.map((issue) => issue.path),
    messages: error.issues.map((issue) => issue.message),
  };
};
const noticesOf = (invoiceId: string) =>
  database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.bodyId, 'namss'), eq(notifications.key, `payment-received:${invoiceId}`)));

describe('a check', () => {
  it('dated on the due date but arriving later pays as on time: the late fee is credited, the balance is zero', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const ledger = await check(invoice.id, { writtenOn: '2022-12-01', receivedOn: '2022-12-08' });
    expect(ledger.credits).toEqual([
      expect.objectContaining({
        cents: 5000,
        lineCode: 'late',
        byUserId: null,
        reason: expect.stringContaining('on or before 2022-12-01'),
      }),
    ]);
    expect(balanceOf(ledger.invoice, ledger.credits, ledger.payments)).toBe(0);
    expect(ledger.invoice.paidOn).toBe('2022-12-08');
    expect(statusOf(ledger)).toBe('paid');
    // As stored, not only as returned.
    const stored = await loadInvoiceLedger(database.db, 'namss', invoice.id);
    expect(stored.invoice.paidOn).toBe('2022-12-08');
    expect(stored.payments).toEqual([
      expect.objectContaining({
        method: 'check',
        checkNumber: '1001',
        checkWrittenOn: '2022-12-01',
        receivedOn: '2022-12-08',
        recordedBy: adminId,
      }),
    ]);
    expect(await invoiceBalance(database.db, 'namss', invoice.id)).toBe(0);
    const [notice] = await noticesOf(invoice.id);
    expect(notice).toMatchObject({ personId, kind: 'payment-received', noticeOn: '2022-12-08' });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, invoice.id));
    expect(audit.map((row) => row.action).sort()).toEqual([
      'invoice.credited',
      'invoice.paid',
      'invoice.raised',
      'payment.recorded',
    ]);
  });

  it('dated after the due date credits nothing and leaves the late fee owed', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const ledger = await check(invoice.id, { writtenOn: '2022-12-02', receivedOn: '2022-12-05' });
    expect(ledger.credits).toEqual([]);
    expect(balanceOf(ledger.invoice, ledger.credits, ledger.payments)).toBe(5000);
    expect(ledger.invoice.paidOn).toBeNull();
    expect(statusOf(ledger)).toBe('due');
    expect(await noticesOf(invoice.id)).toEqual([]);
  });

  it('credits nothing when the policy has no check-date rule (onTimeThrough null)', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId, onTimeThrough: null });
    const ledger = await check(invoice.id, { writtenOn: '2022-11-20', receivedOn: '2022-12-05' });
    expect(ledger.credits).toEqual([]);
    expect(balanceOf(ledger.invoice, ledger.credits, ledger.payments)).toBe(5000);
  });

  it('credits the late and reinstatement lines once only, however many on-time checks arrive', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId, lines: [RECERTIFICATION, LATE, REINSTATEMENT] });
    await check(invoice.id, { checkNumber: '2001', cents: 10_000, writtenOn: '2022-11-30' });
    const ledger = await check(invoice.id, { checkNumber: '2002', cents: 15_000, writtenOn: '2022-12-01' });
    // Both credited by the first check, in one transaction: same time, so in no particular order.
    expect(ledger.credits.map((row) => [row.lineCode, row.cents]).sort()).toEqual([
      ['late', 5000],
      ['reinstatement', 10_000],
    ]);
    expect(balanceOf(ledger.invoice, ledger.credits, ledger.payments)).toBe(0);
    expect(ledger.invoice.paidOn).toBe('2022-12-10');
  });

  it('dated on time pays what was owed before the rule credited the late fee; the excess is owed back (refund-due)', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const ledger = await check(invoice.id, { checkNumber: '1101', cents: 30_000, writtenOn: '2022-12-01' });
    expect(ledger.credits.map((row) => [row.lineCode, row.cents])).toEqual([['late', 5000]]);
    expect(ledger.payments.map((row) => row.cents)).toEqual([30_000]);
    expect(balanceOf(ledger.invoice, ledger.credits, ledger.payments)).toBe(-5000);
    expect(statusOf(ledger)).toBe('refund-due');
    expect(ledger.invoice.paidOn).toBe('2022-12-10');
    const stored = await loadInvoiceLedger(database.db, 'namss', invoice.id);
    expect(statusOf(stored)).toBe('refund-due');
    expect(stored.credits).toHaveLength(1);
  });

  it('dated on time pays an invoice of a late fee alone (credited by the rule): refund-due, not refused', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId, lines: [LATE] });
    const ledger = await check(invoice.id, { checkNumber: '1201', cents: 5000, writtenOn: '2022-12-01' });
    expect(ledger.credits.map((row) => [row.lineCode, row.cents])).toEqual([['late', 5000]]);
    expect(balanceOf(ledger.invoice, ledger.credits, ledger.payments)).toBe(-5000);
    expect(statusOf(await loadInvoiceLedger(database.db, 'namss', invoice.id))).toBe('refund-due');
  });

  it('is refused when it pays more than was owed before any credit, naming the amount; nothing is recorded, not even the credit', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const refused = await issues(check(invoice.id, { cents: 30_001, writtenOn: '2022-12-01' }));
    expect(refused).toEqual({ code: 'invalid-input', paths: ['cents'], messages: [expect.stringContaining('$300.00')] });
    const after = await loadInvoiceLedger(database.db, 'namss', invoice.id);
    expect(after.credits).toEqual([]);
    expect(after.payments).toEqual([]);
  });

  it('is refused when its number is already recorded on the invoice', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    await check(invoice.id, { checkNumber: '3001', cents: 10_000, writtenOn: '2022-12-03' });
    expect(await issues(check(invoice.id, { checkNumber: '3001', cents: 10_000, writtenOn: '2022-12-03' }))).toMatchObject({
      code: 'conflict',
      paths: ['checkNumber'],
    });
  });

  it('is refused when received after today or dated after it arrived', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    expect(await issues(check(invoice.id, { receivedOn: '2022-12-11' }))).toMatchObject({ paths: ['receivedOn'] });
    expect(await issues(check(invoice.id, { writtenOn: '2022-12-09', receivedOn: '2022-12-08' }))).toMatchObject({
      paths: ['writtenOn'],
    });
  });
});

describe('a card payment', () => {
  it('pays the balance, keeps only the brand and last four digits, and settles the invoice today', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const { ledger, payment, repeated } = await card(invoice.id);
    expect(repeated).toBe(false);
    expect(payment).toMatchObject({ method: 'card', cents: 30_000, provider: 'local', cardBrand: 'Visa', cardLast4: '4242' });
    expect(JSON.stringify(payment)).not.toContain('4242424242424242');
    expect(ledger.invoice.paidOn).toBe('2022-12-10');
    expect(await noticesOf(invoice.id)).toHaveLength(1);
  });

  it('repeated with the same idempotency key charges once', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const idempotencyKey = randomUUID();
    const first = await card(invoice.id, { idempotencyKey, cents: 10_000 });
    const again = await card(invoice.id, { idempotencyKey, cents: 10_000 });
    expect(again.repeated).toBe(true);
    expect(again.payment.id).toBe(first.payment.id);
    const rows = await database.db
      .select()
      .from(payments)
      .where(and(eq(payments.bodyId, 'namss'), eq(payments.invoiceId, invoice.id)));
    expect(rows).toHaveLength(1);
    expect(await invoiceBalance(database.db, 'namss', invoice.id)).toBe(20_000);
  });

  it('repeated at the same moment still records one payment', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const idempotencyKey = randomUUID();
    const results = await Promise.all([card(invoice.id, { idempotencyKey }), card(invoice.id, { idempotencyKey })]);
    expect(new Set(results.map((result) => result.payment.id)).size).toBe(1);
    expect(await invoiceBalance(database.db, 'namss', invoice.id)).toBe(0);
  });

  it('declined records nothing and says why on the card field', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    expect(await issues(card(invoice.id, { card: DECLINED_CARD }))).toEqual({
      code: 'invalid-input',
      paths: ['card.number'],
      messages: ['the card was declined'],
    });
    expect(await issues(card(invoice.id, { card: NO_FUNDS_CARD }))).toMatchObject({
      messages: ['the card has insufficient funds'],
    });
    const after = await loadInvoiceLedger(database.db, 'namss', invoice.id);
    expect(after.payments).toEqual([]);
    expect(after.invoice.paidOn).toBeNull();
  });

  it('for more than is owed, or on a settled invoice, is refused before the card is charged', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    expect(await issues(card(invoice.id, { cents: 30_001 }))).toMatchObject({
      paths: ['cents'],
      messages: [expect.stringContaining('$300.00')],
    });
    await card(invoice.id);
    expect(await issues(card(invoice.id, { cents: 100 }))).toMatchObject({ messages: ['nothing is owed on this invoice'] });
  });
});

describe('a staff credit', () => {
  it('takes off part of what is owed, with its reason; one that clears the balance settles the invoice as credited', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    const partly = await credit(invoice.id, 5000, 'Late fee waived: the post office lost the first check');
    expect(partly.credits).toEqual([expect.objectContaining({ cents: 5000, lineCode: null, byUserId: adminId })]);
    expect(balanceOf(partly.invoice, partly.credits, partly.payments)).toBe(25_000);
    const cleared = await credit(invoice.id, 25_000);
    expect(statusOf(cleared)).toBe('credited');
    expect(cleared.invoice.paidOn).toBe('2022-12-10');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, 'invoice.credited')));
    expect(audit.map((row) => row.reason)).toContain('Late fee waived: the post office lost the first check');
  });

  it('after payment is a refund: the balance goes below zero and stays paid', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    await card(invoice.id);
    const refunded = await credit(invoice.id, 5000, 'Refund: the late fee was charged in error');
    expect(balanceOf(refunded.invoice, refunded.credits, refunded.payments)).toBe(-5000);
    expect(statusOf(refunded)).toBe('refund-due');
    expect(refunded.invoice.paidOn).toBe('2022-12-10');
  });

  it('never exceeds the total less earlier credits, and an on-time check then credits only what is left', async () => {
    const invoice = await raiseTestInvoice(database.db, { personId });
    await credit(invoice.id, 28_000);
    expect(await issues(credit(invoice.id, 2001))).toMatchObject({
      paths: ['cents'],
      messages: [expect.stringContaining('$20.00')],
    });
    // 2,000 left to credit and 2,000 owed: a check for more is refused, and so is its late-fee credit.
    expect(await issues(check(invoice.id, { checkNumber: '4001', cents: 2001, writtenOn: '2022-12-01' }))).toMatchObject({
      messages: [expect.stringContaining('$20.00')],
    });
    expect((await loadInvoiceLedger(database.db, 'namss', invoice.id)).credits.map((row) => row.cents)).toEqual([28_000]);
    // One within it is taken; the late-fee credit is capped at the 2,000 left, so the check is owed back.
    const after = await check(invoice.id, { checkNumber: '4002', cents: 100, writtenOn: '2022-12-01' });
    expect(after.credits.map((row) => row.cents).sort()).toEqual([2000, 28_000]);
    expect(balanceOf(after.invoice, after.credits, after.payments)).toBe(-100);
    expect(statusOf(after)).toBe('refund-due');
  });
});

describe('the ledger', () => {
  it('is 404 for an invoice of another body', async () => {
    const tess = await buildCertificant(database.db, { bodyId: 'techserve', legalName: 'Tess T' });
    const invoice = await raiseTestInvoice(database.db, { bodyId: 'techserve', personId: tess.person.id });
    expect(await issues(loadInvoiceLedger(database.db, 'namss', invoice.id))).toMatchObject({ code: 'not-found' });
    expect(await issues(check(invoice.id, {}))).toMatchObject({ code: 'not-found' });
  });
});
