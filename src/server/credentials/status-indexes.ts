import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import type { DbOrTx } from '../db/database';
import { credentials, credentialStatusLists } from '../db/schema/credentials';

/**
 * Entries of one status list: 16 KB of bits, the W3C Bitstring Status List's
 * minimum, so a list never says how many credentials a body has issued.
 */
export const STATUS_LIST_BITS = 131_072;
/**
 * A list takes new credentials until it is half used: indexes are drawn at
 * random among the free ones, so each credential hides among at least 65,536
 * neighbours, and a draw rarely meets a used index.
 */
const LIST_FILLS_AT = STATUS_LIST_BITS / 2;

export interface StatusSlot {
  list: number;
  index: number;
}

/**
 * `count` free (list, index) slots of a body's status lists, drawn at random,
 * under the lock of the list row (so concurrent issues never draw the same
 * slot); the list's `used` counts them in the caller's transaction.
 */
export async function assignStatusSlots(tx: DbOrTx, bodyId: string, count: number): Promise<StatusSlot[]> {
  const slots: StatusSlot[] = [];
  while (slots.length < count) {
    const [open] = await tx
      .select()
      .from(credentialStatusLists)
      .where(and(eq(credentialStatusLists.bodyId, bodyId), lt(credentialStatusLists.used, LIST_FILLS_AT)))
      .orderBy(credentialStatusLists.list)
      .limit(1)
      .for('update');
    if (!open) {
      const [last] = await tx
        .select({ list: sql<number>`coalesce(max(${credentialStatusLists.list}), -1)` })
        .from(credentialStatusLists)
        .where(eq(credentialStatusLists.bodyId, bodyId));
      await tx
        .insert(credentialStatusLists)
        .values({ bodyId, list: Number(last!.list) + 1 })
        .onConflictDoNothing();
      continue;
    }
    const wanted = Math.min(count - slots.length, LIST_FILLS_AT - open.used);
    const taken = new Set<number>();
    while (taken.size < wanted) {
      const candidates = new Set<number>();
      while (candidates.size < (wanted - taken.size) * 2 + 4) {
        const index = randomInt(0, STATUS_LIST_BITS);
        if (!taken.has(index)) candidates.add(index);
      }
      const used = await tx
        .select({ index: credentials.statusIndex })
        .from(credentials)
        .where(
          and(
            eq(credentials.bodyId, bodyId),
            eq(credentials.statusList, open.list),
            inArray(credentials.statusIndex, [...candidates]),
          ),
        );
      const usedSet = new Set(used.map((row) => row.index));
      for (const index of candidates) {
        if (taken.size === wanted) break;
        if (!usedSet.has(index)) taken.add(index);
      }
    }
    await tx
      .update(credentialStatusLists)
      .set({ used: open.used + wanted })
      .where(and(eq(credentialStatusLists.bodyId, bodyId), eq(credentialStatusLists.list, open.list)));
    for (const index of taken) slots.push({ list: open.list, index });
  }
  return slots;
}

/** A bit of these lists changed: their revision moves, in the caller's transaction, so the served lists are rebuilt. */
export async function touchStatusLists(tx: DbOrTx, bodyId: string, lists: Iterable<number>, now: Date): Promise<void> {
  const numbers = [...new Set(lists)];
  if (numbers.length === 0) return;
  await tx
    .update(credentialStatusLists)
    .set({ revision: sql`${credentialStatusLists.revision} + 1`, updatedAt: now })
    .where(and(eq(credentialStatusLists.bodyId, bodyId), inArray(credentialStatusLists.list, numbers)));
}
