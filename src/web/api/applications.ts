import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApplicationStatus, Vote } from '../../server/db/schema/providers';
import type {
  ApplicationFileView,
  ApplicationSummary,
  ApplicationView,
  DecisionBody,
  queueSchema,
} from '../../server/providers/applications/application-schemas';
import type { ApplicationDraft, ApplicationFileKind, OfferingKind } from '../../server/providers/applications/content-schema';
import type {
  apiKeySchema,
  attendanceRowSchema,
  overdueSchema,
  RosterReport,
} from '../../server/providers/attendance/attendance-schemas';
import type { offeringSchema } from '../../server/providers/offering-routes';
import { api, apiForm, apiText, path } from './client';

/** Pre-approval applications (drafts, files, submission, review) and attendance reporting. */

export type {
  ApplicationDraft,
  ApplicationFileKind,
  ApplicationFileView,
  ApplicationStatus,
  ApplicationSummary,
  ApplicationView,
  DecisionBody,
  OfferingKind,
  RosterReport,
  Vote,
};
export type QueueItem = z.output<typeof queueSchema>['items'][number];
export type AttendanceRow = z.output<typeof attendanceRowSchema>;
export type ApiKey = z.output<typeof apiKeySchema>;
export type OverdueConfirmations = z.output<typeof overdueSchema>;
export type Offering = z.output<typeof offeringSchema>;

const applicationsPath = (bodyId: string, providerId: string) =>
  path`/api/v1/bodies/${bodyId}/providers/${providerId}/applications`;
const applicationPath = (bodyId: string, providerId: string, applicationId: string) =>
  path`/api/v1/bodies/${bodyId}/providers/${providerId}/applications/${applicationId}`;

/** A provider's applications, most recently changed first. */
export const applicationsQuery = (bodyId: string, providerId: string, status?: ApplicationStatus) =>
  queryOptions({
    queryKey: ['applications', bodyId, providerId, status ?? null],
    queryFn: () =>
      api<{ applications: ApplicationSummary[] }>(
        'GET',
        `${applicationsPath(bodyId, providerId)}${status ? `?status=${encodeURIComponent(status)}` : ''}`,
      ),
    select: (data) => data.applications,
  });

export const applicationQuery = (bodyId: string, providerId: string, applicationId: string) =>
  queryOptions({
    queryKey: ['application', bodyId, providerId, applicationId],
    queryFn: () => api<ApplicationView>('GET', applicationPath(bodyId, providerId, applicationId)),
  });

export function createApplication(bodyId: string, providerId: string, content: ApplicationDraft): Promise<ApplicationView> {
  return api<ApplicationView>('POST', applicationsPath(bodyId, providerId), { content });
}

export function saveDraft(
  bodyId: string,
  providerId: string,
  applicationId: string,
  content: ApplicationDraft,
): Promise<ApplicationView> {
  return api<ApplicationView>('PUT', applicationPath(bodyId, providerId, applicationId), { content });
}

export function submitApplication(bodyId: string, providerId: string, applicationId: string): Promise<ApplicationView> {
  return api<ApplicationView>('POST', `${applicationPath(bodyId, providerId, applicationId)}/submit`);
}

export function withdrawApplication(
  bodyId: string,
  providerId: string,
  applicationId: string,
  reason: string | null,
): Promise<ApplicationView> {
  return api<ApplicationView>('POST', `${applicationPath(bodyId, providerId, applicationId)}/withdraw`, reason ? { reason } : {});
}

/** Sent as multipart/form-data in a field named "file"; the kind in the query. */
export function uploadApplicationFile(
  bodyId: string,
  providerId: string,
  applicationId: string,
  kind: ApplicationFileKind,
  file: File,
): Promise<ApplicationFileView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiForm<ApplicationFileView>(
    'POST',
    `${applicationPath(bodyId, providerId, applicationId)}/files?kind=${encodeURIComponent(kind)}`,
    form,
  );
}

/** A plain link downloads the file with the session cookie. */
export const applicationFileUrl = (bodyId: string, providerId: string, applicationId: string, fileId: string) =>
  `${applicationPath(bodyId, providerId, applicationId)}/files/${encodeURIComponent(fileId)}`;

export function removeApplicationFile(bodyId: string, providerId: string, applicationId: string, fileId: string) {
  return api<void>('DELETE', applicationFileUrl(bodyId, providerId, applicationId, fileId));
}

/** Submitted applications, the soonest decision due first (staff). */
export const applicationQueueQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['application-queue', bodyId],
    queryFn: () => api<{ items: QueueItem[] }>('GET', path`/api/v1/bodies/${bodyId}/reviews/applications`),
    select: (data) => data.items,
    staleTime: 0,
  });

export function assignReviewers(bodyId: string, providerId: string, applicationId: string, userIds: string[]) {
  return api<ApplicationView>('POST', `${applicationPath(bodyId, providerId, applicationId)}/reviewers`, { userIds });
}

/** Takes a member who has not voted off the committee (the coordinator); the answer is the application with its committee. */
export function removeReviewer(bodyId: string, providerId: string, applicationId: string, userId: string) {
  return api<ApplicationView>(
    'DELETE',
    `${applicationPath(bodyId, providerId, applicationId)}/reviewers/${encodeURIComponent(userId)}`,
  );
}

export function voteOnApplication(
  bodyId: string,
  providerId: string,
  applicationId: string,
  ballot: { vote: Vote; comment: string },
) {
  return api<ApplicationView>('PUT', `${applicationPath(bodyId, providerId, applicationId)}/vote`, ballot);
}

export function decideApplication(bodyId: string, providerId: string, applicationId: string, decision: DecisionBody) {
  return api<ApplicationView>('POST', `${applicationPath(bodyId, providerId, applicationId)}/decision`, decision);
}

/** After a step of an application, its lists, the queue and (once approved) the calendar are stale. */
export function invalidateApplication(queryClient: QueryClient, bodyId: string, view: ApplicationView): Promise<void> {
  const { providerId, id } = view;
  queryClient.setQueryData(['application', bodyId, providerId, id], view);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['applications', bodyId, providerId] }),
    queryClient.invalidateQueries({ queryKey: ['application-queue', bodyId] }),
    queryClient.invalidateQueries({ queryKey: ['offerings', bodyId, providerId] }),
    queryClient.invalidateQueries({ queryKey: ['ce-calendar', bodyId] }),
  ]).then(() => undefined);
}

/** The provider's approved offerings, newest first, with their approval codes and how many attendees each has so far. */
export const offeringsQuery = (bodyId: string, providerId: string) =>
  queryOptions({
    queryKey: ['offerings', bodyId, providerId],
    queryFn: () => api<{ offerings: Offering[] }>('GET', path`/api/v1/bodies/${bodyId}/providers/${providerId}/offerings`),
    select: (data) => data.offerings,
  });

const offeringPath = (bodyId: string, offeringId: string) => path`/api/v1/bodies/${bodyId}/offerings/${offeringId}`;

/** The CSV file's text as it is: the server checks it whole and refuses it row by row, or records it all. */
export function uploadRoster(bodyId: string, offeringId: string, csv: string): Promise<RosterReport> {
  return apiText<RosterReport>('POST', `${offeringPath(bodyId, offeringId)}/attendance/csv`, csv, 'text/csv');
}

export const attendanceQuery = (bodyId: string, offeringId: string) =>
  queryOptions({
    queryKey: ['attendance', bodyId, offeringId],
    queryFn: () => api<{ attendance: AttendanceRow[] }>('GET', `${offeringPath(bodyId, offeringId)}/attendance?limit=1000`),
    select: (data) => data.attendance,
  });

export const confirmationUrl = (bodyId: string, offeringId: string, attendanceId: string) =>
  `${offeringPath(bodyId, offeringId)}/attendance/${encodeURIComponent(attendanceId)}/confirmation`;

/** Every attendee's confirmation in one PDF (the first part, when there are very many). */
export const confirmationsUrl = (bodyId: string, offeringId: string) => `${offeringPath(bodyId, offeringId)}/confirmations`;

const apiKeyPath = (bodyId: string, providerId: string) => path`/api/v1/bodies/${bodyId}/providers/${providerId}/api-key`;

export const apiKeyQuery = (bodyId: string, providerId: string) =>
  queryOptions({
    queryKey: ['api-key', bodyId, providerId],
    queryFn: () => api<{ prefix: string | null }>('GET', apiKeyPath(bodyId, providerId)),
    select: (data) => data.prefix,
  });

/** A new key, replacing any earlier one: the answer is the only time it is shown. */
export function createApiKey(bodyId: string, providerId: string): Promise<ApiKey> {
  return api<ApiKey>('POST', apiKeyPath(bodyId, providerId));
}

export function revokeApiKey(bodyId: string, providerId: string): Promise<void> {
  return api<void>('DELETE', apiKeyPath(bodyId, providerId));
}

/** Offerings past their window for confirmations (staff). */
export const overdueConfirmationsQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['overdue-confirmations', bodyId],
    queryFn: () => api<OverdueConfirmations>('GET', path`/api/v1/bodies/${bodyId}/attendance/overdue`),
  });
