import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type {
  ExtensionDecisionBody,
  ExtensionQueue,
  ExtensionTerms,
  ExtensionView,
  RequestExtensionBody,
} from '../../server/extensions/extension-schemas';
import type { StandingAppeals, StandingDecisionView } from '../../server/standing/standing-schemas';
import type { StandingAction } from '../../server/db/schema/renewals';
import { api, path } from './client';

/** Extensions of a cycle's due date, and staff decisions on a certification's standing with their appeals. */

export type { ExtensionQueue, ExtensionTerms, ExtensionView, StandingAction, StandingAppeals, StandingDecisionView };

export const personExtensionsQuery = (bodyId: string, personId: string) =>
  queryOptions({
    queryKey: ['extensions', bodyId, 'person', personId],
    queryFn: () =>
      api<{ extensions: ExtensionView[]; terms: ExtensionTerms[] }>(
        'GET',
        path`/api/v1/bodies/${bodyId}/people/${personId}/extensions`,
      ),
  });

export const extensionQueueQuery = (bodyId: string, state: 'requested' | 'granted' | 'refused') =>
  queryOptions({
    queryKey: ['extensions', bodyId, 'queue', state],
    queryFn: () => api<ExtensionQueue>('GET', `${path`/api/v1/bodies/${bodyId}/extensions`}?state=${state}`).then((r) => r.items),
  });

export const requestExtension = (bodyId: string, personId: string, body: RequestExtensionBody) =>
  api<ExtensionView>('POST', path`/api/v1/bodies/${bodyId}/people/${personId}/extensions`, body);

export const decideExtension = (bodyId: string, extensionId: string, body: ExtensionDecisionBody) =>
  api<ExtensionView>('POST', path`/api/v1/bodies/${bodyId}/extensions/${extensionId}/decision`, body);

export const standingQuery = (bodyId: string, personId: string) =>
  queryOptions({
    queryKey: ['standing', bodyId, 'person', personId],
    queryFn: () =>
      api<{ decisions: StandingDecisionView[] }>('GET', path`/api/v1/bodies/${bodyId}/people/${personId}/standing`).then(
        (r) => r.decisions,
      ),
  });

export const standingAppealsQuery = (bodyId: string, state: 'pending' | 'decided') =>
  queryOptions({
    queryKey: ['standing', bodyId, 'appeals', state],
    queryFn: () =>
      api<StandingAppeals>('GET', `${path`/api/v1/bodies/${bodyId}/standing-appeals`}?state=${state}`).then((r) => r.items),
  });

export const decideStanding = (
  bodyId: string,
  personId: string,
  body: { program: string; action: StandingAction; reason: string },
) => api<StandingDecisionView>('POST', path`/api/v1/bodies/${bodyId}/people/${personId}/standing`, body);

export const appealStanding = (bodyId: string, personId: string, decisionId: string, text: string) =>
  api<StandingDecisionView>('POST', path`/api/v1/bodies/${bodyId}/people/${personId}/standing/${decisionId}/appeal`, { text });

export const decideStandingAppeal = (
  bodyId: string,
  personId: string,
  decisionId: string,
  body: { outcome: 'upheld' | 'overturned'; reason: string },
) =>
  api<StandingDecisionView>(
    'POST',
    path`/api/v1/bodies/${bodyId}/people/${personId}/standing/${decisionId}/appeal-decision`,
    body,
  );

/** After a decision: the lists, the person's progress and invoices all change. */
export async function invalidateStanding(queryClient: QueryClient, bodyId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['extensions', bodyId] }),
    queryClient.invalidateQueries({ queryKey: ['standing', bodyId] }),
    queryClient.invalidateQueries({ queryKey: ['person', bodyId] }),
    queryClient.invalidateQueries({ queryKey: ['progress', bodyId] }),
    queryClient.invalidateQueries({ queryKey: ['invoices', bodyId] }),
    // A suspension, withdrawal or restore flips the credentials' status bits in the same transaction.
    queryClient.invalidateQueries({ queryKey: ['credentials', bodyId] }),
    queryClient.invalidateQueries({ queryKey: ['credential-verification'] }),
  ]);
}
