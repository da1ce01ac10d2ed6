import type { CertificationResult } from '../../core/compliance/evaluate-types';

export type Status = CertificationResult['status'];

/** A certification's status in words, and the colour of its badge. */
export const STATUS_BADGES: Record<Status, { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  'renewal-open': { label: 'Renewal open', color: 'blue' },
  'in-review': { label: 'Renewal in review', color: 'cyan' },
  extended: { label: 'Extended', color: 'violet' },
  late: { label: 'Late', color: 'orange' },
  lapsed: { label: 'Lapsed', color: 'red' },
  expired: { label: 'Expired', color: 'gray' },
  suspended: { label: 'Suspended', color: 'red' },
  withdrawn: { label: 'Withdrawn', color: 'dark' },
};
