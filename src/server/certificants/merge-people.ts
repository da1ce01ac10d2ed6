import { and, asc, eq, inArray } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { moveCertificationRecords, moveNotifications } from './merge-renewal-records';
import { recordAudit } from '../audit/record-audit';
import { refreshPerson } from '../compliance/reevaluate';
import type { Db, DbOrTx } from '../db/database';
import { memberships } from '../db/schema/accounts';
import { activities, evidenceFiles } from '../db/schema/activities';
import { attendance } from '../db/schema/providers';
import { certifications, people, personMerges, type MergeMoved } from '../db/schema/people';
import type { PersonRow } from './load-person-record';

/**
 * Every table that holds a person's records, by the column that names them.
 * The merge moves each of these; a test fails when a new table with a
 * person_id column is not listed here, so a later feature cannot be left behind.
 */
export const PERSON_RECORD_TABLES = [
  'certifications',
  'activities',
  'evidence_files',
  'memberships',
  'attendance',
  // With their certification (see merge-renewal-records.ts).
  'renewals',
  'extensions',
  'standing_decisions',
  'invoices',
  'notifications',
  'credentials',
] as const;
/**
 * Tables with a person_id that a merge must not move: history stays where it
 * was written, and the survivor's notice preferences are the ones that count.
 */
export const PERSON_HISTORY_TABLES = ['audit_log', 'notification_preferences'] as const;

/** Both records, locked in id order (so two merges of the same pair cannot deadlock), in one body. */
export async function lockPeople(tx: DbOrTx, bodyId: string, ids: string[]): Promise<Map<string, PersonRow>> {
  const rows = await tx
    .select()
    .from(people)
    .where(and(eq(people.bodyId, bodyId), inArray(people.id, ids)))
    .orderBy(asc(people.id))
    .for('update');
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Merges a duplicate record into the one that stays: its certifications (but
 * not a program the survivor already holds), activities, evidence files and
 * sign-ins move; contact e-mails are joined. The merged record is kept,
 * marked `merged_into`, and the merge records exactly what moved, so that
 * `reverseMerge` can put it back. One transaction, audited on both people.
 */
export async function mergePeople(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  survivorId: string;
  mergedId: string;
  reason: string;
  actorUserId: string;
  now: Date;
}): Promise<string> {
  const { db, registry, bodyId, survivorId, mergedId, reason, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const locked = await lockPeople(tx, bodyId, [survivorId, mergedId]);
    const survivor = locked.get(survivorId);
    const merged = locked.get(mergedId);
    if (!survivor) throw new RecertError('invalid-input', 'unknown person', [{ path: 'body.survivorId', message: 'not found' }]);
    if (!merged) throw new RecertError('invalid-input', 'unknown person', [{ path: 'body.mergedId', message: 'not found' }]);
    for (const [row, path] of [
      [survivor, 'body.survivorId'],
      [merged, 'body.mergedId'],
    ] as const) {
      if (row.mergedInto)
        throw new RecertError('conflict', `${row.number} was already merged into another record`, [
          { path, message: 'was already merged into another record' },
        ]);
    }

    const held = await tx
      .select({ id: certifications.id, personId: certifications.personId, programId: certifications.programId })
      .from(certifications)
      .where(and(eq(certifications.bodyId, bodyId), inArray(certifications.personId, [survivorId, mergedId])));
    const survivorPrograms = new Set(held.filter((row) => row.personId === survivorId).map((row) => row.programId));
    const ofMerged = held.filter((row) => row.personId === mergedId);
    const keptApart = ofMerged.filter((row) => survivorPrograms.has(row.programId));
    const movingIds = ofMerged.filter((row) => !survivorPrograms.has(row.programId)).map((row) => row.id);
    if (movingIds.length > 0)
      await tx
        .update(certifications)
        .set({ personId: survivorId })
        .where(and(eq(certifications.bodyId, bodyId), inArray(certifications.id, movingIds)));
    const movedActivities = await tx
      .update(activities)
      .set({ personId: survivorId })
      .where(and(eq(activities.bodyId, bodyId), eq(activities.personId, mergedId)))
      .returning({ id: activities.id });
    const movedEvidence = await tx
      .update(evidenceFiles)
      .set({ personId: survivorId })
      .where(and(eq(evidenceFiles.bodyId, bodyId), eq(evidenceFiles.personId, mergedId)))
      .returning({ id: evidenceFiles.id });
    const movedAttendance = await tx
      .update(attendance)
      .set({ personId: survivorId })
      .where(and(eq(attendance.bodyId, bodyId), eq(attendance.personId, mergedId)))
      .returning({ id: attendance.id });
    await moveCertificationRecords(tx, { bodyId, certificationIds: movingIds, toPersonId: survivorId });
    const notificationIds = await moveNotifications(tx, { bodyId, fromPersonId: mergedId, toPersonId: survivorId });
    const movedSignIns = await tx
      .update(memberships)
      .set({ personId: survivorId })
      .where(and(eq(memberships.bodyId, bodyId), eq(memberships.personId, mergedId)))
      .returning({ userId: memberships.userId });

    const contactEmails = [...new Set([...survivor.contactEmails, ...merged.contactEmails])];
    await tx
      .update(people)
      .set({ contactEmails, updatedAt: now })
      .where(and(eq(people.bodyId, bodyId), eq(people.id, survivorId)));
    await tx
      .update(people)
      .set({ mergedInto: survivorId, updatedAt: now })
      .where(and(eq(people.bodyId, bodyId), eq(people.id, mergedId)));

    const moved: MergeMoved = {
      certificationIds: movingIds,
      keptApartCertificationIds: keptApart.map((row) => row.id),
      keptApartPrograms: keptApart.map((row) => row.programId),
      activityIds: movedActivities.map((row) => row.id),
      evidenceIds: movedEvidence.map((row) => row.id),
      attendanceIds: movedAttendance.map((row) => row.id),
      notificationIds,
      membershipUserIds: movedSignIns.map((row) => row.userId),
      survivorContactEmailsBefore: survivor.contactEmails,
    };
    const [merge] = await tx
      .insert(personMerges)
      .values({ bodyId, survivorId, mergedId, reason, mergedBy: actorUserId, mergedAt: now, moved })
      .returning({ id: personMerges.id });
    const after = { mergeId: merge!.id, survivor: survivor.number, merged: merged.number, moved };
    for (const personId of [survivorId, mergedId]) {
      await recordAudit(tx, {
        bodyId,
        actorUserId,
        entity: 'person',
        entityId: personId,
        personId,
        action: personId === survivorId ? 'person.merged-in' : 'person.merged-into',
        after,
        reason,
      });
    }
    await refreshPerson({ db: tx, registry, bodyId, personId: survivorId, now, actorUserId });
    return merge!.id;
  });
}
