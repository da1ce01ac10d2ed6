import { describe, expect, it } from 'vitest';
import type { DuplicatePair } from '../api/queries';
import { mergePlan, movedText, reasonText, who } from './merge-plan';

const side = (id: string, fields: Partial<DuplicatePair['a']>): DuplicatePair['a'] => ({
  id,
  number: `N-${id}`,
  legalName: 'Sam Okafor',
  birthDate: null,
  city: null,
  region: null,
  emails: [],
  programs: [],
  activities: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

const pair: DuplicatePair = {
  a: side('1', {
    emails: ['sam@example.org'],
    programs: [{ program: 'namss/cpcs', awarded: '2019-06-15' }],
    activities: 6,
  }),
  b: side('2', {
    legalName: 'SAM OKAFOR',
    emails: ['sam@example.org', 'sam@work.example'],
    programs: [
      { program: 'namss/cpcs', awarded: '2019-06-01' },
      { program: 'namss/cpmsm', awarded: '2021-02-01' },
    ],
    activities: 3,
  }),
  reasons: [{ kind: 'shared-email', email: 'sam@example.org' }, { kind: 'name-and-birth-date' }],
};

describe('the merge plan', () => {
  it('moves the programs the survivor lacks, keeps the shared ones apart, moves every activity', () => {
    expect(mergePlan(pair, '1')).toEqual({
      survivor: pair.a,
      merged: pair.b,
      moving: [{ program: 'namss/cpmsm', awarded: '2021-02-01' }],
      keptApart: ['namss/cpcs'],
      activities: 3,
      newEmails: ['sam@work.example'],
    });
  });

  it('works the other way round when the other record stays', () => {
    const plan = mergePlan(pair, '2');
    expect(plan.survivor.id).toBe('2');
    expect(plan.moving).toEqual([]);
    expect(plan.keptApart).toEqual(['namss/cpcs']);
    expect(plan.activities).toBe(6);
    expect(plan.newEmails).toEqual([]);
  });
});

describe('merge words', () => {
  it('says why a pair looks like one person', () => {
    expect(pair.reasons.map(reasonText)).toEqual(['Both use sam@example.org', 'Same name and birth date']);
  });

  it('says what moved', () => {
    expect(movedText({ certifications: 0, activities: 3, evidence: 1, signIns: 2 })).toBe(
      'no certification, 3 CE activities, 1 evidence file and 2 sign-ins',
    );
    expect(movedText({ certifications: 1, activities: 1, evidence: 0, signIns: 0 })).toBe(
      '1 certification, 1 CE activity, no evidence file and no sign-in',
    );
  });

  it('names a record by number and name', () => {
    expect(who(pair.b)).toBe('N-2 SAM OKAFOR');
  });
});
