import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/database';
import { evidenceFiles } from '../db/schema/activities';
import { attendance } from '../db/schema/providers';

/**
 * Which of the activities have evidence a reviewer can check: uploaded files,
 * or a provider's confirmation of completion for the attendance that recorded it.
 */
export async function evidenceOf(db: DbOrTx, bodyId: string, personId: string, activityIds: string[]) {
  const files = new Map<string, { id: string; filename: string }[]>();
  const confirmed = new Set<string>();
  if (activityIds.length === 0) return { files, confirmed };
  const [fileRows, confirmations] = await Promise.all([
    db
      .select({ id: evidenceFiles.id, filename: evidenceFiles.filename, activityId: evidenceFiles.activityId })
      .from(evidenceFiles)
      .where(
        and(
          eq(evidenceFiles.bodyId, bodyId),
          eq(evidenceFiles.personId, personId),
          inArray(evidenceFiles.activityId, activityIds),
        ),
      )
      .orderBy(evidenceFiles.createdAt),
    db
      .select({ activityId: attendance.activityId })
      .from(attendance)
      .where(
        and(
          eq(attendance.bodyId, bodyId),
          eq(attendance.personId, personId),
          inArray(attendance.activityId, activityIds),
          isNotNull(attendance.confirmationIssuedAt),
        ),
      ),
  ]);
  for (const row of fileRows)
    files.set(row.activityId, [...(files.get(row.activityId) ?? []), { id: row.id, filename: row.filename }]);
  for (const row of confirmations) if (row.activityId) confirmed.add(row.activityId);
  return { files, confirmed };
}
