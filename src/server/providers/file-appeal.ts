import { and, eq } from 'drizzle-orm';
import { addDays } from '../compliance/date-math';
import { dateAt } from '../../core/dates/today';
import { RecertError } from '../../core/errors';
import { recordAudit } from '../audit/record-audit';
import type { Db, DbOrTx } from '../db/database';
import { providerAppeals, providerNotices } from '../db/schema/providers';
import { loadProvider } from './update-provider';

export type AppealRow = typeof providerAppeals.$inferSelect;

/** The last day a termination notice may be appealed: `appealDays` after the notice, in the body's time zone. */
export function appealDeadline(noticeAt: Date, timeZone: string, appealDays: number): string {
  return addDays(dateAt(timeZone, noticeAt), appealDays);
}

/** A terminated provider appeals its termination, within the body's appeal period; one appeal per notice. */
export async function fileAppeal(options: {
  db: Db;
  bodyId: string;
  timeZone: string;
  appealDays: number;
  providerId: string;
  noticeId: string;
  grounds: string;
  actorUserId: string;
  now: Date;
}): Promise<AppealRow> {
  const { db, bodyId, timeZone, appealDays, providerId, noticeId, grounds, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const provider = await loadProvider(tx, bodyId, providerId, true);
    const [notice] = await tx
      .select()
      .from(providerNotices)
      .where(
        and(eq(providerNotices.bodyId, bodyId), eq(providerNotices.providerId, providerId), eq(providerNotices.id, noticeId)),
      );
    if (!notice || notice.kind !== 'termination')
      throw new RecertError('invalid-input', 'only a termination can be appealed', [
        { path: 'body.noticeId', message: 'is not a termination notice of this provider' },
      ]);
    if (provider.status !== 'terminated') throw new RecertError('conflict', 'the provider is not terminated');
    const due = appealDeadline(notice.at, timeZone, appealDays);
    if (dateAt(timeZone, now) > due)
      throw new RecertError('conflict', `the appeal was due by ${due}`, [
        { path: 'body.noticeId', message: `the appeal was due by ${due} (${appealDays} days after the notice)` },
      ]);
    const [appeal] = await tx
      .insert(providerAppeals)
      .values({ bodyId, providerId, noticeId, grounds, filedBy: actorUserId, filedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!appeal) throw new RecertError('conflict', 'this termination was already appealed');
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'provider-appeal',
      entityId: appeal.id,
      action: 'appeal.filed',
      after: { providerId, noticeId, grounds },
    });
    return appeal;
  });
}

export async function loadAppeal(db: DbOrTx, bodyId: string, appealId: string, lock = false): Promise<AppealRow> {
  const query = db
    .select()
    .from(providerAppeals)
    .where(and(eq(providerAppeals.bodyId, bodyId), eq(providerAppeals.id, appealId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new RecertError('not-found', 'not found');
  return row;
}
