import type { BodyInput } from '../body-schema';
import type { PolicyInput } from '../policy-schema';

/** NAMSS: CPCS and CPMSM recertification (seed 003). */
export const namssBody: BodyInput = {
  id: 'namss',
  name: 'National Association Medical Staff Services',
  timeZone: 'America/New_York',
  providers: {
    decisionDays: 42,
    confirmationDays: 30,
    recordsYears: 6,
    appealDays: 30,
    recurringApprovalYears: 2,
    applicationFee: 0,
    currency: 'USD',
    approvalCodePrefix: 'NAMSS',
  },
  configurable: [
    { path: 'timeZone', reason: 'seed 003 gives no time zone for "end of the business day"' },
    {
      path: 'providers',
      reason: 'seed 003 describes NAMSS-approved CE but not how providers apply; the SER program (seed 002) is the model',
    },
  ],
};

const NAMSS_APPROVED =
  'NAMSS approved: sponsored directly by NAMSS or pre-approved by NAMSS for credit, with a NAMSS-approved CE certificate';

function namssPolicy(key: 'cpcs' | 'cpmsm', designation: string, name: string): PolicyInput {
  return {
    id: `namss/${key}`,
    version: 1,
    body: 'namss',
    name,
    designation,
    summary: 'Recertified every three years on fixed cycles ending December 1.',
    ethics: null,
    cycle: { kind: 'fixed', years: 3, anchor: '12-02' },
    credit: {
      unit: { one: 'credit', many: 'credits' },
      total: 30,
      minimums: [{ key: 'approved', credits: 15, when: { approved: true }, term: 'approved', description: NAMSS_APPROVED }],
      recommendedPerYear: null,
      sharing: {
        group: 'namss-dual',
        combined: { total: 45, minimums: { approved: 25 } },
        firstTimeCombined: { total: 30, minimums: { approved: 15 } },
      },
    },
    // Any activity earns its hours; the list gives people the usual choices.
    activityTypes: [
      { id: 'webinar', label: 'webinar', credit: { kind: 'hours' } },
      { id: 'conference', label: 'conference', credit: { kind: 'hours' } },
      { id: 'virtual-course', label: 'virtual course', credit: { kind: 'hours' } },
      { id: 'online-course', label: 'online course (Education Zone)', credit: { kind: 'hours' } },
      { id: 'podcast-quiz', label: 'Synergy or podcast quiz', credit: { kind: 'hours' } },
      { id: 'employer-program', label: 'employer education program', credit: { kind: 'hours' } },
      { id: 'other', label: 'other activity', credit: { kind: 'hours' } },
    ],
    otherActivityTypes: { credit: { kind: 'hours' }, requiresApproval: false },
    renewal: {
      opens: { kind: 'month-day', of: 'cycle-end', monthDay: '08-01', yearOffset: 0 },
      due: { kind: 'offset', from: 'cycle-end' },
      lateUntil: { kind: 'month-day', of: 'due', monthDay: '12-31', yearOffset: 0 },
      checkDateCounts: true,
      auditShare: 0.1,
      reviewTargetDays: 28,
    },
    extension: {
      requestBy: { kind: 'offset', from: 'due' },
      requestByTime: '17:00',
      evidenceShare: 0.5,
      evidence: 'CE certificates for at least half of the required credit; tracking tables are not accepted',
      newDue: { kind: 'month-day', of: 'due', monthDay: '06-01', yearOffset: 1 },
      alwaysAudited: true,
    },
    lapse: {
      graceUntil: { kind: 'offset', from: 'due', months: 6 },
      reinstatement:
        'Documentation of all CE earned during the recertification period, the recertification fee and the reinstatement fee.',
      afterGrace: 'new-exam',
    },
    exam: null,
    standing: { appealDays: 30 },
    notifications: { beforeDue: [90, 30, 7], graceEndingDays: 30, mandatory: ['lapsed', 'renewal-returned', 'audit-selected'] },
    fees: {
      currency: 'USD',
      certification: null,
      recertification: null,
      late: 5000,
      extension: 5000,
      reinstatement: 10000,
      packages: [],
    },
    configurable: [
      {
        path: 'credit.sharing.firstTimeCombined',
        reason:
          'seed 003 gives 30 credits for a first dual recertification but not its approved minimum; 15 as for one certification',
      },
      { path: 'extension.requestByTime', reason: 'seed 003 says "end of the business day" without an hour' },
      { path: 'exam', reason: 'seed 003 names the exam but none of its settings' },
      { path: 'fees.certification', reason: 'seed 003 gives no exam or certification fee' },
      { path: 'fees.recertification', reason: 'seed 003 gives no recertification fee amount' },
      {
        path: 'renewal.auditShare',
        reason: 'seed 003 says extensions are always audited but not what share of other applications is',
      },
      {
        path: 'notifications',
        reason: 'seed 003 says notices are a courtesy but gives no schedule; 90, 30 and 7 days before the due date',
      },
      {
        path: 'standing.appealDays',
        reason: 'seed 003 gives no appeal period for ethics decisions; 30 days as seed 002 gives for provider terminations',
      },
    ],
    sources: ['seeds/003 (Recertification Resources FAQ)'],
  };
}

export const namssPolicies: PolicyInput[] = [
  namssPolicy('cpcs', 'CPCS', 'Certified Provider Credentialing Specialist'),
  namssPolicy('cpmsm', 'CPMSM', 'Certified Professional Medical Services Management'),
];
