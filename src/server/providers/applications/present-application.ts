import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { users } from '../../db/schema/accounts';
import { applicationReviews, applicationVersions, offerings, providers } from '../../db/schema/providers';
import type { ApplicationFileView, ApplicationView, StoredDecision } from './application-schemas';
import type { ApplicationDraft } from './content-schema';
import { presentSummary } from './list-applications';
import { listApplicationFiles, type ApplicationFileRow, type ApplicationRow } from './load-application';

export function presentFile(file: ApplicationFileRow): ApplicationFileView {
  return {
    id: file.id,
    kind: file.kind,
    filename: file.filename,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    uploadedAt: file.createdAt.toISOString(),
    removed: file.removedAt !== null,
  };
}

/**
 * One application as its provider or the body's staff see it: the current
 * content, every submitted version, the files, the clock, the decision and
 * the offering it created. Only staff see the committee's votes.
 */
export async function presentApplication(
  db: DbOrTx,
  options: { row: ApplicationRow; staff: boolean; timeZone: string; currency: string; now: Date },
): Promise<ApplicationView> {
  const { row, staff, timeZone, currency, now } = options;
  const { bodyId, id } = row;
  const [[provider], versions, files, reviews, [offering]] = await Promise.all([
    db
      .select({ name: providers.name })
      .from(providers)
      .where(and(eq(providers.bodyId, bodyId), eq(providers.id, row.providerId))),
    db
      .select()
      .from(applicationVersions)
      .where(and(eq(applicationVersions.bodyId, bodyId), eq(applicationVersions.applicationId, id)))
      .orderBy(asc(applicationVersions.version)),
    listApplicationFiles(db, bodyId, id),
    staff
      ? db
          .select({ review: applicationReviews, name: users.displayName })
          .from(applicationReviews)
          .innerJoin(users, eq(users.id, applicationReviews.reviewerUserId))
          .where(and(eq(applicationReviews.bodyId, bodyId), eq(applicationReviews.applicationId, id)))
          .orderBy(asc(applicationReviews.assignedAt), asc(users.displayName))
      : [],
    db
      .select({
        id: offerings.id,
        approvalCode: offerings.approvalCode,
        validFrom: offerings.validFrom,
        validUntil: offerings.validUntil,
      })
      .from(offerings)
      .where(and(eq(offerings.bodyId, bodyId), eq(offerings.applicationId, id))),
  ]);
  const content = row.content as ApplicationDraft;
  return {
    ...presentSummary(
      { ...row, providerName: provider!.name, title: content.title ?? null, kind: content.kind ?? null },
      timeZone,
      now,
    ),
    content,
    fee: { cents: row.feeCents, currency },
    firstSubmittedAt: row.firstSubmittedAt?.toISOString() ?? null,
    decision: (row.decision as StoredDecision | null) ?? null,
    offering: offering ?? null,
    versions: versions.map((version) => ({
      version: version.version,
      content: version.content as ApplicationDraft,
      fileIds: version.fileIds,
      submittedAt: version.submittedAt.toISOString(),
      submittedBy: version.submittedBy,
    })),
    files: files.map(presentFile),
    reviews: reviews.map(({ review, name }) => ({
      userId: review.reviewerUserId,
      name,
      assignedAt: review.assignedAt.toISOString(),
      vote: review.vote,
      comment: review.comment,
      votedAt: review.votedAt?.toISOString() ?? null,
    })),
    createdAt: row.createdAt.toISOString(),
  };
}
