import { and, eq, isNull } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import { recordAudit } from '../audit/record-audit';
import type { Db, DbOrTx } from '../db/database';
import { offerings, providerNotices, providers, type ProviderStatus } from '../db/schema/providers';
import type { Mailer } from '../mail/mailer';
import type { NoticeKind } from './provider-schemas';
import { loadProvider } from './update-provider';

/** The status each notice leads to, and the statuses it may follow. A note changes nothing. */
const TRANSITIONS: Record<Exclude<NoticeKind, 'note'>, { to: ProviderStatus; from: ProviderStatus[] }> = {
  warning: { to: 'warned', from: ['active', 'warned'] },
  suspension: { to: 'suspended', from: ['active', 'warned'] },
  termination: { to: 'terminated', from: ['active', 'warned', 'suspended'] },
  // A termination is lifted only by an appeal (see decideAppeal).
  reinstatement: { to: 'active', from: ['warned', 'suspended'] },
};

const SUBJECTS: Record<Exclude<NoticeKind, 'note'>, string> = {
  warning: 'Warning about your CE offerings',
  suspension: 'Your CE provider approvals are suspended',
  termination: 'Your CE provider approvals are terminated',
  reinstatement: 'Your CE provider approvals are reinstated',
};

/**
 * Records staff monitoring of a provider. A note is internal; a warning,
 * suspension, termination or reinstatement changes the provider's status,
 * is told to the provider by e-mail, and a termination withdraws its
 * offerings (off the calendar, codes no longer valid for later dates).
 */
export async function recordNotice(options: {
  db: Db;
  mailer: Mailer;
  bodyId: string;
  bodyName: string;
  providerId: string;
  kind: NoticeKind;
  text: string;
  actorUserId: string;
  now: Date;
}): Promise<typeof providerNotices.$inferSelect> {
  const { db, mailer, bodyId, bodyName, providerId, kind, text, actorUserId, now } = options;
  const { notice, provider } = await db.transaction(async (tx) => {
    const provider = await loadProvider(tx, bodyId, providerId, true);
    if (kind !== 'note') {
      const transition = TRANSITIONS[kind];
      if (!transition.from.includes(provider.status))
        throw new RecertError('conflict', `a ${provider.status} provider cannot be given a ${kind}`, [
          { path: 'body.kind', message: `not possible for a ${provider.status} provider` },
        ]);
      await setProviderStatus(tx, { bodyId, providerId, status: transition.to, reason: text, now });
      if (kind === 'termination') await withdrawOfferings(tx, bodyId, providerId, now);
    }
    const [notice] = await tx
      .insert(providerNotices)
      .values({ bodyId, providerId, kind, text, byUserId: actorUserId, at: now })
      .returning();
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'provider',
      entityId: providerId,
      action: `provider.${kind}`,
      before: { status: provider.status },
      after: { status: kind === 'note' ? provider.status : TRANSITIONS[kind].to },
      reason: text,
    });
    return { notice: notice!, provider };
  });
  if (kind !== 'note') {
    await mailer.send({
      to: provider.email,
      subject: `${bodyName}: ${SUBJECTS[kind]}`,
      text: `${provider.contactName},\n\n${text}\n\n${bodyName}`,
    });
  }
  return notice;
}

export async function setProviderStatus(
  tx: DbOrTx,
  options: { bodyId: string; providerId: string; status: ProviderStatus; reason: string; now: Date },
) {
  await tx
    .update(providers)
    .set({ status: options.status, statusReason: options.reason, statusChangedAt: options.now })
    .where(and(eq(providers.bodyId, options.bodyId), eq(providers.id, options.providerId)));
}

/** Withdraws a provider's standing offerings, stamped with the termination's time so an overturned appeal restores exactly these. */
async function withdrawOfferings(tx: DbOrTx, bodyId: string, providerId: string, now: Date) {
  await tx
    .update(offerings)
    .set({ withdrawnAt: now })
    .where(and(eq(offerings.bodyId, bodyId), eq(offerings.providerId, providerId), isNull(offerings.withdrawnAt)));
}
