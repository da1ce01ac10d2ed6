import { and, eq, inArray, isNull } from 'drizzle-orm';
import { RecertError } from '../../../core/errors';
import type { DbOrTx } from '../../db/database';
import { memberships, users } from '../../db/schema/accounts';
import { applicationReviews } from '../../db/schema/providers';
import { loadApplication, requireStatus, type ApplicationRow, type ApplicationStep } from './load-application';
import { logApplication } from './save-application';

/** Which of these users are the body's reviewers or admins (the ones the staff list offers), still able to sign in. */
async function staffAmong(tx: DbOrTx, bodyId: string, userIds: string[]): Promise<Set<string>> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.bodyId, bodyId),
        inArray(memberships.role, ['reviewer', 'admin']),
        inArray(memberships.userId, userIds),
        isNull(users.disabledAt),
      ),
    );
  return new Set(rows.map((row) => row.userId));
}

/** The coordinator assigns committee members to an application; assigning someone twice changes nothing. */
export async function assignReviewers(
  options: ApplicationStep & {
    userIds: string[];
  },
): Promise<ApplicationRow> {
  const { db, bodyId, providerId, applicationId, userIds, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const application = await loadApplication(tx, { bodyId, providerId, applicationId }, true);
    requireStatus(application, ['submitted', 'info-requested'], 'be given to the committee');
    const members = await staffAmong(tx, bodyId, userIds);
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
    await logApplication(tx, application, {
      actorUserId,
      action: 'application.reviewers-assigned',
      after: { assigned: added.map((row) => row.userId) },
    });
    return application;
  });
}
