import { describe, expect, it } from 'vitest';
import { cardBrand, LocalCardProvider, passesLuhn } from './local-card-provider';

const NOW = new Date('2022-12-10T15:00:00Z');
const provider = new LocalCardProvider(() => NOW);
const card = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvc: '123', holderName: 'A Payer' };
const pay = (overrides: Partial<typeof card>, idempotencyKey = 'key-1') =>
  provider.createPayment({
    amountCents: 5000,
    currency: 'USD',
    description: 'test',
    card: { ...card, ...overrides },
    idempotencyKey,
  });

describe('the local card provider', () => {
  it('checks the Luhn digit', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('378282246310005')).toBe(true);
  });

  it('names the brand from the number', () => {
    expect(cardBrand('4242424242424242')).toBe('Visa');
    expect(cardBrand('5555555555554444')).toBe('Mastercard');
    expect(cardBrand('2223003122003222')).toBe('Mastercard');
    expect(cardBrand('378282246310005')).toBe('American Express');
    expect(cardBrand('6011111111111117')).toBe('Discover');
  });

  it('charges a good card, giving a reference, the brand and the last four digits only', async () => {
    const outcome = await pay({});
    expect(outcome).toEqual({
      status: 'succeeded',
      reference: expect.stringMatching(/^local_[0-9a-f]{24}$/),
      cardBrand: 'Visa',
      cardLast4: '4242',
    });
    expect(JSON.stringify(outcome)).not.toContain('42424242');
  });

  it('answers a repeated idempotency key with the same reference, and another key with another', async () => {
    const first = await pay({}, 'same');
    const again = await pay({}, 'same');
    const other = await pay({}, 'other');
    expect(first.status === 'succeeded' && again.status === 'succeeded' && other.status === 'succeeded').toBe(true);
    if (first.status !== 'succeeded' || again.status !== 'succeeded' || other.status !== 'succeeded') return;
    expect(again.reference).toBe(first.reference);
    expect(other.reference).not.toBe(first.reference);
  });

  it('declines the test numbers, with the reason and the field at fault', async () => {
    expect(await pay({ number: '4000000000000002' })).toEqual({
      status: 'declined',
      declineReason: 'the card was declined',
      field: 'number',
    });
    expect(await pay({ number: '4000 0000 0000 9995' })).toMatchObject({ declineReason: 'the card has insufficient funds' });
    expect(await pay({ number: '4000000000000127' })).toMatchObject({ status: 'declined', field: 'cvc' });
  });

  it('declines a number failing Luhn, a past expiry and a CVC of the wrong length', async () => {
    expect(await pay({ number: '4242424242424241' })).toMatchObject({ status: 'declined', field: 'number' });
    expect(await pay({ number: '1234' })).toMatchObject({ status: 'declined', field: 'number' });
    expect(await pay({ expMonth: 11, expYear: 2022 })).toMatchObject({ status: 'declined', field: 'expYear' });
    expect(await pay({ expMonth: 13 })).toMatchObject({ status: 'declined', field: 'expMonth' });
    expect(await pay({ cvc: '12' })).toMatchObject({ status: 'declined', field: 'cvc' });
    expect(await pay({ number: '378282246310005', cvc: '123' })).toMatchObject({ status: 'declined', field: 'cvc' });
    expect(await pay({ number: '378282246310005', cvc: '1234' })).toMatchObject({
      status: 'succeeded',
      cardBrand: 'American Express',
    });
  });

  it('takes a card through the last day of its expiry month', async () => {
    expect(await pay({ expMonth: 12, expYear: 2022 })).toMatchObject({ status: 'succeeded' });
    expect(await pay({ expMonth: 12, expYear: 22 })).toMatchObject({ status: 'succeeded' });
  });
});
