import { capitalize, words } from '../format';

/** An audit entry's before and after for people: the fields that changed, each value in plain words. */

export interface DiffLine {
  key: string;
  label: string;
  /** Absent on that side (an added or removed record, a field set or emptied). */
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

const FIELD_LABELS: Record<string, string> = {
  legalName: 'Legal name',
  birthDate: 'Birth date',
  region: 'State or region',
  contactEmails: 'Contact e-mails',
  emails: 'E-mails',
  email: 'E-mail',
  number: 'Certificant number',
  member: 'Member',
  mergedInto: 'Merged into',
  startDate: 'Start date',
  endDate: 'End date',
  approvalCode: 'Approval code',
  sha256: 'SHA-256',
};

/** "legalName" → "Legal name", "renewedThrough" → "Renewed through". */
export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? capitalize(words(key.replace(/([a-z\d])([A-Z])/g, '$1 $2').toLowerCase()));
}

const ACTION_LABELS: Record<string, string> = {
  'person.added': 'Record added',
  'person.profile-changed': 'Profile changed',
  'person.merged-in': 'Another record merged into this one',
  'person.merged-into': 'Merged into another record',
  'person.merge-reversed': 'Merge reversed',
  'activity.added': 'CE activity added',
  'activity.updated': 'CE activity changed',
  'activity.removed': 'CE activity removed',
  'activity.approved': 'CE activity approved',
  'activity.rejected': 'CE activity rejected',
  'evidence.added': 'Evidence file added',
  'evidence.removed': 'Evidence file removed',
  'user-email.added': 'Sign-in address added',
  'user-email.removed': 'Sign-in address removed',
};

/** "activity.added" → "CE activity added"; an action not known here in its own words. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? capitalize(words(action.replace(/\./g, ' ')));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** JSON with object keys in order, so two equal values always give the same text. */
export function canonicalJson(value: unknown, indent?: number): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : isRecord(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort(v[k])]),
          )
        : v;
  return JSON.stringify(sort(value ?? null), null, indent) ?? 'null';
}

const absent = (value: unknown) => value === undefined || value === null;

/**
 * The fields that differ between before and after, in the order they appear (before's keys first). A
 * missing field and null are the same; a side that is not a record (null for an added record) has no fields.
 */
export function diffRecords(before: unknown, after: unknown): DiffLine[] {
  if ((!absent(before) && !isRecord(before)) || (!absent(after) && !isRecord(after))) {
    // Not records: the value as a whole.
    return canonicalJson(before) === canonicalJson(after)
      ? []
      : [{ key: '', label: 'Value', kind: kindOf(before, after), before: before ?? null, after: after ?? null }];
  }
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys.flatMap((key) => {
    const a = from[key] ?? null;
    const b = to[key] ?? null;
    if (canonicalJson(a) === canonicalJson(b)) return [];
    return [{ key, label: fieldLabel(key), kind: kindOf(a, b), before: a, after: b }];
  });
}

function kindOf(before: unknown, after: unknown): DiffLine['kind'] {
  return absent(before) ? 'added' : absent(after) ? 'removed' : 'changed';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isPrimitive = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * A value for people: "(none)", "yes", "a@x.org, b@x.org", text as it is; a record field by field
 * ("Activity ids: 3 · Kept apart programs: (none)", lists of ids counted); anything else as compact JSON.
 */
export function formatAuditValue(value: unknown, nested = false): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every(isPrimitive)) {
    if (value.length === 0) return '(none)';
    if (value.every((item) => typeof item === 'string' && UUID.test(item))) return String(value.length);
    return value.join(', ');
  }
  if (isRecord(value) && !nested && Object.values(value).every((v) => v === null || isPrimitive(v) || Array.isArray(v))) {
    return Object.entries(value)
      .map(([key, v]) => `${fieldLabel(key)}: ${formatAuditValue(v, true)}`)
      .join(' · ');
  }
  return canonicalJson(value);
}
