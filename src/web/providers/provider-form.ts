import { toFieldIssues } from '../../core/validation';
import { providerDetailsSchema, registrationSchema } from '../../server/providers/provider-schemas';
import type { ProviderChangeBody, ProviderKind, ProviderStatus, ProviderView, RegistrationBody } from '../api/providers';

/**
 * The provider's details form (registering, and changing them later), its checks and where the
 * server's problems land. The checks are the server's own schemas (provider-schemas.ts), so a
 * mistake is shown before sending in the server's words; the server checks again.
 */

/** Short names, for lists; the form says more. */
export const PROVIDER_KIND_NAMES: Record<ProviderKind, string> = {
  institution: 'Institution',
  government: 'Government agency',
  'non-profit': 'Non-profit',
  company: 'Company',
  individual: 'Individual',
};

export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = {
  institution: 'Institution (university, hospital, school)',
  government: 'Government agency',
  'non-profit': 'Non-profit organization',
  company: 'Company',
  individual: 'Individual',
};

export const PROVIDER_STATUS_LABELS: Record<ProviderStatus, string> = {
  active: 'In good standing',
  warned: 'Warned',
  suspended: 'Suspended',
  terminated: 'Terminated',
};

export const PROVIDER_STATUS_COLORS: Record<ProviderStatus, string> = {
  active: 'green',
  warned: 'yellow',
  suspended: 'orange',
  terminated: 'red',
};

export interface ProviderValues {
  name: string;
  kind: ProviderKind | '';
  contactName: string;
  email: string;
  phone: string;
  website: string;
  city: string;
  region: string;
}

export type ProviderField = keyof ProviderValues;

export interface AccountValues {
  displayName: string;
  email: string;
  password: string;
}

export type AccountField = keyof AccountValues;

export const PROVIDER_LABELS: Record<ProviderField, string> = {
  name: 'Provider name',
  kind: 'Kind of provider',
  contactName: 'Contact person',
  email: 'Contact e-mail',
  phone: 'Phone',
  website: 'Website',
  city: 'City',
  region: 'State or region',
};

export const ACCOUNT_LABELS: Record<AccountField, string> = {
  displayName: 'Your name',
  email: 'Your e-mail (to sign in)',
  password: 'Password',
};

export const PROVIDER_FIELDS = Object.keys(PROVIDER_LABELS) as ProviderField[];
export const ACCOUNT_FIELDS = Object.keys(ACCOUNT_LABELS) as AccountField[];

export interface ProviderErrors {
  provider: Partial<Record<ProviderField, string>>;
  account: Partial<Record<AccountField, string>>;
  /** Problems the server names on no field of the form. */
  other: string[];
}

export const NO_PROVIDER_ERRORS: ProviderErrors = { provider: {}, account: {}, other: [] };

export const EMPTY_PROVIDER: ProviderValues = {
  name: '',
  kind: '',
  contactName: '',
  email: '',
  phone: '',
  website: '',
  city: '',
  region: '',
};

export const EMPTY_ACCOUNT: AccountValues = { displayName: '', email: '', password: '' };

export function providerValuesOf(provider: ProviderView): ProviderValues {
  return {
    name: provider.name,
    kind: provider.kind,
    contactName: provider.contactName,
    email: provider.email,
    phone: provider.phone ?? '',
    website: provider.website ?? '',
    city: provider.city ?? '',
    region: provider.region ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The details as sent: trimmed, optional ones empty as null. */
export function providerDetailsOf(values: ProviderValues): RegistrationBody['provider'] {
  return {
    name: values.name.trim(),
    kind: values.kind as ProviderKind,
    contactName: values.contactName.trim(),
    email: values.email.trim(),
    phone: orNull(values.phone),
    website: orNull(values.website),
    city: orNull(values.city),
    region: orNull(values.region),
  };
}

/** The problems of the form as the server's schema finds them, by field; a kind not chosen yet is simply missing. */
function problemsOf(issues: ReturnType<typeof toFieldIssues>, provider: ProviderValues): ProviderErrors {
  const errors = providerErrors(issues);
  if (provider.kind === '') errors.provider.kind = 'is required';
  return errors;
}

/** The problems of the details as typed, by field (the server's words). */
export function providerProblems(values: ProviderValues): Partial<Record<ProviderField, string>> {
  const parsed = providerDetailsSchema.safeParse(providerDetailsOf(values));
  return parsed.success ? {} : problemsOf(toFieldIssues(parsed.error), values).provider;
}

/** The registration to send, or the problems on the form. Someone signed in registers with their own account. */
export function checkRegistration(
  provider: ProviderValues,
  account: AccountValues | null,
): { body: RegistrationBody; errors: null } | { body: null; errors: ProviderErrors } {
  const body: RegistrationBody = {
    provider: providerDetailsOf(provider),
    ...(account
      ? { account: { displayName: account.displayName.trim(), email: account.email.trim(), password: account.password } }
      : {}),
  };
  const parsed = registrationSchema.safeParse(body);
  return parsed.success ? { body, errors: null } : { body: null, errors: problemsOf(toFieldIssues(parsed.error), provider) };
}

/** The PATCH body: only the fields that differ from the provider as loaded; null when nothing changed. */
export function providerChange(saved: ProviderView, values: ProviderValues): ProviderChangeBody | null {
  const details = providerDetailsOf(values);
  const change: Record<string, unknown> = {};
  for (const field of PROVIDER_FIELDS) {
    const before = saved[field] ?? null;
    const after = details[field] ?? null;
    // Addresses are kept lower-cased: "Robin@X" is the address on file.
    const same = field === 'email' ? String(after).toLowerCase() === String(before).toLowerCase() : after === before;
    if (!same) change[field] = after;
  }
  return Object.keys(change).length === 0 ? null : (change as ProviderChangeBody);
}

/**
 * The server's field problems on the form: "body.provider.name" or "body.name" (a change),
 * "body.account.email", "body.account" (not signed in: an account is needed).
 */
export function providerErrors(issues: readonly { path: string; message: string }[]): ProviderErrors {
  const errors: ProviderErrors = { provider: {}, account: {}, other: [] };
  for (const issue of issues) {
    const path = issue.path.replace(/^body\.?/, '');
    const account = /^account(?:\.(\w+))?$/.exec(path);
    if (account) {
      const field = (account[1] ?? 'email') as AccountField;
      if (field in ACCOUNT_LABELS) {
        errors.account[field] ??= issue.message;
        continue;
      }
    }
    const field = path.replace(/^provider\.?/, '').split(/[.[]/)[0] ?? '';
    if (field in PROVIDER_LABELS) errors.provider[field as ProviderField] ??= issue.message;
    else errors.other.push(path === '' ? issue.message : `${issue.path}: ${issue.message}`);
  }
  return errors;
}

/** One line per problem, in the order of the form: for the summary under it. */
export function problemSummary(errors: ProviderErrors): string[] {
  return [
    ...PROVIDER_FIELDS.flatMap((field) =>
      errors.provider[field] ? [`${PROVIDER_LABELS[field]}: ${errors.provider[field]}`] : [],
    ),
    ...ACCOUNT_FIELDS.flatMap((field) => (errors.account[field] ? [`${ACCOUNT_LABELS[field]}: ${errors.account[field]}`] : [])),
    ...errors.other,
  ];
}

/** The id of the first field at fault, to focus it. */
export function firstErrorId(errors: ProviderErrors, prefix: string): string | null {
  const provider = PROVIDER_FIELDS.find((field) => errors.provider[field]);
  if (provider) return `${prefix}-${provider}`;
  const account = ACCOUNT_FIELDS.find((field) => errors.account[field]);
  return account ? `${prefix}-account-${account}` : null;
}
