import { describe, expect, it } from 'vitest';
import type { PersonView } from '../api/queries';
import { checkProfile, contactRow, profileChange, profileErrors, profileValuesOf } from './profile';

const person: PersonView = {
  id: '00000000-0000-4000-8000-000000000001',
  bodyId: 'namss',
  number: 'N-1',
  legalName: 'Dana Whitfield',
  city: 'Springfield',
  region: null,
  member: false,
  contactEmails: ['dana@home.example'],
  mergedInto: null,
};

describe('the profile change', () => {
  it('is nothing when nothing changed (blank birth date: keep the one on file)', () => {
    expect(profileChange(person, profileValuesOf(person), { admin: true })).toBeNull();
    expect(checkProfile(person, { ...profileValuesOf(person), city: ' Springfield ' }, { admin: false })).toEqual({
      kind: 'unchanged',
    });
  });

  it('sends only the fields that changed, trimmed, emptied ones as null', () => {
    const values = {
      ...profileValuesOf(person),
      legalName: ' Dana J. Whitfield ',
      city: '  ',
      region: 'IL',
      birthDate: '1980-04-02',
    };
    expect(profileChange(person, values, { admin: false })).toEqual({
      legalName: 'Dana J. Whitfield',
      city: null,
      region: 'IL',
      birthDate: '1980-04-02',
    });
  });

  it('sends the membership flag only for admins', () => {
    const values = { ...profileValuesOf(person), member: true };
    expect(profileChange(person, values, { admin: false })).toBeNull();
    expect(profileChange(person, values, { admin: true })).toEqual({ member: true });
  });

  it('sends the whole list of contact addresses when it changed, empty rows left out', () => {
    const values = profileValuesOf(person);
    expect(
      profileChange(person, { ...values, contactEmails: [...values.contactEmails, contactRow(' ')] }, { admin: false }),
    ).toBeNull();
    expect(
      profileChange(person, { ...values, contactEmails: [contactRow(''), contactRow(' work@example.org ')] }, { admin: false }),
    ).toEqual({ contactEmails: ['work@example.org'] });
    expect(profileChange(person, { ...values, contactEmails: [] }, { admin: false })).toEqual({ contactEmails: [] });
  });

  it("is checked with the server's schema and its messages", () => {
    const bad = contactRow('not-an-address');
    const result = checkProfile(
      person,
      { ...profileValuesOf(person), legalName: ' ', contactEmails: [contactRow('ok@example.org'), bad] },
      { admin: false },
    );
    expect(result).toEqual({
      kind: 'invalid',
      errors: { fields: { legalName: 'is required' }, contactEmails: { [bad.key]: 'must be an e-mail address' }, other: [] },
    });
  });
});

describe("the server's problems on the profile form", () => {
  it('lands each on its field and its address row, counting only the addresses sent', () => {
    const rows = [contactRow('a@example.org'), contactRow(''), contactRow('b@')];
    const errors = profileErrors(
      [
        { path: 'body.legalName', message: 'must be at most 200 characters' },
        { path: 'body.birthDate', message: '"1980-02-30" is not a calendar date (YYYY-MM-DD)' },
        { path: 'body.contactEmails[1]', message: 'must be an e-mail address' },
        { path: 'body.contactEmails', message: 'at most 10 addresses' },
        { path: 'body', message: 'change at least one field' },
        { path: 'body.nickname', message: 'is not expected' },
      ],
      rows,
    );
    expect(errors).toEqual({
      fields: { legalName: 'must be at most 200 characters', birthDate: '"1980-02-30" is not a calendar date (YYYY-MM-DD)' },
      contactEmails: { [rows[2]!.key]: 'must be an e-mail address' },
      contactList: 'at most 10 addresses',
      other: ['change at least one field', 'body.nickname: is not expected'],
    });
  });
});
