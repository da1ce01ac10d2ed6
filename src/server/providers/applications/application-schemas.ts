import { z } from 'zod';
import { activityInputSchema } from '../../activities/activity-schemas';
import { bodyParams } from '../../certificants/routes';
import { APPLICATION_STATUSES, VOTES } from '../../db/schema/providers';
import { APPLICATION_FILE_KINDS, applicationDraftSchema, OFFERING_KINDS, positiveHours } from './content-schema';

export const providerParams = bodyParams.extend({ providerId: z.uuid('must be a provider id') });
export const applicationParams = providerParams.extend({ applicationId: z.uuid('must be an application id') });
export const fileParams = applicationParams.extend({ fileId: z.uuid('must be a file id') });
export const reviewerParams = applicationParams.extend({ userId: z.uuid('must be a user id') });

export const draftBodySchema = z.strictObject({ content: applicationDraftSchema });
export const fileQuerySchema = z.object({
  kind: z.enum(APPLICATION_FILE_KINDS, `must be one of ${APPLICATION_FILE_KINDS.join(', ')}`),
});
export const listQuerySchema = z.object({ status: z.enum(APPLICATION_STATUSES).optional() });

const words = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

export const withdrawBodySchema = z.strictObject({ reason: words(2000).optional() });
export const assignBodySchema = z.strictObject({
  userIds: z.array(z.uuid('must be a user id')).min(1, 'name at least one committee member').max(20),
});
export const voteBodySchema = z.strictObject({ vote: z.enum(VOTES, `must be one of ${VOTES.join(', ')}`), comment: words(4000) });

const approved = { hours: positiveHours, categories: activityInputSchema.shape.categories };
/** The coordinator's decision; hours and categories approved may differ from those proposed. */
export const decisionBodySchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('approve'), ...approved, comment: words(4000).optional() }),
  z.strictObject({ outcome: z.literal('approve-with-changes'), ...approved, changesRequired: words(4000) }),
  z.strictObject({ outcome: z.literal('more-information'), questions: words(4000) }),
  z.strictObject({ outcome: z.literal('reject'), reasons: words(4000) }),
]);
export type DecisionBody = z.output<typeof decisionBodySchema>;
/** As stored on the application: the decision with who made it and when. */
export type StoredDecision = DecisionBody & { at: string; by: string };

const clock = {
  decisionDue: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  paused: z.boolean(),
};

export const applicationSummarySchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  title: z.string().nullable(),
  kind: z.enum(OFFERING_KINDS).nullable(),
  status: z.enum(APPLICATION_STATUSES),
  version: z.number().int(),
  ...clock,
  updatedAt: z.string(),
});
export type ApplicationSummary = z.output<typeof applicationSummarySchema>;
export const applicationListSchema = z.object({ applications: z.array(applicationSummarySchema) });

export const applicationFileSchema = z.object({
  id: z.uuid(),
  kind: z.enum(APPLICATION_FILE_KINDS),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  removed: z.boolean(),
});
export type ApplicationFileView = z.output<typeof applicationFileSchema>;

export const reviewSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  assignedAt: z.string(),
  vote: z.enum(VOTES).nullable(),
  comment: z.string().nullable(),
  votedAt: z.string().nullable(),
});

export const applicationSchema = applicationSummarySchema.extend({
  content: applicationDraftSchema,
  fee: z.object({ cents: z.number().int(), currency: z.string() }),
  firstSubmittedAt: z.string().nullable(),
  decision: z
    .object({
      outcome: z.enum(['approve', 'approve-with-changes', 'more-information', 'reject']),
      hours: z.number().optional(),
      categories: z.array(z.string()).optional(),
      comment: z.string().optional(),
      changesRequired: z.string().optional(),
      questions: z.string().optional(),
      reasons: z.string().optional(),
      at: z.string(),
      by: z.string(),
    })
    .nullable(),
  offering: z.object({ id: z.uuid(), approvalCode: z.string(), validFrom: z.string(), validUntil: z.string() }).nullable(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      content: applicationDraftSchema,
      fileIds: z.array(z.uuid()),
      submittedAt: z.string(),
      submittedBy: z.uuid(),
    }),
  ),
  files: z.array(applicationFileSchema),
  /** The committee's assignments and votes: shown to staff only. */
  reviews: z.array(reviewSchema),
  createdAt: z.string(),
});
export type ApplicationView = z.output<typeof applicationSchema>;

export const queueSchema = z.object({
  items: z.array(
    applicationSummarySchema.extend({
      assigned: z.number().int(),
      voted: z.number().int(),
    }),
  ),
});
