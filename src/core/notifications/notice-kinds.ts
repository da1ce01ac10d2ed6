import type { NoticeKind } from '../policies/policy-schema';

/** What each kind of notice is, as a certificant choosing their reminders reads it. */
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  'window-open': 'The renewal window opens',
  'due-reminder': 'Reminders before the renewal is due',
  late: 'The renewal is late',
  lapsed: 'The certification has lapsed',
  'grace-ending': 'The grace period is ending',
  expired: 'The certification has expired',
  'renewal-submitted': 'A renewal application was submitted',
  'payment-received': 'A payment was received',
  'audit-selected': 'A renewal was selected for audit',
  'renewal-approved': 'A renewal was approved',
  'renewal-returned': 'A renewal was returned',
  'extension-requested': 'An extension was requested',
  'extension-decided': 'An extension request was decided',
  'standing-changed': 'A decision on the certification\u2019s standing',
  'appeal-decided': 'An appeal was decided',
};
