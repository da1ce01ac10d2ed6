/** "$50.00": integer cents in their currency. */
export function formatFee(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}
