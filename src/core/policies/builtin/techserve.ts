import type { BodyInput } from '../body-schema';
import type { PolicyInput } from '../policy-schema';

/** TechServe Alliance: CPSR and CPSAE, Levels I and II (seeds 000 and 001). */
export const techserveBody: BodyInput = {
  id: 'techserve',
  name: 'TechServe Alliance',
  timeZone: 'America/New_York',
  providers: {
    decisionDays: 42,
    confirmationDays: 30,
    recordsYears: 6,
    appealDays: 30,
    recurringApprovalYears: 2,
    applicationFee: 0,
    currency: 'USD',
    approvalCodePrefix: 'TSA',
  },
  configurable: [
    { path: 'timeZone', reason: 'the seeds give no time zone; the office phone is in Virginia' },
    {
      path: 'providers',
      reason:
        'the seeds give advance approval of outside events but no provider program; the SER program (seed 002) is the model',
    },
  ],
};

const SOURCES = ['seeds/000 (Continuing Education)', 'seeds/001 (Certification, FAQs, Program Rules & Fees, Code of Ethics)'];

const CPSR_TENETS = [
  'CPSR adheres to the tenet of equal opportunity for all candidates regardless of race, religion, color, sex, creed, age, marital status, sexual orientation, or national origin.',
  'CPSR abides by all applicable federal, state, and local laws in the performance of their duties. CPSR does not defame clients, consultants, or competitors.',
  'CPSR preserves the confidentiality of all confidential information of their firm’s clients.',
  'CPSR does not intentionally misrepresent a consultant’s skills or experience.',
  'CPSR does not intentionally misrepresent a consultant’s pay rate, contract terms, assignment duration, or other facts relevant to the business relationship.',
  'CPSR does not unfairly prevent a consultant from pursuing other opportunities.',
  'CPSR refrains from soliciting employees of their firm’s active clients.',
  'CPSR does not knowingly induce consultants to breach or improperly interfere with a contractual relationship.',
];

const CPSAE_TENETS = [
  'CPSAE adheres to the tenet of equal opportunity for all candidates regardless of race, religion, color, sex, creed, age, marital status, sexual orientation, or national origin.',
  'CPSAE abides by all applicable federal, state, and local laws in the performance of their duties.',
  'CPSAE does not defame clients, consultants, or competitors.',
  'CPSAE preserves the confidentiality of all confidential information of their firm’s clients.',
  'CPSAE does not intentionally misrepresent a consultant’s skills or experience.',
  'CPSAE does not intentionally misrepresent a consultant’s pay rate, contract terms, assignment duration, or other facts relevant to the business relationship.',
  'CPSAE complies with clients’ established business practices related to gifts and gratuities to a client’s employees.',
];

type Track = { key: 'cpsr' | 'cpsae'; designation: string; name: string; tenets: string[] };

const TRACKS: Track[] = [
  { key: 'cpsr', designation: 'CPSR', name: 'Certified Professional Services Recruiter', tenets: CPSR_TENETS },
  { key: 'cpsae', designation: 'CPSAE', name: 'Certified Professional Services Account Executive', tenets: CPSAE_TENETS },
];

function techservePolicy(track: Track, level: 1 | 2): PolicyInput {
  const roman = level === 1 ? 'I' : 'II';
  return {
    id: `techserve/${track.key}-${level}`,
    version: 1,
    body: 'techserve',
    name: `${track.name}, Level ${roman}`,
    designation: `${track.designation} ${roman}`,
    summary:
      level === 1
        ? 'Mastery of industry best practices, general industry concepts, employment law and other legal issues.'
        : 'Advanced mastery through case studies; needs Level I in the same track and two years of experience.',
    prerequisites:
      level === 1 ? { programs: [], experienceYears: 0 } : { programs: [`techserve/${track.key}-1`], experienceYears: 2 },
    ethics: { title: `Code of Ethics: ${track.name} (${track.designation})`, tenets: track.tenets },
    cycle: { kind: 'anniversary', years: 3 },
    credit: {
      unit: { one: 'contact hour', many: 'contact hours' },
      total: 24,
      minimums: [
        {
          key: 'legal',
          credits: 6,
          when: { category: 'legal' },
          term: 'legal',
          description: 'sessions covering employment law or other legal issues',
        },
      ],
      recommendedPerYear: 8,
      sharing: { group: 'techserve-certifications', combined: { total: 24, minimums: { legal: 6 } }, firstTimeCombined: null },
    },
    activityTypes: [
      { id: 'webinar', label: 'TechServe Alliance webinar', credit: { kind: 'per-activity', credits: 1 } },
      { id: 'chapter-event', label: 'chapter event with an industry speaker', credit: { kind: 'per-activity', credits: 1 } },
      { id: 'training-program', label: 'recruiter or sales training program', credit: { kind: 'hours', maxPerActivity: 8 } },
      { id: 'archived-session', label: 'archived online learning session', credit: { kind: 'per-activity', credits: 1 } },
      { id: 'annual-conference', label: 'TechServe Alliance Annual Conference', credit: { kind: 'hours', maxPerActivity: 16 } },
      {
        id: 'external',
        label: 'event sponsored by another organization',
        credit: { kind: 'hours' },
        requiresApproval: true,
      },
    ],
    otherActivityTypes: null,
    renewal: { opens: null, due: { kind: 'offset', from: 'cycle-end' }, lateUntil: null, checkDateCounts: false },
    extension: null,
    lapse: { graceUntil: null, reinstatement: null, afterGrace: 'new-exam' },
    exam: {
      questions: 100,
      passMarks:
        level === 1
          ? [
              { from: null, percent: 70 },
              { from: '2016-07-01', percent: 80 },
            ]
          : [{ from: null, percent: 80 }],
      timeLimitMinutes: 120,
      windowMonths: 6,
      retakes: { allowed: 1, withinMonths: 6, fee: 12500 },
      results: { immediate: true, sectionReport: true, revealAnswers: false, copyToEmployer: true },
    },
    standing: { appealDays: 30 },
    fees: {
      currency: 'USD',
      certification: { member: 39500, nonMember: 69500 },
      recertification: null,
      late: null,
      extension: null,
      reinstatement: null,
      packages:
        level === 1
          ? [
              {
                id: 'exam-training-webinars',
                label: 'Exam training webinars',
                price: { member: 10000, nonMember: 20000 },
                soldSeparately: false,
                bundlePrice: { member: 49500, nonMember: 89500 },
              },
            ]
          : [],
    },
    configurable: [
      { path: 'renewal.opens', reason: 'the seeds give no renewal window; renewal is due at the end of the three-year period' },
      { path: 'renewal.lateUntil', reason: 'the seeds give no late period or late fee' },
      { path: 'lapse.graceUntil', reason: 'the seeds give no grace period; an unrenewed certification expires at the cycle end' },
      { path: 'lapse.afterGrace', reason: 'the seeds do not say how an expired certificant returns' },
      { path: 'extension', reason: 'the seeds describe no extensions' },
      { path: 'standing.appealDays', reason: 'the seeds give no appeal period for ethics decisions; 30 days as for providers' },
      { path: 'fees.recertification', reason: 'the seeds give no recertification fee' },
      ...(level === 2 ? [{ path: 'exam.passMarks', reason: 'the seeds give the 70% to 80% change for Level I only' }] : []),
    ],
    sources: SOURCES,
  };
}

export const techservePolicies: PolicyInput[] = TRACKS.flatMap((track) => [techservePolicy(track, 1), techservePolicy(track, 2)]);
