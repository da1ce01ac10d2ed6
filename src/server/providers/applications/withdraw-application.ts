import { loadApplication, requireStatus, UNDECIDED, type ApplicationRow, type ApplicationStep } from './load-application';
import { saveApplication } from './save-application';

/** The provider withdraws its application before a decision; it then stays on record, closed. */
export async function withdrawApplication(
  options: ApplicationStep & {
    reason: string | null;
  },
): Promise<ApplicationRow> {
  const { db, bodyId, providerId, applicationId, reason, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const before = await loadApplication(tx, { bodyId, providerId, applicationId }, true);
    requireStatus(before, UNDECIDED, 'be withdrawn');
    return saveApplication(
      tx,
      before,
      { status: 'withdrawn', updatedAt: now },
      { actorUserId, action: 'application.withdrawn', before: { status: before.status }, after: { status: 'withdrawn' }, reason },
    );
  });
}
