import { and, eq, inArray } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/database';
import { memberships } from '../db/schema/accounts';
import { appealVotes } from '../db/schema/providers';
import { loadAppeal } from './file-appeal';

/**
 * An admin names the Review and Appeals Committee for an appeal: an odd
 * number of the body's reviewers and admins, so the majority is never tied.
 */
export async function assignAppealMembers(options: {
  db: Db;
  bodyId: string;
  appealId: string;
  userIds: string[];
  actorUserId: string;
  now: Date;
}): Promise<void> {
  const { db, bodyId, appealId, userIds, actorUserId } = options;
  await db.transaction(async (tx) => {
    const appeal = await loadAppeal(tx, bodyId, appealId, true);
    if (appeal.status !== 'open') throw new RecertError('conflict', 'the appeal was decided; the decision is final');
    const [voted] = await tx
      .select()
      .from(appealVotes)
      .where(and(eq(appealVotes.bodyId, bodyId), eq(appealVotes.appealId, appealId)));
    if (voted) throw new RecertError('conflict', 'the committee was named already');
    const staff = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.bodyId, bodyId),
          inArray(memberships.userId, userIds),
          inArray(memberships.role, ['reviewer', 'admin']),
        ),
      );
    const known = new Set(staff.map((row) => row.userId));
    const issues = userIds.flatMap((id, index) =>
      known.has(id) ? [] : [{ path: `body.userIds[${index}]`, message: 'is not a reviewer or admin of this body' }],
    );
    if (issues.length > 0) throw new RecertError('invalid-input', 'the committee is invalid', issues);
    await tx
      .insert(appealVotes)
      .values(userIds.map((memberUserId) => ({ bodyId, appealId, memberUserId, assignedBy: actorUserId })));
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'provider-appeal',
      entityId: appealId,
      action: 'appeal.committee-named',
      after: { members: userIds },
    });
  });
}
