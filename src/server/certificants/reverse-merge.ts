import { and, eq, inArray } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { moveCertificationRecords, moveNotifications } from './merge-renewal-records';
import { recordAudit } from '../audit/record-audit';
import { refreshPerson } from '../compliance/reevaluate';
import type { Db } from '../db/database';
import { memberships } from '../db/schema/accounts';
import { activities, evidenceFiles } from '../db/schema/activities';
import { attendance } from '../db/schema/providers';
import { certifications, people, personMerges } from '../db/schema/people';
import { lockPeople } from './merge-people';

/**
 * Puts back what a merge moved: the certifications, activities (with all
 * their evidence, also files added since) and sign-ins return to the merged
 * record, which becomes visible again; contact e-mails it brought leave the
 * survivor. Activities recorded on the survivor after the merge stay there.
 * A survivor that was itself merged later must be separated first.
 */
export async function reverseMerge(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  mergeId: string;
  reason: string;
  actorUserId: string;
  now: Date;
}): Promise<void> {
  const { db, registry, bodyId, mergeId, reason, actorUserId, now } = options;
  await db.transaction(async (tx) => {
    const [merge] = await tx
      .select()
      .from(personMerges)
      .where(and(eq(personMerges.bodyId, bodyId), eq(personMerges.id, mergeId)))
      .for('update');
    if (!merge) throw new RecertError('not-found', 'not found');
    if (merge.reversedAt) throw new RecertError('conflict', 'this merge was already reversed');
    const { survivorId, mergedId, moved } = merge;
    const locked = await lockPeople(tx, bodyId, [survivorId, mergedId]);
    const survivor = locked.get(survivorId)!;
    const merged = locked.get(mergedId)!;
    if (survivor.mergedInto)
      throw new RecertError('conflict', `${survivor.number} was merged into another record since; reverse that merge first`);

    if (moved.certificationIds.length > 0)
      await tx
        .update(certifications)
        .set({ personId: mergedId })
        .where(
          and(
            eq(certifications.bodyId, bodyId),
            eq(certifications.personId, survivorId),
            inArray(certifications.id, moved.certificationIds),
          ),
        );
    await moveCertificationRecords(tx, { bodyId, certificationIds: moved.certificationIds, toPersonId: mergedId });
    if (moved.notificationIds)
      await moveNotifications(tx, { bodyId, fromPersonId: survivorId, toPersonId: mergedId, ids: moved.notificationIds });
    if (moved.activityIds.length > 0) {
      await tx
        .update(activities)
        .set({ personId: mergedId })
        .where(
          and(eq(activities.bodyId, bodyId), eq(activities.personId, survivorId), inArray(activities.id, moved.activityIds)),
        );
      await tx
        .update(evidenceFiles)
        .set({ personId: mergedId })
        .where(and(eq(evidenceFiles.bodyId, bodyId), inArray(evidenceFiles.activityId, moved.activityIds)));
    }
    const attendanceIds = moved.attendanceIds ?? [];
    if (attendanceIds.length > 0)
      await tx
        .update(attendance)
        .set({ personId: mergedId })
        .where(and(eq(attendance.bodyId, bodyId), eq(attendance.personId, survivorId), inArray(attendance.id, attendanceIds)));
    if (moved.membershipUserIds.length > 0)
      await tx
        .update(memberships)
        .set({ personId: mergedId })
        .where(
          and(
            eq(memberships.bodyId, bodyId),
            eq(memberships.personId, survivorId),
            inArray(memberships.userId, moved.membershipUserIds),
          ),
        );
    const before = new Set(moved.survivorContactEmailsBefore);
    const brought = new Set(merged.contactEmails.filter((email) => !before.has(email)));
    await tx
      .update(people)
      .set({ contactEmails: survivor.contactEmails.filter((email) => !brought.has(email)), updatedAt: now })
      .where(and(eq(people.bodyId, bodyId), eq(people.id, survivorId)));
    await tx
      .update(people)
      .set({ mergedInto: null, updatedAt: now })
      .where(and(eq(people.bodyId, bodyId), eq(people.id, mergedId)));
    await tx
      .update(personMerges)
      .set({ reversedAt: now, reversedBy: actorUserId, reverseReason: reason })
      .where(and(eq(personMerges.bodyId, bodyId), eq(personMerges.id, mergeId)));
    for (const personId of [survivorId, mergedId]) {
      await recordAudit(tx, {
        bodyId,
        actorUserId,
        entity: 'person',
        entityId: personId,
        personId,
        action: 'person.merge-reversed',
        before: { mergeId, survivor: survivor.number, merged: merged.number, moved },
        reason,
      });
    }
    for (const personId of [survivorId, mergedId]) await refreshPerson({ db: tx, registry, bodyId, personId, now, actorUserId });
  });
}
