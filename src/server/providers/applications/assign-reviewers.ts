import { RecertError } from '../../../core/errors';
import { recordAudit } from '../../audit/record-audit';
import type { Db } from '../../db/database';
import { applicationReviews } from '../../db/schema/providers';
import { committeeMembers } from './committee';
import { loadApplication, requireStatus } from './load-application';

/** The coordinator assigns committee members to an application; assigning someone twice changes nothing. */
export async function assignReviewers(options: {
  db: Db;
  bodyId: string;
  providerId: string;
  applicationId: string;
  userIds: string[];
  actorUserId: string;
  now: Date;
}): Promise<void> {
  const { db, bodyId, providerId, applicationId, userIds, actorUserId, now } = options;
  await db.transaction(async (tx) => {
    const application = await loadApplication(tx, { bodyId, providerId, applicationId }, true);
    requireStatus(application, ['submitted', 'info-requested'], 'be given to the committee');
    const members = new Set((await committeeMembers(tx, bodyId)).map((member) => member.userId));
    const issues = userIds.flatMap((userId, index) =>
      members.has(userId) ? [] : [{ path: `body.userIds[${index}]`, message: 'is not a reviewer or admin of this body' }],
    );
    if (issues.length > 0)
      throw new RecertError('invalid-input', 'only reviewers and admins of this body can sit on its committee', issues);
    const added = await tx
      .insert(applicationReviews)
      .values(
        [...new Set(userIds)].map((userId) => ({
          bodyId,
          applicationId,
          reviewerUserId: userId,
          assignedBy: actorUserId,
          assignedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ userId: applicationReviews.reviewerUserId });
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'application',
      entityId: applicationId,
      action: 'application.reviewers-assigned',
      after: { assigned: added.map((row) => row.userId) },
    });
  });
}
