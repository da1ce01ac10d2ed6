import { and, eq, inArray, isNull } from 'drizzle-orm';
import { RecertError } from '../../../core/errors';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import type { DbOrTx } from '../../db/database';
import { memberships, users } from '../../db/schema/accounts';
import { applicationReviews, providers } from '../../db/schema/providers';
import type { Mailer } from '../../mail/mailer';
import { mailCommitteeMembers } from '../committee-mail';
import { bodyOf, loadApplication, requireStatus, type ApplicationRow, type ApplicationStep } from './load-application';
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

/**
 * The coordinator assigns committee members to an application; assigning
 * someone twice changes nothing. Each newly assigned member is told by e-mail
 * once the assignment is recorded.
 */
export async function assignReviewers(
  options: ApplicationStep & {
    userIds: string[];
    registry: PolicyRegistry;
    mailer: Mailer;
  },
): Promise<ApplicationRow> {
  const { db, bodyId, providerId, applicationId, userIds, actorUserId, now } = options;
  const { application, added, providerName } = await db.transaction(async (tx) => {
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
    const [provider] = await tx
      .select({ name: providers.name })
      .from(providers)
      .where(and(eq(providers.bodyId, bodyId), eq(providers.id, providerId)));
    return { application, added: added.map((row) => row.userId), providerName: provider!.name };
  });
  await mailCommitteeMembers(db, options.mailer, {
    userIds: added,
    bodyName: bodyOf(options.registry, bodyId).name,
    task: {
      kind: 'application',
      title: (application.content as { title?: string }).title ?? 'Untitled',
      providerName,
      decisionDue: application.decisionDue,
    },
  });
  return application;
}
