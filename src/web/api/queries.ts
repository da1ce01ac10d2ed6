import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActivityInputBody, ActivityView } from '../../server/activities/activity-schemas';
import type { ReviewItem, ReviewQueue } from '../../server/activities/review-queue-schemas';
import type { AuditEntryView, AuditPage } from '../../server/audit/routes';
import type { DuplicatePair, MergeView } from '../../server/certificants/merge-schemas';
import type { newPersonSchema, profileChangeSchema } from '../../server/certificants/person-schemas';
import type { PersonView, progressSchema } from '../../server/certificants/present-person';
import type { Role } from '../../server/db/schema/accounts';
import { api, apiForm, apiText, isApiError, path, setCsrfToken } from './client';
import type { ProgramOverview } from '../../server/compliance/compliance-overview';

export type { ActivityInputBody, ActivityView, PersonView, Role };
export type Progress = z.output<typeof progressSchema>;
/** POST /api/v1/bodies/:bodyId/people: a certificant as an admin enters them. */
export type NewPersonBody = z.input<typeof newPersonSchema>;
/** PATCH /api/v1/bodies/:bodyId/people/:personId: only the fields that change. */
export type ProfileChangeBody = z.input<typeof profileChangeSchema>;
export type { AuditEntryView, AuditPage, DuplicatePair, MergeView };

export interface Membership {
  bodyId: string;
  bodyName: string;
  role: Role;
  personId: string | null;
  /** The provider a `provider` membership acts for. */
  providerId: string | null;
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

/** GET /api/v1/bodies/:bodyId/overview: one entry per program, from the stored cycle results. */
export type { ProgramOverview };

export interface Overview {
  today: string;
  programs: ProgramOverview[];
}

export const overviewQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['overview', bodyId],
    queryFn: () => api<Overview>('GET', path`/api/v1/bodies/${bodyId}/overview`),
  });

export const overviewCsvUrl = (bodyId: string) => path`/api/v1/bodies/${bodyId}/overview.csv`;

export interface Reevaluation {
  asOf: string;
  people: number;
  certifications: number;
}

export function reevaluateBody(bodyId: string): Promise<Reevaluation> {
  return api<Reevaluation>('POST', path`/api/v1/bodies/${bodyId}/reevaluate`, {});
}

export const transcriptUrl = (bodyId: string, personId: string, format: 'csv' | 'pdf') =>
  `${path`/api/v1/bodies/${bodyId}/people/${personId}/transcript`}.${format}`;

/** GET /api/v1/bodies/:bodyId/reviews/activities: advance approvals waiting, oldest first. */
export type { ReviewItem, ReviewQueue };

export const reviewQueueQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['reviews', bodyId],
    queryFn: () => api<ReviewQueue>('GET', path`/api/v1/bodies/${bodyId}/reviews/activities`),
    select: (data) => data.items,
  });

export type ReviewDecision = { decision: 'approve' } | { decision: 'reject'; reason: string };

export function reviewActivity(bodyId: string, personId: string, activityId: string, decision: ReviewDecision) {
  return api<ActivityView>('POST', path`/api/v1/bodies/${bodyId}/people/${personId}/activities/${activityId}/review`, decision);
}

export function addPerson(bodyId: string, person: NewPersonBody): Promise<PersonView> {
  return api<PersonView>('POST', path`/api/v1/bodies/${bodyId}/people`, person);
}

export interface ImportReport {
  rows: number;
  added: number;
  unchanged: number;
}

/** The CSV file's text as it is: the server parses it and refuses it as a whole, row by row. */
export function importPeople(bodyId: string, csv: string): Promise<ImportReport> {
  return apiText<ImportReport>('POST', path`/api/v1/bodies/${bodyId}/people/import`, csv, 'text/csv');
}

export function requestPasswordReset(email: string): Promise<{ message: string }> {
  return api<{ message: string }>('POST', '/api/v1/auth/password-reset', { email });
}

export function completePasswordReset(token: string, password: string): Promise<void> {
  return api<void>('POST', '/api/v1/auth/password-reset/complete', { token, password });
}

/** An evidence file attached to an activity (a certificate, a confirmation of attendance). */
export interface Evidence {
  id: string;
  activityId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

/** What the server accepts as evidence: PDF, PNG or JPEG, at most 10 MB (it checks the content itself). */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg';
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export const evidenceQuery = (bodyId: string, personId: string, activityId: string) =>
  queryOptions({
    queryKey: ['evidence', bodyId, personId, activityId],
    queryFn: () =>
      api<{ evidence: Evidence[] }>('GET', path`/api/v1/bodies/${bodyId}/people/${personId}/activities/${activityId}/evidence`),
    select: (data) => data.evidence,
  });

/** Sent as multipart/form-data in a field named "file". */
export function uploadEvidence(bodyId: string, personId: string, activityId: string, file: File): Promise<Evidence> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiForm<Evidence>('POST', path`/api/v1/bodies/${bodyId}/people/${personId}/activities/${activityId}/evidence`, form);
}

/** A plain link downloads the file with the session cookie, under the server's file name. */
export const evidenceUrl = (bodyId: string, personId: string, evidenceId: string) =>
  path`/api/v1/bodies/${bodyId}/people/${personId}/evidence/${evidenceId}`;

export function removeEvidence(bodyId: string, personId: string, evidenceId: string): Promise<void> {
  return api<void>('DELETE', evidenceUrl(bodyId, personId, evidenceId));
}

const calendarLinkPath = (bodyId: string, personId: string) => path`/api/v1/bodies/${bodyId}/people/${personId}/calendar-link`;

/** The person's private iCal feed of deadlines (made on first request). */
export function getCalendarLink(bodyId: string, personId: string): Promise<{ url: string }> {
  return api<{ url: string }>('GET', calendarLinkPath(bodyId, personId));
}

/** A new feed link; the old one stops working. */
export function replaceCalendarLink(bodyId: string, personId: string): Promise<{ url: string }> {
  return api<{ url: string }>('POST', calendarLinkPath(bodyId, personId));
}

const personPath = (bodyId: string, personId: string) => path`/api/v1/bodies/${bodyId}/people/${personId}`;

/** A person's record: name, number, place, membership, contact addresses (the birth date stays private). */
export const personQuery = (bodyId: string, personId: string) =>
  queryOptions({
    queryKey: ['person', bodyId, personId],
    queryFn: () => api<PersonView>('GET', personPath(bodyId, personId)),
  });

export function updateProfile(bodyId: string, personId: string, change: ProfileChangeBody): Promise<PersonView> {
  return api<PersonView>('PATCH', personPath(bodyId, personId), change);
}

/** The signed-in user's sign-in addresses (any of them signs in), oldest first. */
export const myEmailsQuery = queryOptions({
  queryKey: ['my-emails'],
  queryFn: () => api<{ emails: string[] }>('GET', '/api/v1/me/emails'),
  select: (data) => data.emails,
});

export function addMyEmail(email: string): Promise<{ emails: string[] }> {
  return api<{ emails: string[] }>('POST', '/api/v1/me/emails', { email });
}

export function removeMyEmail(email: string): Promise<{ emails: string[] }> {
  return api<{ emails: string[] }>('DELETE', path`/api/v1/me/emails/${email}`);
}

/** A person's audit log, newest first, a page at a time; `action` is an action or a kind of action ("activity"). */
export const auditQuery = (bodyId: string, personId: string, action: string | null, limit = 50) =>
  infiniteQueryOptions({
    queryKey: ['audit', bodyId, personId, action, limit],
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (pageParam !== null) query.set('before', String(pageParam));
      if (action !== null) query.set('action', action);
      return api<AuditPage>('GET', `${personPath(bodyId, personId)}/audit?${query}`);
    },
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.next,
  });

/** Pairs of records that are likely one person (admins). */
export const duplicatesQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['duplicates', bodyId],
    queryFn: () => api<{ pairs: DuplicatePair[] }>('GET', path`/api/v1/bodies/${bodyId}/duplicates`),
    select: (data) => data.pairs,
  });

/** Merges of the body, newest first (admins). */
export const mergesQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['merges', bodyId],
    queryFn: () => api<{ merges: MergeView[] }>('GET', path`/api/v1/bodies/${bodyId}/merges`),
    select: (data) => data.merges,
  });

export function mergePeople(bodyId: string, request: { survivorId: string; mergedId: string; reason: string }) {
  return api<MergeView>('POST', path`/api/v1/bodies/${bodyId}/merges`, request);
}

export function reverseMerge(bodyId: string, mergeId: string, reason: string): Promise<MergeView> {
  return api<MergeView>('POST', path`/api/v1/bodies/${bodyId}/merges/${mergeId}/reverse`, { reason });
}

/** After a merge or its reversal, everything about the body's people may have moved. */
export function invalidateBodyPeople(queryClient: QueryClient, bodyId: string): Promise<void> {
  const keys = ['duplicates', 'merges', 'people', 'person', 'progress', 'activities', 'overview', 'audit', 'reviews'];
  return Promise.all(keys.map((key) => queryClient.invalidateQueries({ queryKey: [key, bodyId] }))).then(() => undefined);
}
