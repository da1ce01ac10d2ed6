import { z } from 'zod';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { verificationUrlOf, type CredentialRow } from './credential-document';

export const CREDENTIAL_STATES = ['active', 'suspended', 'revoked', 'superseded', 'expired'] as const;

export const credentialViewSchema = z.object({
  id: z.string(),
  certificationId: z.string(),
  program: z.string(),
  designation: z.string(),
  name: z.string(),
  body: z.string(),
  holderName: z.string(),
  certificateNumber: z.string(),
  awarded: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  issuedAt: z.string(),
  issueReason: z.string(),
  /** What a verifier sees now: superseded and revoked come from the revocation bit, suspended from the suspension bit. */
  state: z.enum(CREDENTIAL_STATES),
  reason: z.string().nullable(),
  supersededBy: z.string().nullable(),
  verificationUrl: z.string(),
  linkedInUrl: z.string(),
});
export const credentialListSchema = z.object({ credentials: z.array(credentialViewSchema) });
export type CredentialView = z.output<typeof credentialViewSchema>;

/**
 * LinkedIn's documented "Add to profile" link for a certification
 * (startTask=CERTIFICATION_NAME with name, organizationName, issue and
 * expiration year and month, certUrl and certId).
 */
export function linkedInUrlOf(
  view: Pick<CredentialView, 'name' | 'body' | 'validFrom' | 'validUntil' | 'verificationUrl' | 'certificateNumber'>,
): string {
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: view.name,
    organizationName: view.body,
    issueYear: view.validFrom.slice(0, 4),
    issueMonth: String(Number(view.validFrom.slice(5, 7))),
    expirationYear: view.validUntil.slice(0, 4),
    expirationMonth: String(Number(view.validUntil.slice(5, 7))),
    certUrl: view.verificationUrl,
    certId: view.certificateNumber,
  });
  return `https://www.linkedin.com/profile/add?${params}`;
}

export function presentCredential(row: CredentialRow, registry: PolicyRegistry, base: string, today: string): CredentialView {
  const policy = registry.get(row.programId);
  const state = row.supersededBy
    ? 'superseded'
    : row.revoked
      ? 'revoked'
      : row.suspended
        ? 'suspended'
        : row.validUntil < today
          ? 'expired'
          : 'active';
  const view = {
    id: row.id,
    certificationId: row.certificationId,
    program: row.programId,
    designation: policy?.designation ?? row.programId,
    name: policy?.name ?? row.programId,
    body: registry.body(row.bodyId)?.name ?? row.bodyId,
    holderName: row.holderName,
    certificateNumber: row.certificateNumber,
    awarded: row.awarded,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    issuedAt: row.issuedAt.toISOString(),
    issueReason: row.issueReason,
    state,
    reason: row.revocationReason ?? row.suspensionReason ?? null,
    supersededBy: row.supersededBy,
    verificationUrl: verificationUrlOf(base, row.id),
  } satisfies Omit<CredentialView, 'linkedInUrl'>;
  return { ...view, linkedInUrl: linkedInUrlOf(view) };
}
