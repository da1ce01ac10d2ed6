import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/database';
import { appealVotes } from '../db/schema/providers';
import type { Mailer } from '../mail/mailer';
import { appealStaffAmong, appealTask } from './assign-appeal-members';
import { mailCommitteeMembers } from './committee-mail';
import { loadAppeal } from './file-appeal';

/**
 * An admin takes a member off an open appeal's committee, putting another of
 * the body's reviewers or admins in their place: the committee stays odd, so
 * its majority is never tied. Only a member who has not voted: a vote once
 * cast is part of the record. The new member is told by e-mail.
 */
export async function replaceAppealMember(options: {
  db: Db;
  mailer: Mailer;
  body: { id: string; name: string; timeZone: string };
  appealId: string;
  memberUserId: string;
  replacementUserId: string;
  actorUserId: string;
  now: Date;
}): Promise<void> {
  const { db, body, appealId, memberUserId, replacementUserId, actorUserId } = options;
  const bodyId = body.id;
  const task = await db.transaction(async (tx) => {
    const appeal = await loadAppeal(tx, bodyId, appealId, true);
    if (appeal.status !== 'open') throw new RecertError('conflict', 'the appeal was decided; the decision is final');
    const members = await tx
      .select()
      .from(appealVotes)
      .where(and(eq(appealVotes.bodyId, bodyId), eq(appealVotes.appealId, appealId)));
    const leaving = members.find((member) => member.memberUserId === memberUserId);
    if (!leaving) throw new RecertError('not-found', 'this user is not on the committee of this appeal');
    if (leaving.vote)
      throw new RecertError(
        'conflict',
        `this member voted "${leaving.vote}" on ${leaving.votedAt!.toISOString().slice(0, 10)}: the vote is part of the record, so the member stays on the committee`,
      );
    if (members.some((member) => member.memberUserId === replacementUserId))
      throw new RecertError('invalid-input', 'the committee is invalid', [
        { path: 'body.userId', message: 'is on the committee already' },
      ]);
    if (!(await appealStaffAmong(tx, bodyId, [replacementUserId])).has(replacementUserId))
      throw new RecertError('invalid-input', 'the committee is invalid', [
        { path: 'body.userId', message: 'is not a reviewer or admin of this body' },
      ]);
    await tx
      .delete(appealVotes)
      .where(and(eq(appealVotes.bodyId, bodyId), eq(appealVotes.appealId, appealId), eq(appealVotes.memberUserId, memberUserId)));
    await tx.insert(appealVotes).values({ bodyId, appealId, memberUserId: replacementUserId, assignedBy: actorUserId });
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'provider-appeal',
      entityId: appealId,
      action: 'appeal.member-replaced',
      before: { member: memberUserId },
      after: { member: replacementUserId },
    });
    return appealTask(tx, appeal, body.timeZone);
  });
  await mailCommitteeMembers(db, options.mailer, { userIds: [replacementUserId], task, bodyName: body.name });
}
