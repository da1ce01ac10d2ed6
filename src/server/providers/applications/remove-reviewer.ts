import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../../core/errors';
import { applicationReviews } from '../../db/schema/providers';
import { loadApplication, requireStatus, type ApplicationRow, type ApplicationStep } from './load-application';
import { logApplication } from './save-application';

/**
 * The coordinator takes a member off an application's committee before the
 * decision. Only a member who has not voted: a vote once cast is part of the
 * record the decision rests on, so it stays, and so does its member.
 */
export async function removeReviewer(options: ApplicationStep & { userId: string }): Promise<ApplicationRow> {
  const { db, bodyId, providerId, applicationId, userId, actorUserId } = options;
  return db.transaction(async (tx) => {
    const application = await loadApplication(tx, { bodyId, providerId, applicationId }, true);
    requireStatus(application, ['submitted', 'info-requested'], 'have its committee changed');
    const theirs = and(
      eq(applicationReviews.bodyId, bodyId),
      eq(applicationReviews.applicationId, applicationId),
      eq(applicationReviews.reviewerUserId, userId),
    );
    const [review] = await tx.select().from(applicationReviews).where(theirs);
    if (!review) throw new RecertError('not-found', 'this user is not on the committee of this application');
    if (review.vote)
      throw new RecertError(
        'conflict',
        `this member voted "${review.vote}" on ${review.votedAt!.toISOString().slice(0, 10)}: the vote is part of the record, so the member stays on the committee`,
      );
    await tx.delete(applicationReviews).where(theirs);
    await logApplication(tx, application, {
      actorUserId,
      action: 'application.reviewer-removed',
      before: { reviewerUserId: userId, assignedBy: review.assignedBy, assignedAt: review.assignedAt.toISOString() },
    });
    return application;
  });
}
