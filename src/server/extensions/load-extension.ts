import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { DbOrTx } from '../db/database';
import { extensions } from '../db/schema/renewals';

export type ExtensionRow = typeof extensions.$inferSelect;

/** One extension of a body, optionally locked for this transaction. */
export async function loadExtension(db: DbOrTx, bodyId: string, extensionId: string, lock = false): Promise<ExtensionRow> {
  const query = db
    .select()
    .from(extensions)
    .where(and(eq(extensions.bodyId, bodyId), eq(extensions.id, extensionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new RecertError('not-found', 'not found');
  return row;
}

/**
 * The granted extension of a certification's cycle, or null. The renewal of
 * an extended cycle is always audited (NAMSS): renewals read it here.
 */
export async function grantedExtension(
  db: DbOrTx,
  bodyId: string,
  certificationId: string,
  cycleStart: string,
): Promise<ExtensionRow | null> {
  const [row] = await db
    .select()
    .from(extensions)
    .where(
      and(
        eq(extensions.bodyId, bodyId),
        eq(extensions.certificationId, certificationId),
        eq(extensions.cycleStart, cycleStart),
        eq(extensions.state, 'granted'),
      ),
    );
  return row ?? null;
}
