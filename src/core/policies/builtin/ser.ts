import type { BodyInput } from '../body-schema';
import type { PolicyInput } from '../policy-schema';

/** Society for Ecological Restoration: CERP (seed 002 covers provider pre-approval only). */
export const serBody: BodyInput = {
  id: 'ser',
  name: 'Society for Ecological Restoration',
  timeZone: 'America/New_York',
  // Seed 002: decisions within six weeks, confirmations within 30 days, records kept six years,
  // appeals within 30 days, recurring courses approved for two years, no fee today.
  providers: {
    decisionDays: 42,
    confirmationDays: 30,
    recordsYears: 6,
    appealDays: 30,
    recurringApprovalYears: 2,
    applicationFee: 0,
    currency: 'USD',
    approvalCodePrefix: 'SER',
  },
  configurable: [
    { path: 'timeZone', reason: 'seed 002 gives no time zone' },
    { path: 'providers.applicationFee', reason: 'seed 002: no fee today; fees may come' },
    { path: 'providers.approvalCodePrefix', reason: 'seed 002 does not say how approval codes look' },
  ],
};

const SEED_SILENT = 'seed 002 describes provider pre-approval, not the CERP renewal rule';

export const serPolicies: PolicyInput[] = [
  {
    id: 'ser/cerp',
    version: 1,
    body: 'ser',
    name: 'Certified Ecological Restoration Practitioner',
    designation: 'CERP',
    summary: 'Continuing education credits (CECs) from courses, conferences, workshops and symposia, many pre-approved.',
    ethics: null,
    cycle: { kind: 'anniversary', years: 3 },
    credit: {
      unit: { one: 'CEC', many: 'CECs' },
      total: 30,
      minimums: [],
      recommendedPerYear: null,
      sharing: null,
    },
    activityTypes: [
      { id: 'course', label: 'course', credit: { kind: 'hours' } },
      { id: 'recurring-course', label: 'recurring course', credit: { kind: 'hours' } },
      { id: 'conference', label: 'conference', credit: { kind: 'hours' } },
      { id: 'workshop', label: 'workshop', credit: { kind: 'hours' } },
      { id: 'symposium', label: 'symposium', credit: { kind: 'hours' } },
      { id: 'webinar', label: 'webinar', credit: { kind: 'hours' } },
      { id: 'other-event', label: 'other event', credit: { kind: 'hours' } },
    ],
    otherActivityTypes: null,
    renewal: { opens: null, due: { kind: 'offset', from: 'cycle-end' }, lateUntil: null, checkDateCounts: false },
    extension: null,
    lapse: { graceUntil: null, reinstatement: null, afterGrace: 'new-application' },
    exam: null,
    standing: { appealDays: 30 },
    fees: {
      currency: 'USD',
      certification: null,
      recertification: null,
      late: null,
      extension: null,
      reinstatement: null,
      packages: [],
    },
    configurable: [
      { path: 'cycle.years', reason: SEED_SILENT },
      { path: 'credit.total', reason: `${SEED_SILENT}; no CEC total is given` },
      { path: 'credit.minimums', reason: SEED_SILENT },
      { path: 'renewal.opens', reason: SEED_SILENT },
      { path: 'lapse.graceUntil', reason: SEED_SILENT },
      { path: 'lapse.afterGrace', reason: SEED_SILENT },
      { path: 'standing.appealDays', reason: `${SEED_SILENT}; 30 days as for provider terminations` },
      { path: 'fees.recertification', reason: SEED_SILENT },
      { path: 'exam', reason: SEED_SILENT },
    ],
    sources: ['seeds/002 (Continuing Education Credit Partnering Opportunities)'],
  },
];
