import { describe, expect, it } from 'vitest';
import { check, emptyRow, initialValues, serverErrors, type Values } from './new-person';

function values(fields: Partial<Values> = {}): Values {
  return { ...initialValues(''), legalName: 'Casey Example', certifications: [], ...fields };
}

describe('the add-certificant checks', () => {
  it('builds the request body, leaving out blank rows and empty optional fields', () => {
    const held = { ...emptyRow('namss/cpcs'), awarded: '2020-06-01' };
    const { body, errors } = check(
      values({ emails: ' casey@example.org, c.ex@example.org ', city: ' ', certifications: [held, emptyRow()] }),
      '',
    );
    expect(errors.person).toEqual({});
    expect(body).toEqual({
      legalName: 'Casey Example',
      emails: ['casey@example.org', 'c.ex@example.org'],
      birthDate: null,
      city: null,
      region: null,
      member: false,
      certifications: [{ program: 'namss/cpcs', awarded: '2020-06-01', renewedThrough: null }],
    });
  });

  it('names every field at fault', () => {
    const first = { ...emptyRow('namss/cpcs'), awarded: '2020-06-01', renewedThrough: '2019-12-01' };
    const twice = { ...emptyRow('namss/cpcs'), awarded: '2020-02-30' };
    const { body, errors } = check(
      values({ legalName: ' ', number: 'A 1', emails: 'casey', birthDate: '1980-02-30', certifications: [first, twice] }),
      '',
    );
    expect(body).toBeNull();
    expect(errors.person).toEqual({
      legalName: 'is required',
      number: 'must be 1 to 32 letters, digits or hyphens',
      emails: '"casey" must be an e-mail address',
      birthDate: '"1980-02-30" is not a calendar date (YYYY-MM-DD)',
    });
    expect(errors.held[first.key]).toEqual({ renewedThrough: 'must not be before awarded' });
    expect(errors.held[twice.key]).toEqual({
      program: 'is listed twice',
      awarded: '"2020-02-30" is not a calendar date (YYYY-MM-DD)',
    });
  });

  it('asks for a missing award date', () => {
    const held = emptyRow('namss/cpcs');
    const { body, errors } = check(values({ certifications: [{ ...held, renewedThrough: '2020-12-01' }] }), '');
    expect(body).toBeNull();
    expect(errors.held[held.key]).toEqual({ awarded: 'must be a date as YYYY-MM-DD' });
  });

  it("ignores an untouched row that shows the body's only program", () => {
    const { body } = check(values({ certifications: [emptyRow('ser/cerp')] }), 'ser/cerp');
    expect(body?.certifications).toEqual([]);
  });
});

describe("the server's problems on the form", () => {
  it('lands each on its field and its certification row', () => {
    const rows = [emptyRow('namss/cpcs'), emptyRow('namss/cpmsm')];
    const errors = serverErrors(
      [
        { path: 'body.legalName', message: 'is required' },
        { path: 'emails', message: 'a@b.org already belongs to a certificant of namss' },
        { path: 'body.emails[1]', message: 'must be an e-mail address' },
        { path: 'certifications[1].program', message: '"x" is not a program of namss' },
        { path: 'body.certifications[0].awarded', message: 'must be a date' },
        { path: 'body', message: 'is invalid' },
      ],
      rows,
    );
    expect(errors.person).toEqual({ legalName: 'is required', emails: 'a@b.org already belongs to a certificant of namss' });
    expect(errors.held).toEqual({
      [rows[0]!.key]: { awarded: 'must be a date' },
      [rows[1]!.key]: { program: '"x" is not a program of namss' },
    });
    expect(errors.other).toEqual(['body: is invalid']);
  });
});
