import { describe, expect, it } from 'vitest';
import type { Standing, StandingCertification } from '../api/credentials';
import { checkLookup, foundSentence, lookupFrom, standingWords } from './standing';

const certification: StandingCertification = {
  program: 'namss/cpcs',
  designation: 'CPCS',
  name: 'Certified Provider Credentialing Specialist',
  inGoodStanding: true,
  status: 'renewal-open',
  certifiedSince: '2016-05-01',
  validThrough: '2026-12-01',
  credentialId: null,
};

describe('a lookup', () => {
  it('needs a certificate number or at least 3 letters of a name, at most 200 characters', () => {
    expect(checkLookup('  Dana ')).toEqual({ q: 'Dana', problem: null });
    expect(checkLookup(' Da ')).toEqual({ q: null, problem: 'Give a certificate number or at least 3 letters of the name' });
    expect(checkLookup('x'.repeat(201)).problem).toBe('Must be at most 200 characters');
  });

  it('is kept in the address only when it can be looked up', () => {
    expect(lookupFrom({ q: ' Dana Whitfield ' })).toEqual({ q: 'Dana Whitfield' });
    expect(lookupFrom({ q: 'Da' })).toEqual({});
    expect(lookupFrom({ q: 42 })).toEqual({});
    expect(lookupFrom({})).toEqual({});
  });
});

describe('a certification’s standing', () => {
  it('is said in words, with its status', () => {
    expect(standingWords(certification)).toEqual({ standing: 'In good standing', status: 'Renewal open', color: 'green' });
    expect(standingWords({ ...certification, inGoodStanding: false, status: 'lapsed' })).toEqual({
      standing: 'Not in good standing',
      status: 'Lapsed',
      color: 'red',
    });
    // A status the web does not know yet is still said in words.
    expect(standingWords({ ...certification, status: 'on-hold' }).status).toBe('On hold');
  });

  it('sums up what was found', () => {
    const standing: Standing = { body: 'NAMSS', asOf: '2026-11-23', notice: 'Standing on 2026-11-23.', people: [] };
    expect(foundSentence(standing, 'Zed')).toBe('No one with a certification of NAMSS was found for “Zed”.');
    const person = { legalName: 'Dana Whitfield', number: 'N-1', certifications: [certification] };
    expect(foundSentence({ ...standing, people: [person] }, 'Dana')).toBe('1 person found.');
    expect(foundSentence({ ...standing, people: [person, person] }, 'Dana')).toBe('2 people found.');
  });
});
