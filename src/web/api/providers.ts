import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { StaffMember } from '../../server/accounts/staff-routes';
import type { ProviderKind, ProviderStatus } from '../../server/providers/provider-kinds';
import type { CalendarQuery, Listing } from '../../server/providers/ce-calendar';
import type {
  NoticeKind,
  noticeSchema,
  ProviderView,
  providerChangeSchema,
  registrationSchema,
} from '../../server/providers/provider-schemas';
import { calendarSearch } from '../providers/calendar-filters';
import { api, path } from './client';

/** The CE-provider program: registration, providers, notices, appeals, the staff list and the public calendar. */

export type { Listing, NoticeKind, ProviderKind, ProviderStatus, ProviderView, StaffMember };
export type Notice = z.output<typeof noticeSchema>;
/** POST /api/v1/bodies/:bodyId/providers */
export type RegistrationBody = z.input<typeof registrationSchema>;
/** PATCH /api/v1/bodies/:bodyId/providers/:providerId: only the fields that change. */
export type ProviderChangeBody = z.input<typeof providerChangeSchema>;
export type CalendarFilters = Omit<CalendarQuery, 'limit'>;

/** An appeal as the server presents it (appeal-routes.ts); members' ids are shown to staff only. */
export interface Appeal {
  id: string;
  providerId: string;
  noticeId: string;
  grounds: string;
  filedAt: string;
  status: 'open' | 'upheld' | 'overturned';
  decidedAt: string | null;
  votes: { memberUserId: string | null; vote: 'uphold' | 'overturn' | null; votedAt: string | null }[];
}

const providersPath = (bodyId: string) => path`/api/v1/bodies/${bodyId}/providers`;
const providerPath = (bodyId: string, providerId: string) => path`/api/v1/bodies/${bodyId}/providers/${providerId}`;

export function registerProvider(bodyId: string, body: RegistrationBody): Promise<ProviderView> {
  return api<ProviderView>('POST', providersPath(bodyId), body);
}

/** Providers of the body by name (staff), optionally of one status or matching words of the name. */
export const providersQuery = (bodyId: string, filter: { q?: string; status?: ProviderStatus } = {}) =>
  queryOptions({
    queryKey: ['providers', bodyId, filter.q ?? '', filter.status ?? null],
    queryFn: () => {
      const query = new URLSearchParams({ limit: '500' });
      if (filter.q) query.set('q', filter.q);
      if (filter.status) query.set('status', filter.status);
      return api<{ providers: ProviderView[] }>('GET', `${providersPath(bodyId)}?${query}`);
    },
    select: (data) => data.providers,
    staleTime: 30_000,
  });

export const providerQuery = (bodyId: string, providerId: string) =>
  queryOptions({
    queryKey: ['provider', bodyId, providerId],
    queryFn: () => api<ProviderView>('GET', providerPath(bodyId, providerId)),
  });

export function updateProvider(bodyId: string, providerId: string, change: ProviderChangeBody): Promise<ProviderView> {
  return api<ProviderView>('PATCH', providerPath(bodyId, providerId), change);
}

/** Newest first. The provider sees warnings, suspensions, terminations and reinstatements; staff also their notes. */
export const noticesQuery = (bodyId: string, providerId: string) =>
  queryOptions({
    queryKey: ['provider-notices', bodyId, providerId],
    queryFn: () => api<{ notices: Notice[] }>('GET', `${providerPath(bodyId, providerId)}/notices`),
    select: (data) => data.notices,
  });

export function recordNotice(bodyId: string, providerId: string, notice: { kind: NoticeKind; text: string }): Promise<Notice> {
  return api<Notice>('POST', `${providerPath(bodyId, providerId)}/notices`, notice);
}

export function fileAppeal(bodyId: string, providerId: string, appeal: { noticeId: string; grounds: string }): Promise<Appeal> {
  return api<Appeal>('POST', `${providerPath(bodyId, providerId)}/appeals`, appeal);
}

/** A provider's appeals, newest first (the provider; staff see the committee members' ids too). */
export const providerAppealsQuery = (bodyId: string, providerId: string) =>
  queryOptions({
    queryKey: ['provider-appeals', bodyId, providerId],
    queryFn: () => api<{ appeals: Appeal[] }>('GET', `${providerPath(bodyId, providerId)}/appeals`),
    select: (data) => data.appeals,
    // Decided by the committee meanwhile: read again whenever a page shows them.
    staleTime: 0,
  });

/** Every appeal of the body, open first (staff). */
export const appealsQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['appeals', bodyId],
    queryFn: () => api<{ appeals: Appeal[] }>('GET', path`/api/v1/bodies/${bodyId}/appeals`),
    select: (data) => data.appeals,
    // Filed by providers and decided by other members: read again whenever a page shows them.
    staleTime: 0,
  });

export function nameAppealCommittee(bodyId: string, appealId: string, userIds: string[]): Promise<Appeal> {
  return api<Appeal>('PUT', path`/api/v1/bodies/${bodyId}/appeals/${appealId}/committee`, { userIds });
}

/** Puts another reviewer or admin in the place of a member who has not voted (admins): the committee stays odd. */
export function replaceAppealMember(bodyId: string, appealId: string, memberUserId: string, userId: string): Promise<Appeal> {
  return api<Appeal>('PUT', path`/api/v1/bodies/${bodyId}/appeals/${appealId}/committee/${memberUserId}`, { userId });
}

export function voteOnAppeal(
  bodyId: string,
  appealId: string,
  ballot: { vote: 'uphold' | 'overturn'; comment: string | null },
): Promise<Appeal> {
  return api<Appeal>('POST', path`/api/v1/bodies/${bodyId}/appeals/${appealId}/votes`, ballot);
}

/** The body's reviewers and admins (staff): who may sit on a committee, and the names of who wrote a notice. */
export const staffQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['staff', bodyId],
    queryFn: () => api<{ staff: StaffMember[] }>('GET', path`/api/v1/bodies/${bodyId}/staff`),
    select: (data) => data.staff,
    staleTime: 5 * 60_000,
  });

/** After a notice, a change of details or an appeal's decision, what is shown of the provider is stale. */
export function invalidateProvider(queryClient: QueryClient, bodyId: string, providerId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['provider', bodyId, providerId] }),
    queryClient.invalidateQueries({ queryKey: ['provider-notices', bodyId, providerId] }),
    queryClient.invalidateQueries({ queryKey: ['provider-appeals', bodyId, providerId] }),
    queryClient.invalidateQueries({ queryKey: ['providers', bodyId] }),
    queryClient.invalidateQueries({ queryKey: ['appeals', bodyId] }),
    queryClient.invalidateQueries({ queryKey: ['ce-calendar', bodyId] }),
  ]).then(() => undefined);
}

/** The public CE calendar: no sign-in. */
export const ceCalendarQuery = (bodyId: string, filters: CalendarFilters) =>
  queryOptions({
    queryKey: ['ce-calendar', bodyId, calendarSearch(filters)],
    queryFn: () =>
      api<{ body: string; listings: Listing[] }>(
        'GET',
        `${path`/api/v1/bodies/${bodyId}/ce-calendar`}${calendarSearch(filters)}`,
      ),
    staleTime: 60_000,
  });

/** The same listings as an iCal feed, with the same filters. */
export const ceCalendarFeedUrl = (bodyId: string, filters: CalendarFilters) =>
  `${path`/api/v1/bodies/${bodyId}/ce-calendar.ics`}${calendarSearch(filters)}`;
