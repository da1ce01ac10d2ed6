import type { CertificationResult } from '../../core/compliance/evaluate-types';

export type Status = CertificationResult['status'];

/** A certification's status in words, and the colour of its badge. */
export const STATUS_BADGES: Record<Status, { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  'renewal-open': { label: 'Renewal open', color: 'blue' },
  late: { label: 'Late', color: 'orange' },
  lapsed: { label: 'Lapsed', color: 'red' },
  expired: { label: 'Expired', color: 'gray' },
};
