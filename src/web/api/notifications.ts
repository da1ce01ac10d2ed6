import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type {
  InboxView,
  NotificationView,
  PreferencesUpdate,
  PreferencesView,
} from '../../server/notifications/notification-schemas';
import { api, path } from './client';

/** A person's inbox, its unread count (the navigation badge) and which notices they are e-mailed. */

export type { InboxView, NotificationView, PreferencesView };

export const inboxQuery = (bodyId: string, personId: string, unreadOnly: boolean) =>
  queryOptions({
    queryKey: ['notifications', bodyId, personId, 'inbox', unreadOnly],
    queryFn: () =>
      api<InboxView>('GET', `${path`/api/v1/bodies/${bodyId}/people/${personId}/notifications`}?limit=200&unread=${unreadOnly}`),
  });

export const unreadQuery = (bodyId: string, personId: string) =>
  queryOptions({
    queryKey: ['notifications', bodyId, personId, 'unread'],
    queryFn: () =>
      api<{ unread: number }>('GET', path`/api/v1/bodies/${bodyId}/people/${personId}/notifications/unread-count`).then(
        (r) => r.unread,
      ),
    // New notices arrive without the person doing anything (the scheduler, staff decisions).
    refetchInterval: 5 * 60_000,
  });

export const preferencesQuery = (bodyId: string, personId: string) =>
  queryOptions({
    queryKey: ['notifications', bodyId, personId, 'preferences'],
    queryFn: () => api<PreferencesView>('GET', path`/api/v1/bodies/${bodyId}/people/${personId}/notification-preferences`),
  });

export const markRead = (bodyId: string, personId: string, which: { ids: string[] } | { all: true }) =>
  api<{ marked: number; unread: number }>('POST', path`/api/v1/bodies/${bodyId}/people/${personId}/notifications/read`, which);

export const savePreferences = (bodyId: string, personId: string, body: PreferencesUpdate) =>
  api<PreferencesView>('PUT', path`/api/v1/bodies/${bodyId}/people/${personId}/notification-preferences`, body);

export const invalidateNotifications = (queryClient: QueryClient, bodyId: string, personId: string) =>
  queryClient.invalidateQueries({ queryKey: ['notifications', bodyId, personId] });
