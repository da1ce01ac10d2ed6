import { and, eq, inArray } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import { recordAudit } from '../audit/record-audit';
import type { Db, DbOrTx } from '../db/database';
import { memberships } from '../db/schema/accounts';
import { appealVotes, providers } from '../db/schema/providers';
import type { Mailer } from '../mail/mailer';
import { mailCommitteeMembers, type CommitteeTask } from './committee-mail';
import { loadAppeal, type AppealRow } from './file-appeal';

/** Which of these users are reviewers or admins of the body. */
export async function appealStaffAmong(tx: DbOrTx, bodyId: string, userIds: string[]): Promise<Set<string>> {
  const staff = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.bodyId, bodyId), inArray(memberships.userId, userIds), inArray(memberships.role, ['reviewer', 'admin'])),
    );
  return new Set(staff.map((row) => row.userId));
}

/** What a member named to the appeal's committee is told about it. */
export async function appealTask(tx: DbOrTx, appeal: AppealRow, timeZone: string): Promise<CommitteeTask> {
  const [provider] = await tx
    .select({ name: providers.name })
    .from(providers)
    .where(and(eq(providers.bodyId, appeal.bodyId), eq(providers.id, appeal.providerId)));
  const filedOn = new Intl.DateTimeFormat('en-CA', { timeZone }).format(appeal.filedAt);
  return { kind: 'appeal', providerName: provider!.name, filedOn };
}

/**
 * An admin names the Review and Appeals Committee for an appeal: an odd
 * number of the body's reviewers and admins, so the majority is never tied.
 * Each member is told by e-mail once the committee is recorded.
 */
export async function assignAppealMembers(options: {
  db: Db;
  mailer: Mailer;
  body: { id: string; name: string; timeZone: string };
  appealId: string;
  userIds: string[];
  actorUserId: string;
  now: Date;
}): Promise<void> {
  const { db, body, appealId, userIds, actorUserId } = options;
  const bodyId = body.id;
  const task = await db.transaction(async (tx) => {
    const appeal = await loadAppeal(tx, bodyId, appealId, true);
    if (appeal.status !== 'open') throw new RecertError('conflict', 'the appeal was decided; the decision is final');
    const [named] = await tx
      .select()
      .from(appealVotes)
      .where(and(eq(appealVotes.bodyId, bodyId), eq(appealVotes.appealId, appealId)));
    if (named) throw new RecertError('conflict', 'the committee was named already; replace a member who has not voted instead');
    const known = await appealStaffAmong(tx, bodyId, userIds);
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
    return appealTask(tx, appeal, body.timeZone);
  });
  await mailCommitteeMembers(db, options.mailer, { userIds, task, bodyName: body.name });
}
