import { describe, expect, it } from 'vitest';
import { actionLabel, canonicalJson, diffRecords, fieldLabel, formatAuditValue } from './audit-diff';

const person = {
  id: 'p1',
  number: 'N-1',
  legalName: 'Dana Whitfield',
  city: 'Springfield',
  region: 'IL',
  member: false,
  contactEmails: ['dana@home.example'],
  mergedInto: null,
  birthDate: null,
};

describe('the before/after diff', () => {
  it('lists only the fields that changed, in the record order', () => {
    expect(diffRecords(person, { ...person, region: null, city: 'Denver', member: true, birthDate: '1980-04-02' })).toEqual([
      { key: 'city', label: 'City', kind: 'changed', before: 'Springfield', after: 'Denver' },
      { key: 'region', label: 'State or region', kind: 'removed', before: 'IL', after: null },
      { key: 'member', label: 'Member', kind: 'changed', before: false, after: true },
      { key: 'birthDate', label: 'Birth date', kind: 'added', before: null, after: '1980-04-02' },
    ]);
  });

  it('compares lists and nested records by value, key order aside', () => {
    expect(diffRecords({ a: [1, 2], b: { x: 1, y: 2 } }, { b: { y: 2, x: 1 }, a: [1, 2] })).toEqual([]);
    expect(diffRecords({ contactEmails: ['a@x.org'] }, { contactEmails: ['a@x.org', 'b@x.org'] })).toEqual([
      { key: 'contactEmails', label: 'Contact e-mails', kind: 'changed', before: ['a@x.org'], after: ['a@x.org', 'b@x.org'] },
    ]);
  });

  it('takes a missing field and null as the same', () => {
    expect(diffRecords({ provider: null }, {})).toEqual([]);
  });

  it('shows every field set of an added record, and every field of a removed one', () => {
    expect(diffRecords(null, { title: 'Webinar', provider: null, hours: 2 })).toEqual([
      { key: 'title', label: 'Title', kind: 'added', before: null, after: 'Webinar' },
      { key: 'hours', label: 'Hours', kind: 'added', before: null, after: 2 },
    ]);
    expect(diffRecords({ email: 'a@x.org' }, undefined)).toEqual([
      { key: 'email', label: 'E-mail', kind: 'removed', before: 'a@x.org', after: null },
    ]);
    expect(diffRecords(null, null)).toEqual([]);
  });

  it('compares values that are not records as a whole', () => {
    expect(diffRecords('old', 'new')).toEqual([{ key: '', label: 'Value', kind: 'changed', before: 'old', after: 'new' }]);
    expect(diffRecords([1], [1])).toEqual([]);
  });
});

describe('audit words', () => {
  it('names fields and actions for people', () => {
    expect(fieldLabel('legalName')).toBe('Legal name');
    expect(fieldLabel('renewedThrough')).toBe('Renewed through');
    expect(fieldLabel('virtual')).toBe('Virtual');
    expect(actionLabel('person.profile-changed')).toBe('Profile changed');
    expect(actionLabel('provider.course-approved')).toBe('Provider course approved');
  });

  it('formats values in plain words', () => {
    expect(formatAuditValue(null)).toBe('(none)');
    expect(formatAuditValue('')).toBe('(none)');
    expect(formatAuditValue(true)).toBe('yes');
    expect(formatAuditValue(2.5)).toBe('2.5');
    expect(formatAuditValue(['a@x.org', 'b@x.org'])).toBe('a@x.org, b@x.org');
    expect(formatAuditValue([])).toBe('(none)');
    expect(formatAuditValue({ b: { c: 1 } })).toBe('{"b":{"c":1}}');
  });

  it('formats a record field by field, counting lists of ids', () => {
    expect(
      formatAuditValue({
        activityIds: ['d340f444-66d0-4ba5-8f9a-44d1f91be74a', 'fdd1f1ce-afe5-4b96-a91f-14cc7dd32911'],
        keptApartPrograms: ['namss/cpcs'],
        evidenceIds: [],
        survivorContactEmailsBefore: null,
      }),
    ).toBe('Activity ids: 2 · Kept apart programs: namss/cpcs · Evidence ids: (none) · Survivor contact emails before: (none)');
  });

  it('writes JSON with keys in order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } }, 2)).toBe('{\n  "a": {\n    "c": 3,\n    "d": 2\n  },\n  "b": 1\n}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});
