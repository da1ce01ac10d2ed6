import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActivityInputBody, ActivityView } from '../../server/activities/activity-schemas';
import type { PersonView, progressSchema } from '../../server/certificants/present-person';
import type { Role } from '../../server/db/schema/accounts';
import { api, isApiError, path, setCsrfToken } from './client';

export type { ActivityInputBody, ActivityView, PersonView, Role };
export type Progress = z.output<typeof progressSchema>;

export interface Membership {
  bodyId: string;
  role: Role;
  personId: string | null;
}

/** GET /api/v1/me and POST /api/v1/auth/sign-in. */
export interface Me {
  user: { id: string; displayName: string };
  memberships: Membership[];
  csrfToken: string;
}

/** Who is signed in; null when nobody is. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api<Me>('GET', '/api/v1/me');
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isApiError(error, 401)) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: Infinity,
});

export async function signIn(queryClient: QueryClient, credentials: { email: string; password: string }): Promise<Me> {
  const me = await api<Me>('POST', '/api/v1/auth/sign-in', credentials);
  setCsrfToken(me.csrfToken);
  queryClient.removeQueries();
  queryClient.setQueryData(meQuery.queryKey, me);
  return me;
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api<void>('POST', '/api/v1/auth/sign-out');
  } finally {
    setCsrfToken(null);
    queryClient.removeQueries();
    queryClient.setQueryData(meQuery.queryKey, null);
  }
}

export const peopleQuery = (bodyId: string, q: string) =>
  queryOptions({
    queryKey: ['people', bodyId, q],
    queryFn: () => api<{ people: PersonView[] }>('GET', `${path`/api/v1/bodies/${bodyId}/people`}?q=${encodeURIComponent(q)}`),
    select: (data) => data.people,
    staleTime: 30_000,
  });

export const progressQuery = (bodyId: string, personId: string) =>
  queryOptions({
    queryKey: ['progress', bodyId, personId],
    queryFn: () => api<Progress>('GET', path`/api/v1/bodies/${bodyId}/people/${personId}/progress`),
  });

export const activitiesQuery = (bodyId: string, personId: string) =>
  queryOptions({
    queryKey: ['activities', bodyId, personId],
    queryFn: () => api<{ activities: ActivityView[] }>('GET', path`/api/v1/bodies/${bodyId}/people/${personId}/activities`),
    select: (data) => data.activities,
  });

const activitiesPath = (bodyId: string, personId: string) => path`/api/v1/bodies/${bodyId}/people/${personId}/activities`;

export function addActivity(bodyId: string, personId: string, input: ActivityInputBody): Promise<ActivityView> {
  return api<ActivityView>('POST', activitiesPath(bodyId, personId), input);
}

export function updateActivity(
  bodyId: string,
  personId: string,
  activityId: string,
  input: ActivityInputBody,
): Promise<ActivityView> {
  return api<ActivityView>('PUT', `${activitiesPath(bodyId, personId)}/${encodeURIComponent(activityId)}`, input);
}

export function removeActivity(bodyId: string, personId: string, activityId: string): Promise<void> {
  return api<void>('DELETE', `${activitiesPath(bodyId, personId)}/${encodeURIComponent(activityId)}`);
}

/** After a person's activities change, their list and their progress are stale. */
export function invalidatePerson(queryClient: QueryClient, bodyId: string, personId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['activities', bodyId, personId] }),
    queryClient.invalidateQueries({ queryKey: ['progress', bodyId, personId] }),
  ]).then(() => undefined);
}
