import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { seedCast, signInCast, type CastHeaders, type CastMember } from '../testing/namss-fixture';
import { DECLINED_CARD, GOOD_CARD, raiseTestInvoice } from './billing-fixture';
import type { InvoiceRow } from './invoice-ledger';

type Actor = 'anonymous' | CastMember;
const ACTORS: Actor[] = ['anonymous', 'alice', 'bob', 'rita', 'ada', 'otto', 'tess'];

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let headers: CastHeaders<CastMember>;
/** Alice's invoice the matrix works on (payments of a dollar at a time leave it owing). */
let invoice: InvoiceRow;
let tessInvoice: InvoiceRow;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2022-12-10T15:00:00Z') });
  cast = await seedCast(t.database.db);
  headers = await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto', 'tess'] as const);
  invoice = await raiseTestInvoice(t.database.db, { personId: cast.alice.person.id });
  tessInvoice = await raiseTestInvoice(t.database.db, { bodyId: 'techserve', personId: cast.tess.person.id });
}, 60_000);
afterAll(() => t.close());

let addresses = 0;
/** Each request from its own address, so the pay link's rate limit never decides a row of the matrix. */
const inject = (actor: Actor, request: { method: 'GET' | 'POST'; url: string; payload?: object }) =>
  t.app.inject({
    ...request,
    headers: headers[actor],
    remoteAddress: `10.1.${Math.floor(++addresses / 250)}.${addresses % 250}`,
  });

const dollar = () => ({ cents: 100, idempotencyKey: randomUUID(), card: GOOD_CARD });

const matrix: {
  name: string;
  request: () => { method: 'GET' | 'POST'; url: string; payload?: object };
  expected: Record<Actor, number>;
}[] = [
  {
    name: "list Alice's invoices",
    request: () => ({ method: 'GET', url: `/api/v1/bodies/namss/people/${cast.alice.person.id}/invoices` }),
    expected: { anonymous: 401, alice: 200, bob: 404, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: "list the body's unpaid invoices",
    request: () => ({ method: 'GET', url: '/api/v1/bodies/namss/invoices?status=unpaid' }),
    expected: { anonymous: 401, alice: 403, bob: 403, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: "read Alice's invoice",
    request: () => ({ method: 'GET', url: `/api/v1/bodies/namss/invoices/${invoice.id}` }),
    expected: { anonymous: 401, alice: 200, bob: 404, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: 'record a check on it',
    request: () => ({
      method: 'POST',
      url: `/api/v1/bodies/namss/invoices/${invoice.id}/checks`,
      payload: {
        checkNumber: `C${++addresses}`,
        cents: 100,
        writtenOn: '2022-12-05',
        payerKind: 'person',
        payerName: 'Alice Adams',
      },
    }),
    expected: { anonymous: 401, alice: 403, bob: 404, rita: 403, ada: 201, otto: 404, tess: 404 },
  },
  {
    name: 'pay it by card',
    request: () => ({ method: 'POST', url: `/api/v1/bodies/namss/invoices/${invoice.id}/card`, payload: dollar() }),
    expected: { anonymous: 401, alice: 201, bob: 404, rita: 403, ada: 201, otto: 404, tess: 404 },
  },
  {
    name: 'credit it',
    request: () => ({
      method: 'POST',
      url: `/api/v1/bodies/namss/invoices/${invoice.id}/credits`,
      payload: { cents: 100, reason: 'Goodwill' },
    }),
    expected: { anonymous: 401, alice: 403, bob: 404, rita: 403, ada: 201, otto: 404, tess: 404 },
  },
  {
    name: "read TechServe's invoice under NAMSS",
    request: () => ({ method: 'GET', url: `/api/v1/bodies/namss/invoices/${tessInvoice.id}` }),
    expected: { anonymous: 401, alice: 404, bob: 404, rita: 404, ada: 404, otto: 404, tess: 404 },
  },
  {
    name: 'open the pay link',
    request: () => ({ method: 'GET', url: `/api/v1/bodies/namss/pay/${invoice.payToken}` }),
    expected: { anonymous: 200, alice: 200, bob: 200, rita: 200, ada: 200, otto: 200, tess: 200 },
  },
  {
    name: 'pay through the pay link',
    request: () => ({
      method: 'POST',
      url: `/api/v1/bodies/namss/pay/${invoice.payToken}/card`,
      payload: { ...dollar(), organisation: 'Mercy Hospital' },
    }),
    expected: { anonymous: 201, alice: 201, bob: 201, rita: 201, ada: 201, otto: 201, tess: 201 },
  },
  {
    name: 'open a wrong pay token',
    request: () => ({ method: 'GET', url: `/api/v1/bodies/namss/pay/${randomBytes(18).toString('base64url')}` }),
    expected: { anonymous: 404, alice: 404, bob: 404, rita: 404, ada: 404, otto: 404, tess: 404 },
  },
  {
    name: 'pay a wrong pay token',
    request: () => ({
      method: 'POST',
      url: `/api/v1/bodies/namss/pay/${randomBytes(18).toString('base64url')}/card`,
      payload: { ...dollar(), organisation: 'Mercy Hospital' },
    }),
    expected: { anonymous: 404, alice: 404, bob: 404, rita: 404, ada: 404, otto: 404, tess: 404 },
  },
  {
    name: "open NAMSS's pay token under another body",
    request: () => ({ method: 'GET', url: `/api/v1/bodies/techserve/pay/${invoice.payToken}` }),
    expected: { anonymous: 404, alice: 404, bob: 404, rita: 404, ada: 404, otto: 404, tess: 404 },
  },
];

describe('billing: every endpoint, every role', () => {
  for (const row of matrix) {
    it(row.name, async () => {
      const got: Record<string, number> = {};
      for (const actor of ACTORS) got[actor] = (await inject(actor, row.request())).statusCode;
      expect(got).toEqual(row.expected);
    });
  }
});

describe('the pay link', () => {
  it('shows the invoice and what is owed, and nothing else about the person', async () => {
    const own = await raiseTestInvoice(t.database.db, { personId: cast.alice.person.id });
    const response = await inject('anonymous', { method: 'GET', url: `/api/v1/bodies/namss/pay/${own.payToken}` });
    expect(response.json()).toEqual({
      bodyId: 'namss',
      bodyName: expect.any(String),
      number: own.number,
      personName: 'Alice Adams',
      currency: 'USD',
      issuedOn: '2022-12-05',
      lines: own.lines,
      credits: [],
      totalCents: 30_000,
      paidCents: 0,
      balanceCents: 30_000,
      status: 'due',
    });
  });

  it('lets an employer pay by card: recorded as the employer, paid, once however often the request is repeated', async () => {
    const own = await raiseTestInvoice(t.database.db, { personId: cast.alice.person.id });
    const payload = {
      idempotencyKey: randomUUID(),
      card: { ...GOOD_CARD, holderName: 'P. Accounts' },
      organisation: 'Mercy Hospital',
    };
    const url = `/api/v1/bodies/namss/pay/${own.payToken}/card`;
    const first = await inject('anonymous', { method: 'POST', url, payload });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ balanceCents: 0, paidCents: 30_000, status: 'paid' });
    const again = await inject('anonymous', { method: 'POST', url, payload });
    expect(again.statusCode).toBe(200);
    const staffView = (await inject('ada', { method: 'GET', url: `/api/v1/bodies/namss/invoices/${own.id}` })).json();
    expect(staffView).toMatchObject({ paidOn: '2022-12-10', status: 'paid', balanceCents: 0 });
    expect(staffView.payments).toEqual([
      expect.objectContaining({
        method: 'card',
        payerKind: 'employer',
        payerName: 'Mercy Hospital',
        cardBrand: 'Visa',
        cardLast4: '4242',
      }),
    ]);
  });

  it('refuses a declined card with the reason on the card number, recording nothing', async () => {
    const own = await raiseTestInvoice(t.database.db, { personId: cast.alice.person.id });
    const response = await inject('anonymous', {
      method: 'POST',
      url: `/api/v1/bodies/namss/pay/${own.payToken}/card`,
      payload: { idempotencyKey: randomUUID(), card: DECLINED_CARD, organisation: 'Mercy Hospital' },
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([{ path: 'card.number', message: 'the card was declined' }]);
    const view = (await inject('alice', { method: 'GET', url: `/api/v1/bodies/namss/invoices/${own.id}` })).json();
    expect(view.payments).toEqual([]);
  });

  it('is limited per address and minute', async () => {
    const url = `/api/v1/bodies/namss/pay/${randomBytes(18).toString('base64url')}`;
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await t.app.inject({ method: 'GET', url, remoteAddress: '10.9.9.9' })).statusCode);
    expect(codes.slice(0, 30).every((code) => code === 404)).toBe(true);
    expect(codes[30]).toBe(429);
  });
});

describe('staff', () => {
  it('record a check dated on time: the late fee is credited and the invoice leaves the unpaid list', async () => {
    const own = await raiseTestInvoice(t.database.db, { personId: cast.bob.person.id });
    const unpaid = async () =>
      (await inject('rita', { method: 'GET', url: '/api/v1/bodies/namss/invoices' })).json().invoices as { id: string }[];
    expect((await unpaid()).find((row) => row.id === own.id)).toMatchObject({
      number: own.number,
      personName: 'Bob Brown',
      subject: 'renewal',
      issuedOn: '2022-12-05',
      balanceCents: 30_000,
      status: 'due',
    });
    const response = await inject('ada', {
      method: 'POST',
      url: `/api/v1/bodies/namss/invoices/${own.id}/checks`,
      payload: {
        checkNumber: '5150',
        cents: 25_000,
        writtenOn: '2022-12-01',
        receivedOn: '2022-12-09',
        payerKind: 'employer',
        payerName: 'Mercy Hospital',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'paid', paidOn: '2022-12-09', creditedCents: 5000, balanceCents: 0 });
    expect((await unpaid()).some((row) => row.id === own.id)).toBe(false);
    const paid = (await inject('ada', { method: 'GET', url: '/api/v1/bodies/namss/invoices?status=paid' })).json().invoices;
    expect(paid.some((row: { id: string }) => row.id === own.id)).toBe(true);
  });

  it('are told which field is wrong', async () => {
    const response = await inject('ada', {
      method: 'POST',
      url: `/api/v1/bodies/namss/invoices/${invoice.id}/checks`,
      payload: { checkNumber: '', cents: 1.5, writtenOn: '2022-13-01', payerKind: 'friend', payerName: 'X' },
    });
    const paths = new Set(problemOf(response).errors?.map((issue) => issue.path));
    expect([...paths].sort()).toEqual(['body.cents', 'body.checkNumber', 'body.payerKind', 'body.writtenOn']);
  });
});
