import { describe, expect, it } from 'vitest';
import type { ProviderView } from '../api/providers';
import {
  checkRegistration,
  EMPTY_ACCOUNT,
  EMPTY_PROVIDER,
  firstErrorId,
  providerChange,
  providerErrors,
  providerProblems,
  providerValuesOf,
  problemSummary,
} from './provider-form';

const provider: ProviderView = {
  id: '00000000-0000-4000-8000-000000000001',
  bodyId: 'ser',
  name: 'Wetland Restoration Institute',
  kind: 'non-profit',
  contactName: 'Robin River',
  email: 'robin@wetlands.example',
  phone: null,
  website: 'https://wetlands.example',
  city: 'Madison',
  region: 'WI',
  status: 'active',
  statusReason: null,
  statusChangedAt: null,
  createdAt: '2026-11-01T10:00:00.000Z',
};

const filled = {
  ...EMPTY_PROVIDER,
  name: ' Riverside Institute ',
  kind: 'institution' as const,
  contactName: 'Robin River',
  email: 'Robin@Riverside.example',
  website: '',
  phone: ' 555-0100 ',
};

describe('registering a provider', () => {
  it('sends the details trimmed, optional ones empty as null, and an account only when not signed in', () => {
    const account = { displayName: 'Robin River', email: 'robin@riverside.example', password: 'a long enough password' };
    expect(checkRegistration(filled, account)).toEqual({
      body: {
        provider: {
          name: 'Riverside Institute',
          kind: 'institution',
          contactName: 'Robin River',
          email: 'Robin@Riverside.example',
          phone: '555-0100',
          website: null,
          city: null,
          region: null,
        },
        account,
      },
      errors: null,
    });
    expect(checkRegistration(filled, null).body).not.toHaveProperty('account');
  });

  it('names every field at fault, in the server’s words', () => {
    const checked = checkRegistration(
      { ...EMPTY_PROVIDER, email: 'nope', website: 'riverside.example', name: 'x'.repeat(201) },
      { ...EMPTY_ACCOUNT, email: 'robin@', password: 'short' },
    );
    expect(checked.body).toBeNull();
    expect(checked.errors).toEqual({
      provider: {
        name: 'must be at most 200 characters',
        kind: 'is required',
        contactName: 'is required',
        email: 'must be an e-mail address',
        website: 'must be a web address',
      },
      account: { displayName: 'is required', email: 'must be an e-mail address', password: 'must be at least 10 characters' },
      other: [],
    });
    expect(firstErrorId(checked.errors!, 'register')).toBe('register-name');
    expect(problemSummary(checked.errors!)[0]).toBe('Provider name: must be at most 200 characters');
  });
});

describe('changing the details', () => {
  it('is checked with the server’s schema: nothing for details as loaded, the field at fault otherwise', () => {
    expect(providerProblems(providerValuesOf(provider))).toEqual({});
    expect(providerProblems({ ...providerValuesOf(provider), name: ' ', phone: '5'.repeat(41) })).toEqual({
      name: 'is required',
      phone: 'must be at most 40 characters',
    });
  });
});

describe('the server’s problems', () => {
  it('land on the provider’s fields (registration or change), the account’s, or stay general', () => {
    expect(
      providerErrors([
        { path: 'body.provider.kind', message: 'must be one of institution, government' },
        { path: 'body.website', message: 'must be a web address' },
        { path: 'body.account.email', message: 'already has an account: sign in and register from it' },
        { path: 'body.account', message: 'is required when not signed in' },
        { path: 'body', message: 'change at least one field' },
        { path: 'body.colour', message: 'is not allowed' },
      ]),
    ).toEqual({
      provider: { kind: 'must be one of institution, government', website: 'must be a web address' },
      account: { email: 'already has an account: sign in and register from it' },
      other: ['change at least one field', 'body.colour: is not allowed'],
    });
    expect(firstErrorId(providerErrors([{ path: 'body.account.password', message: 'x' }]), 'register')).toBe(
      'register-account-password',
    );
  });
});

describe('a change of details', () => {
  it('is nothing when nothing changed (an address differing only in capitals included)', () => {
    expect(providerChange(provider, providerValuesOf(provider))).toBeNull();
    expect(providerChange(provider, { ...providerValuesOf(provider), email: 'Robin@Wetlands.example ' })).toBeNull();
  });

  it('sends only the fields that changed, emptied ones as null', () => {
    expect(providerChange(provider, { ...providerValuesOf(provider), phone: '555-0199', website: ' ', name: 'WRI' })).toEqual({
      name: 'WRI',
      phone: '555-0199',
      website: null,
    });
  });
});
