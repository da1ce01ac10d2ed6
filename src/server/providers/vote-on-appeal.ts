import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/database';
import { appealVotes, offerings, providerAppeals, providerNotices } from '../db/schema/providers';
import type { Mailer } from '../mail/mailer';
import { loadAppeal, type AppealRow } from './file-appeal';
import { setProviderStatus } from './record-notice';
import { loadProvider } from './update-provider';

/**
 * A committee member votes. As soon as a majority of the committee agrees,
 * the decision is recorded and final: `overturn` lifts the termination and
 * restores the offerings it withdrew; `uphold` keeps it.
 */
export async function voteOnAppeal(options: {
  db: Db;
  mailer: Mailer;
  bodyName: string;
  bodyId: string;
  appealId: string;
  vote: 'uphold' | 'overturn';
  comment: string | null;
  actorUserId: string;
  now: Date;
}): Promise<AppealRow> {
  const { db, mailer, bodyName, bodyId, appealId, vote, comment, actorUserId, now } = options;
  const { appeal, decided, providerEmail } = await db.transaction(async (tx) => {
    const appeal = await loadAppeal(tx, bodyId, appealId, true);
    if (appeal.status !== 'open') throw new RecertError('conflict', 'the appeal was decided; the decision is final');
    const members = await tx
      .select()
      .from(appealVotes)
      .where(and(eq(appealVotes.bodyId, bodyId), eq(appealVotes.appealId, appealId)));
    const mine = members.find((member) => member.memberUserId === actorUserId);
    if (!mine) throw new RecertError('forbidden', 'only members of the committee on this appeal vote');
    if (mine.vote) throw new RecertError('conflict', 'you voted already');
    await tx
      .update(appealVotes)
      .set({ vote, comment, votedAt: now })
      .where(and(eq(appealVotes.bodyId, bodyId), eq(appealVotes.appealId, appealId), eq(appealVotes.memberUserId, actorUserId)));
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'provider-appeal',
      entityId: appealId,
      action: 'appeal.vote',
      after: { vote, comment },
    });
    const votes = members.map((member) => (member.memberUserId === actorUserId ? vote : member.vote));
    const majority = Math.floor(members.length / 2) + 1;
    const outcome = (['uphold', 'overturn'] as const).find((side) => votes.filter((v) => v === side).length >= majority);
    const provider = await loadProvider(tx, bodyId, appeal.providerId, true);
    if (!outcome) return { appeal, decided: null, providerEmail: provider.email };
    const status = outcome === 'overturn' ? 'overturned' : 'upheld';
    const [updated] = await tx
      .update(providerAppeals)
      .set({ status, decidedAt: now })
      .where(and(eq(providerAppeals.bodyId, bodyId), eq(providerAppeals.id, appealId)))
      .returning();
    if (outcome === 'overturn') {
      const [notice] = await tx
        .select()
        .from(providerNotices)
        .where(and(eq(providerNotices.bodyId, bodyId), eq(providerNotices.id, appeal.noticeId)));
      await setProviderStatus(tx, {
        bodyId,
        providerId: appeal.providerId,
        status: 'active',
        reason: 'termination overturned on appeal',
        now,
      });
      await tx
        .update(offerings)
        .set({ withdrawnAt: null })
        .where(
          and(eq(offerings.bodyId, bodyId), eq(offerings.providerId, appeal.providerId), eq(offerings.withdrawnAt, notice!.at)),
        );
    }
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'provider-appeal',
      entityId: appealId,
      action: `appeal.${status}`,
      after: { votes: members.length, majority },
    });
    return { appeal: updated!, decided: status, providerEmail: provider.email };
  });
  if (decided) {
    await mailer.send({
      to: providerEmail,
      subject: `${bodyName}: decision on your appeal`,
      text:
        decided === 'overturned'
          ? 'The Review and Appeals Committee overturned the termination. Your approvals are restored. This decision is final.'
          : 'The Review and Appeals Committee upheld the termination. This decision is final.',
    });
  }
  return appeal;
}
