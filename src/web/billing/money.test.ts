import { describe, expect, it } from 'vitest';
import { cardFieldOf, centsFrom, formatMoney, payLinkUrl } from './money';

describe('money in the web app', () => {
  it('reads amounts people type as exact cents', () => {
    expect(centsFrom('250')).toBe(25_000);
    expect(centsFrom('$1,250.5')).toBe(125_050);
    expect(centsFrom('0.29')).toBe(29);
    expect(centsFrom('19.99')).toBe(1999);
    expect(centsFrom('1.234')).toBeNull();
    expect(centsFrom('-5')).toBeNull();
    expect(centsFrom('')).toBeNull();
  });

  it('prints cents as the currency', () => {
    expect(formatMoney(30_000, 'USD')).toBe('$300.00');
    expect(formatMoney(-5000, 'USD')).toBe('-$50.00');
  });

  it('builds the pay link and places card problems on their fields', () => {
    expect(payLinkUrl('namss', 'abc_-1', 'https://recert.example.org')).toBe('https://recert.example.org/pay/namss/abc_-1');
    expect(cardFieldOf('card.number')).toBe('number');
    expect(cardFieldOf('body.card.cvc')).toBe('cvc');
    expect(cardFieldOf('card')).toBe('number');
    expect(cardFieldOf('cents')).toBe('cents');
  });
});
