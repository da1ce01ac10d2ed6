import { queryOptions } from '@tanstack/react-query';
import type { Standing } from '../../server/credentials/good-standing';
import type { CredentialView } from '../../server/credentials/present-credential';
import type { Verification } from '../../server/credentials/verify-credential';
import { api, path } from './client';

/** Credentials: the public good-standing lookup and verification (no sign-in), and a holder's list. */

export type { CredentialView, Standing, Verification };
export type StandingPerson = Standing['people'][number];
export type StandingCertification = StandingPerson['certifications'][number];
export type Verdict = Verification['verdict'];
export type CredentialState = CredentialView['state'];

/** People of the body by exact certificate number or by name, with each certification's standing today. */
export const goodStandingQuery = (bodyId: string, q: string) =>
  queryOptions({
    queryKey: ['good-standing', bodyId, q],
    queryFn: () => api<Standing>('GET', `${path`/api/v1/bodies/${bodyId}/good-standing`}?${new URLSearchParams({ q })}`),
    // Looked up from live data: a minute old is recent enough, and it spares the rate limit.
    staleTime: 60_000,
    retry: false,
  });

/** What a verifier finds of a credential of this installation now: its status is read afresh on every visit. */
export const verificationQuery = (credentialId: string) =>
  queryOptions({
    queryKey: ['credential-verification', credentialId],
    queryFn: () => api<Verification>('GET', path`/api/v1/credentials/${credentialId}/verification`),
    // An unknown id stays unknown, and a refusal (rate limit) is not helped by asking again at once.
    retry: false,
  });

/** Verifies a pasted or uploaded VC-JWT, of this installation or another issuer. */
export function verifyCredentialJwt(jwt: string): Promise<Verification> {
  return api<Verification>('POST', '/api/v1/credentials/verify', { jwt });
}

/** The signed VC-JWT; a plain link downloads it (public). */
export const credentialJwtUrl = (credentialId: string) => path`/api/v1/credentials/${credentialId}`;

const personCredentialsPath = (bodyId: string, personId: string) => path`/api/v1/bodies/${bodyId}/people/${personId}/credentials`;

/** A person's credentials, newest first (the person, the body's staff). */
export const personCredentialsQuery = (bodyId: string, personId: string) =>
  queryOptions({
    queryKey: ['credentials', bodyId, 'person', personId],
    queryFn: () => api<{ credentials: CredentialView[] }>('GET', personCredentialsPath(bodyId, personId)),
    select: (data) => data.credentials,
  });

/** The printable certificate; a plain link downloads it with the session cookie, under the server's file name. */
export const certificatePdfUrl = (bodyId: string, personId: string, credentialId: string) =>
  `${personCredentialsPath(bodyId, personId)}${path`/${credentialId}/certificate.pdf`}`;
