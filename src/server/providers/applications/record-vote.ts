import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../../core/errors';
import { applicationReviews, type Vote } from '../../db/schema/providers';
import { loadApplication, requireStatus, type ApplicationRow, type ApplicationStep } from './load-application';
import { logApplication } from './save-application';

/** A committee member assigned to the application records (or changes) their vote and comment while it is under review. */
export async function recordVote(
  options: ApplicationStep & {
    vote: Vote;
    comment: string;
  },
): Promise<ApplicationRow> {
  const { db, bodyId, providerId, applicationId, vote, comment, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const application = await loadApplication(tx, { bodyId, providerId, applicationId }, true);
    const mine = and(
      eq(applicationReviews.bodyId, bodyId),
      eq(applicationReviews.applicationId, applicationId),
      eq(applicationReviews.reviewerUserId, actorUserId),
    );
    const [review] = await tx.select().from(applicationReviews).where(mine);
    if (!review) throw new RecertError('forbidden', 'only the committee members assigned to this application may vote on it');
    requireStatus(application, ['submitted'], 'take votes');
    await tx.update(applicationReviews).set({ vote, comment, votedAt: now }).where(mine);
    await logApplication(tx, application, {
      actorUserId,
      action: 'application.voted',
      before: review.vote ? { vote: review.vote, comment: review.comment } : null,
      after: { vote, comment },
    });
    return application;
  });
}
