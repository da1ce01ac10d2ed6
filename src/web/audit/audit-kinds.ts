/** The kinds of action an audit log can be narrowed to (the server's `action` filter), as people name them. */
export const AUDIT_KINDS = [
  { value: 'person', label: 'Record and profile' },
  { value: 'activity', label: 'CE activities' },
  { value: 'evidence', label: 'Evidence files' },
  { value: 'user-email', label: 'Sign-in addresses' },
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number]['value'];

export function isAuditKind(value: unknown): value is AuditKind {
  return AUDIT_KINDS.some((kind) => kind.value === value);
}
