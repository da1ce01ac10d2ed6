import type { InvoiceSummary } from '../api/billing';

/** "$250.00"; a negative amount is what the body owes back. */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

/** "250", "250.5", "$1,250.00" → cents; null when it is not an amount of money with at most two decimals. */
export function centsFrom(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export const STATUS_WORDS: Record<InvoiceSummary['status'], { label: string; color: string }> = {
  due: { label: 'Due', color: 'yellow' },
  paid: { label: 'Paid', color: 'green' },
  credited: { label: 'Credited', color: 'blue' },
  'refund-due': { label: 'Refund due', color: 'orange' },
};

/** The pay link a certificant gives their employer, on this site. */
export function payLinkUrl(bodyId: string, payToken: string, origin = window.location.origin): string {
  return `${origin}/pay/${encodeURIComponent(bodyId)}/${encodeURIComponent(payToken)}`;
}

/** Where the card's problems land: "card.number" → "number", "cents" → "cents". */
export function cardFieldOf(path: string): string {
  return path.replace(/^body\.?/, '').replace(/^card\.?/, '') || 'number';
}
