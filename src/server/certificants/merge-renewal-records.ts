import { and, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { credentials } from '../db/schema/credentials';
import { extensions, invoices, notifications, renewals, standingDecisions } from '../db/schema/renewals';

/**
 * Renewal records belong to their certification: renewals, extensions,
 * standing decisions (and the invoices they raised) and credentials, superseded
 * ones too, go wherever it goes, in a
 * merge and back in its reversal. Moving by certification both ways keeps
 * them together even when they were written between the merge and its reversal.
 */
export async function moveCertificationRecords(
  tx: Tx,
  options: { bodyId: string; certificationIds: string[]; toPersonId: string },
): Promise<void> {
  const { bodyId, certificationIds, toPersonId } = options;
  if (certificationIds.length === 0) return;
  const movedRenewals = await tx
    .update(renewals)
    .set({ personId: toPersonId })
    .where(and(eq(renewals.bodyId, bodyId), inArray(renewals.certificationId, certificationIds)))
    .returning({ id: renewals.id });
  const movedExtensions = await tx
    .update(extensions)
    .set({ personId: toPersonId })
    .where(and(eq(extensions.bodyId, bodyId), inArray(extensions.certificationId, certificationIds)))
    .returning({ id: extensions.id });
  await tx
    .update(credentials)
    .set({ personId: toPersonId })
    .where(and(eq(credentials.bodyId, bodyId), inArray(credentials.certificationId, certificationIds)));
  await tx
    .update(standingDecisions)
    .set({ personId: toPersonId })
    .where(and(eq(standingDecisions.bodyId, bodyId), inArray(standingDecisions.certificationId, certificationIds)));
  const subjects = [
    ...(movedRenewals.length > 0
      ? [
          and(
            eq(invoices.subject, 'renewal'),
            inArray(
              invoices.subjectId,
              movedRenewals.map((row) => row.id),
            ),
          ),
        ]
      : []),
    ...(movedExtensions.length > 0
      ? [
          and(
            eq(invoices.subject, 'extension'),
            inArray(
              invoices.subjectId,
              movedExtensions.map((row) => row.id),
            ),
          ),
        ]
      : []),
  ];
  if (subjects.length > 0)
    await tx
      .update(invoices)
      .set({ personId: toPersonId })
      .where(and(eq(invoices.bodyId, bodyId), or(...subjects)));
}

/** The merged record's inbox joins the survivor's (it is one person); the ids are kept so a reversal returns exactly these. */
export async function moveNotifications(
  tx: Tx,
  options: { bodyId: string; fromPersonId: string; toPersonId: string; ids?: string[] },
) {
  const { bodyId, fromPersonId, toPersonId, ids } = options;
  if (ids && ids.length === 0) return [];
  const moved = await tx
    .update(notifications)
    .set({ personId: toPersonId })
    .where(
      and(
        eq(notifications.bodyId, bodyId),
        eq(notifications.personId, fromPersonId),
        ...(ids ? [inArray(notifications.id, ids)] : []),
      ),
    )
    .returning({ id: notifications.id });
  return moved.map((row) => row.id);
}
