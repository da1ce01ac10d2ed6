import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { PersonRenewals, RenewalOptions, RenewalQueue, RenewalView } from '../../server/renewals/renewal-schemas';
import { api, path } from './client';

/** Renewal applications: what renewing means today, submission, staff's queue and decisions. */

export type { PersonRenewals, RenewalOptions, RenewalQueue, RenewalView };
export type QueueState = RenewalQueue['state'];

const personPath = (bodyId: string, personId: string) => path`/api/v1/bodies/${bodyId}/people/${personId}`;

export const personRenewalsQuery = (bodyId: string, personId: string) =>
  queryOptions({
    queryKey: ['renewals', bodyId, 'person', personId],
    queryFn: () => api<PersonRenewals>('GET', `${personPath(bodyId, personId)}/renewals`),
  });

export const renewalOptionsQuery = (bodyId: string, personId: string, certificationId: string) =>
  queryOptions({
    queryKey: ['renewals', bodyId, 'person', personId, 'options', certificationId],
    queryFn: () =>
      api<RenewalOptions>('GET', `${personPath(bodyId, personId)}${path`/certifications/${certificationId}/renewal`}`),
  });

export const renewalQuery = (bodyId: string, personId: string, renewalId: string) =>
  queryOptions({
    queryKey: ['renewals', bodyId, 'person', personId, 'application', renewalId],
    queryFn: () => api<RenewalView>('GET', `${personPath(bodyId, personId)}${path`/renewals/${renewalId}`}`),
  });

export const renewalQueueQuery = (bodyId: string, state: QueueState, automatic?: boolean) =>
  queryOptions({
    queryKey: ['renewals', bodyId, 'queue', state, automatic ?? null],
    queryFn: () =>
      api<RenewalQueue>(
        'GET',
        `${path`/api/v1/bodies/${bodyId}/renewals`}?state=${state}${automatic === undefined ? '' : `&automatic=${automatic}`}`,
      ),
  });

export const submitRenewal = (
  bodyId: string,
  personId: string,
  certificationId: string,
  body: { activityIds: string[]; ethicsAttested: boolean },
) => api<RenewalView>('POST', `${personPath(bodyId, personId)}${path`/certifications/${certificationId}/renewal`}`, body);

export const decideRenewalItem = (
  renewal: RenewalView,
  activityId: string,
  body: { decision: 'accepted' } | { decision: 'rejected'; reason: string },
) =>
  api<RenewalView>(
    'POST',
    `${personPath(renewal.bodyId, renewal.personId)}${path`/renewals/${renewal.id}/items/${activityId}/decision`}`,
    body,
  );

export const approveRenewal = (renewal: RenewalView) =>
  api<RenewalView>('POST', `${personPath(renewal.bodyId, renewal.personId)}${path`/renewals/${renewal.id}/approve`}`);

export const returnRenewal = (renewal: RenewalView, reasons: string[]) =>
  api<RenewalView>('POST', `${personPath(renewal.bodyId, renewal.personId)}${path`/renewals/${renewal.id}/return`}`, { reasons });

/** The evidence file's address (served by the activities' evidence route). */
export const evidenceUrl = (bodyId: string, personId: string, evidenceId: string) =>
  `${personPath(bodyId, personId)}${path`/evidence/${evidenceId}`}`;

/** After any renewal step: every renewal view of the body, and the person's progress and notices. */
export async function invalidateRenewals(queryClient: QueryClient, bodyId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['renewals', bodyId] }),
    queryClient.invalidateQueries({ queryKey: ['progress', bodyId] }),
    queryClient.invalidateQueries({ queryKey: ['overview', bodyId] }),
  ]);
}
