import { createHash } from 'node:crypto';
import type { CardDetails, PaymentOutcome, PaymentProvider, PaymentRequest } from './payment-provider';

/**
 * Card numbers the local provider declines, as the big providers' test modes
 * do (these are Stripe's): anything else that is a well-formed card succeeds.
 */
export const DECLINING_TEST_CARDS: Record<string, { reason: string; field: 'number' | 'cvc' | 'expMonth' | null }> = {
  '4000000000000002': { reason: 'the card was declined', field: 'number' },
  '4000000000009995': { reason: 'the card has insufficient funds', field: 'number' },
  '4000000000009987': { reason: 'the card was reported lost', field: 'number' },
  '4000000000000069': { reason: 'the card has expired', field: 'expMonth' },
  '4000000000000127': { reason: 'the security code (CVC) is incorrect', field: 'cvc' },
};

/** The Luhn check digit test every card number passes. */
export function passesLuhn(digits: string): boolean {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return total % 10 === 0;
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return 'Visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return 'Mastercard';
  if (/^3[47]/.test(digits)) return 'American Express';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'Discover';
  return 'Card';
}

/**
 * A payment provider that needs no outside service: it checks the card as a
 * real one would (Luhn, expiry not past, CVC of the brand's length), declines
 * the documented test numbers, and takes no money. For development, tests and
 * demonstrations; a deployment that takes real payments names a real provider.
 * Its reference derives from the idempotency key, so a retried request gets
 * the same reference (and the payments table's unique reference records it once).
 */
export class LocalCardProvider implements PaymentProvider {
  readonly name = 'local';

  constructor(private readonly now: () => Date = () => new Date()) {}

  async createPayment(request: PaymentRequest): Promise<PaymentOutcome> {
    const problem = this.check(request.card);
    if (problem) return { status: 'declined', declineReason: problem.reason, field: problem.field };
    const digits = digitsOf(request.card.number);
    const declining = DECLINING_TEST_CARDS[digits];
    if (declining) return { status: 'declined', declineReason: declining.reason, field: declining.field };
    if (!Number.isInteger(request.amountCents) || request.amountCents <= 0) {
      return { status: 'declined', declineReason: 'the amount must be a positive number of cents', field: null };
    }
    const reference = `local_${createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 24)}`;
    return { status: 'succeeded', reference, cardBrand: cardBrand(digits), cardLast4: digits.slice(-4) };
  }

  private check(card: CardDetails): { reason: string; field: 'number' | 'expMonth' | 'expYear' | 'cvc' } | null {
    const digits = digitsOf(card.number);
    if (!/^\d{12,19}$/.test(digits)) return { reason: 'is not a card number (12 to 19 digits)', field: 'number' };
    if (!passesLuhn(digits)) return { reason: 'is not a valid card number (check the digits)', field: 'number' };
    if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12) {
      return { reason: 'must be a month from 1 to 12', field: 'expMonth' };
    }
    const year = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
    const now = this.now();
    // A card is good through the last day of its expiry month.
    if (year * 12 + card.expMonth < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) {
      return { reason: 'the card has expired', field: 'expYear' };
    }
    const cvcLength = cardBrand(digits) === 'American Express' ? 4 : 3;
    if (!new RegExp(`^\\d{${cvcLength}}$`).test(card.cvc)) return { reason: `must be ${cvcLength} digits`, field: 'cvc' };
    return null;
  }
}

function digitsOf(number: string): string {
  return number.replace(/[\s-]/g, '');
}
