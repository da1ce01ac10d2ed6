import { describe, expect, it } from 'vitest';
import { evaluate } from '../compliance/evaluate';
import { RecertError, type FieldIssue } from '../errors';
import { builtinBodies, builtinPolicies, builtinRegistry } from './builtin/index';
import { namssBody, namssPolicies } from './builtin/namss';
import { techserveBody, techservePolicies } from './builtin/techserve';
import { createPolicyRegistry, parsePolicy } from './policy-registry';
import type { PolicyInput } from './policy-schema';

/** A copy of the NAMSS CPCS policy (valid) with some change made to it. */
/** Where an entry added to NAMSS's configurable list lands. */
const ADDED_CONFIGURABLE = `configurable[${namssPolicies[0]!.configurable!.length}].path`;

function namss(change: (policy: PolicyInput) => void = () => {}): PolicyInput {
  const policy = structuredClone(namssPolicies[0]!);
  change(policy);
  return policy;
}

/** The RecertError thrown by `run`; fails the test when nothing (or something else) is thrown. */
function refusal(run: () => unknown): RecertError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RecertError);
    return error as RecertError;
  }
  expect.fail('expected the policy to be refused');
}

const paths = (issues: readonly FieldIssue[]) => issues.map((issue) => issue.path);

describe('the built-in policies', () => {
  it.each(builtinPolicies.map((policy) => [policy.id, policy] as const))('%s validates', (_id, input) => {
    const policy = parsePolicy(input);
    expect(policy.id).toBe(input.id);
    expect(policy.configurable.length).toBeGreaterThan(0);
  });

  it('build one registry of three bodies and seven programs', () => {
    const registry = builtinRegistry();
    expect(registry.bodies().map((body) => body.id)).toEqual(['techserve', 'namss', 'ser']);
    expect(registry.list().map((policy) => policy.id)).toEqual([
      'techserve/cpsr-1',
      'techserve/cpsr-2',
      'techserve/cpsae-1',
      'techserve/cpsae-2',
      'namss/cpcs',
      'namss/cpmsm',
      'ser/cerp',
    ]);
    expect(registry.require('namss/cpcs').credit.total).toBe(30);
    expect(registry.get('namss/nope')).toBeUndefined();
    expect(refusal(() => registry.require('namss/nope')).code).toBe('unknown-program');
  });

  it('carry the seed numbers', () => {
    const registry = builtinRegistry();
    const cpsr = registry.require('techserve/cpsr-1');
    expect(cpsr.credit).toMatchObject({ total: 24, recommendedPerYear: 8, minimums: [{ key: 'legal', credits: 6 }] });
    expect(cpsr.exam?.passMarks).toEqual([
      { from: null, percent: 70 },
      { from: '2016-07-01', percent: 80 },
    ]);
    expect(cpsr.fees).toMatchObject({ certification: { member: 39500, nonMember: 69500 } });
    expect(cpsr.ethics?.tenets).toHaveLength(8);
    expect(registry.require('techserve/cpsae-1').ethics?.tenets).toHaveLength(7);
    expect(registry.require('techserve/cpsr-2').prerequisites).toEqual({ programs: ['techserve/cpsr-1'], experienceYears: 2 });
    expect(registry.require('namss/cpmsm').fees).toMatchObject({ late: 5000, extension: 5000, reinstatement: 10000 });
    expect(registry.require('namss/cpmsm').credit.sharing).toEqual({
      group: 'namss-dual',
      combined: { total: 45, minimums: { approved: 25 } },
      firstTimeCombined: { total: 30, minimums: { approved: 15 } },
    });
  });
});

describe('parsePolicy refuses a broken policy, naming the path of every problem', () => {
  it('field problems, all at once', () => {
    const error = refusal(() =>
      parsePolicy(
        namss((policy) => {
          policy.credit.total = -1;
          policy.cycle = { kind: 'fixed', years: 3, anchor: '13-40' };
          policy.credit.minimums![0]!.credits = 100;
          policy.credit.sharing!.combined.minimums = { approved: 25, ethics: 3 };
          policy.configurable!.push({ path: 'renewal.closes', reason: 'no such field' });
          policy.fees.currency = 'usd';
          policy.renewal.lateUntil = { kind: 'month-day', of: 'due', monthDay: '02-30' };
        }),
      ),
    );
    expect(error.code).toBe('invalid-policy');
    expect(paths(error.issues)).toEqual(
      expect.arrayContaining([
        'credit.total',
        'cycle.anchor',
        'credit.minimums[0].credits',
        'credit.sharing.combined.minimums.ethics',
        ADDED_CONFIGURABLE,
        'fees.currency',
        'renewal.lateUntil.monthDay',
      ]),
    );
    for (const issue of error.issues) expect(issue.message.length).toBeGreaterThan(0);
  });

  it('a fee in part-cents does not hide the cross-field problems', () => {
    const error = refusal(() =>
      parsePolicy(
        namss((policy) => {
          policy.fees.late = 12.5;
          policy.credit.minimums![0]!.credits = 100;
          policy.configurable!.push({ path: 'renewal.closes', reason: 'no such field' });
        }),
      ),
    );
    expect(paths(error.issues)).toEqual(expect.arrayContaining(['fees.late', 'credit.minimums[0].credits', ADDED_CONFIGURABLE]));
  });

  it('deadlines out of order, all at once', () => {
    const error = refusal(() =>
      parsePolicy(
        namss((policy) => {
          policy.renewal.opens = { kind: 'month-day', of: 'cycle-end', monthDay: '12-15' };
          policy.lapse.graceUntil = { kind: 'offset', from: 'due', days: 10 };
          policy.extension!.requestBy = { kind: 'offset', from: 'due', days: 1 };
          policy.extension!.newDue = { kind: 'offset', from: 'due', days: -5 };
        }),
      ),
    );
    expect(error.code).toBe('invalid-policy');
    expect(paths(error.issues).sort()).toEqual(['extension.newDue', 'extension.requestBy', 'lapse.graceUntil', 'renewal.opens']);
    expect(error.issues.find((i) => i.path === 'renewal.opens')?.message).toContain('2022-12-15');
  });

  it('field problems and deadlines out of order together', () => {
    const error = refusal(() =>
      parsePolicy(
        namss((policy) => {
          policy.credit.total = -1;
          policy.configurable!.push({ path: 'renewal.closes', reason: 'no such field' });
          policy.renewal.opens = { kind: 'month-day', of: 'cycle-end', monthDay: '12-15' };
        }),
      ),
    );
    expect(paths(error.issues)).toEqual(expect.arrayContaining(['credit.total', ADDED_CONFIGURABLE, 'renewal.opens']));
  });

  it.each<[string, (policy: PolicyInput) => void, string]>([
    [
      'duplicate activity type',
      (p) => p.activityTypes.push({ id: 'webinar', label: 'again', credit: { kind: 'hours' } }),
      'activityTypes[7].id',
    ],
    ['duplicate minimum', (p) => p.credit.minimums!.push({ ...p.credit.minimums![0]! }), 'credit.minimums[1].key'],
    ['due date relative to itself', (p) => (p.renewal.due = { kind: 'offset', from: 'due' }), 'renewal.due'],
    [
      'first-time sharing minimum not in minimums',
      (p) => (p.credit.sharing!.firstTimeCombined = { total: 30, minimums: { cme: 1 } }),
      'credit.sharing.firstTimeCombined.minimums.cme',
    ],
    ['negative minimum', (p) => (p.credit.minimums![0]!.credits = -3), 'credit.minimums[0].credits'],
    ['bad activity type id', (p) => (p.activityTypes[0]!.id = 'Web Inar'), 'activityTypes[0].id'],
    ['no activity types', (p) => (p.activityTypes = []), 'activityTypes'],
    ['bad id', (p) => (p.id = 'namss'), 'id'],
    ['bad currency', (p) => (p.fees.currency = 'usd'), 'fees.currency'],
    ['bad request time', (p) => (p.extension!.requestByTime = '25:00'), 'extension.requestByTime'],
    ['evidence share above 1', (p) => (p.extension!.evidenceShare = 1.5), 'extension.evidenceShare'],
    ['unknown field', (p) => Object.assign(p, { closes: '12-01' }), '(input)'],
    ['cycle of 0 years', (p) => (p.cycle = { kind: 'anniversary', years: 0 }), 'cycle.years'],
  ])('%s', (_name, change, path) => {
    const error = refusal(() => parsePolicy(namss(change)));
    expect(error.code).toBe('invalid-policy');
    expect(paths(error.issues)).toContain(path);
  });

  it.each(['constructor', 'credit.valueOf', 'renewal.__proto__', 'fees.hasOwnProperty'])(
    'a configurable path naming an inherited property ("%s") is not a field of the policy',
    (path) => {
      const error = refusal(() => parsePolicy(namss((p) => p.configurable!.push({ path, reason: 'not a field' }))));
      expect(paths(error.issues)).toEqual([ADDED_CONFIGURABLE]);
    },
  );

  it('a configurable path naming a real field is accepted, however deep', () => {
    const policy = parsePolicy(namss((p) => p.configurable!.push({ path: 'activityTypes.0.label', reason: 'a real field' })));
    expect(policy.configurable.at(-1)?.path).toBe('activityTypes.0.label');
  });

  it('pass marks must be in date order', () => {
    const techserve = structuredClone(techservePolicies[0]!);
    techserve.exam!.passMarks = [
      { from: null, percent: 70 },
      { from: '2016-07-01', percent: 80 },
      { from: '2015-01-01', percent: 75 },
    ];
    expect(paths(refusal(() => parsePolicy(techserve)).issues)).toEqual(['exam.passMarks[2].from']);
  });
});

describe('createPolicyRegistry checks how the documents fit together', () => {
  it('an unknown body', () => {
    const policy = namss((p) => {
      p.id = 'acme/cpcs';
      p.body = 'acme';
    });
    const error = refusal(() => createPolicyRegistry([policy], [namssBody]));
    expect(error.code).toBe('invalid-policy');
    expect(paths(error.issues)).toEqual(['policies[0] (acme/cpcs).body']);
  });

  it('problems across several documents, all at once', () => {
    const policies = [
      namss(),
      namss((p) => (p.credit.total = -5)),
      namss((p) => (p.id = 'namss/other')),
      namss((p) => {
        p.id = 'acme/x';
        p.body = 'acme';
      }),
      namss((p) => (p.id = 'ser/cpcs')),
    ];
    const bodies = [namssBody, { ...techserveBody, timeZone: 'Mars/Olympus' }, { ...namssBody, id: 'ser' }];
    const error = refusal(() => createPolicyRegistry(policies, bodies));
    expect(paths(error.issues)).toEqual(
      expect.arrayContaining([
        'bodies[1].timeZone',
        'policies[1] (namss/cpcs).credit.total',
        'policies[3] (acme/x).body',
        'policies[4] (ser/cpcs).id',
        // namss/cpcs, namss/other and ser/cpcs (body namss) share a group; acme/x cannot join it.
        'policies[3] (acme/x).credit.sharing.group',
      ]),
    );
  });

  it('a policy with field problems and an unknown body reports both', () => {
    const policy = namss((p) => {
      p.id = 'acme/cpcs';
      p.body = 'acme';
      p.credit.total = -1;
    });
    const error = refusal(() => createPolicyRegistry([policy], [namssBody]));
    expect(paths(error.issues)).toEqual(
      expect.arrayContaining(['policies[0] (acme/cpcs).credit.total', 'policies[0] (acme/cpcs).body']),
    );
  });

  it.each<[string, PolicyInput[], string]>([
    ['duplicate program', [namss(), namss()], 'policies[1] (namss/cpcs).id'],
    [
      'unknown prerequisite',
      [namss((p) => (p.prerequisites = { programs: ['namss/cpxx'] }))],
      'policies[0] (namss/cpcs).prerequisites.programs',
    ],
    [
      'partners stating different combined requirements',
      [namss(), namss((p) => ((p.id = 'namss/cpmsm'), (p.credit.sharing!.combined.total = 50)))],
      'policies[1] (namss/cpmsm).credit.sharing',
    ],
  ])('%s', (_name, policies, path) => {
    expect(paths(refusal(() => createPolicyRegistry(policies, [namssBody])).issues)).toContain(path);
  });
});

describe('activity type rules', () => {
  it('a listed type, a free-form type where the program takes any, none where it does not', () => {
    const registry = createPolicyRegistry(builtinPolicies, builtinBodies);
    const cpcs = registry.require('namss/cpcs');
    const cpsr = registry.require('techserve/cpsr-1');
    expect(registry.typeRule(cpsr, 'training-program')?.credit).toEqual({ kind: 'hours', maxPerActivity: 8 });
    expect(registry.typeRule(cpsr, 'external')?.requiresApproval).toBe(true);
    expect(registry.typeRule(cpsr, 'journal-club')).toBeUndefined();
    expect(registry.typeRule(cpcs, 'journal-club')).toMatchObject({
      id: 'journal-club',
      credit: { kind: 'hours' },
      requiresApproval: false,
    });
  });

  it("typeRulesOf lists only the program's own types, whatever free-form types people have entered", () => {
    const registry = createPolicyRegistry(builtinPolicies, builtinBodies);
    const cpcs = registry.require('namss/cpcs');
    const listed = cpcs.activityTypes.map((type) => type.id);
    evaluate(
      {
        asOf: '2022-10-01',
        certifications: [{ program: 'namss/cpcs', awarded: '2019-06-15' }],
        activities: [{ id: 'a1', type: 'private-coaching-with-dr-smith', date: '2021-01-01', hours: 2 }],
      },
      registry,
    );
    expect([...registry.typeRulesOf(cpcs).keys()]).toEqual(listed);
  });
});
