import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import { recordAudit } from '../audit/record-audit';
import type { Db, DbOrTx } from '../db/database';
import { providers } from '../db/schema/providers';
import type { ProviderDetails } from './provider-schemas';
import type { ProviderRow } from './register-provider';

export async function loadProvider(db: DbOrTx, bodyId: string, providerId: string, lock = false): Promise<ProviderRow> {
  const query = db
    .select()
    .from(providers)
    .where(and(eq(providers.bodyId, bodyId), eq(providers.id, providerId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new RecertError('not-found', 'not found');
  return row;
}

/** The provider's own users or the body's admins change its details; audited with before and after. */
export async function updateProvider(options: {
  db: Db;
  bodyId: string;
  providerId: string;
  change: Partial<ProviderDetails>;
  actorUserId: string;
}): Promise<ProviderRow> {
  const { db, bodyId, providerId, change, actorUserId } = options;
  return db.transaction(async (tx) => {
    const before = await loadProvider(tx, bodyId, providerId, true);
    const [after] = await tx
      .update(providers)
      .set({ ...change, ...(change.email ? { email: change.email.toLowerCase() } : {}) })
      .where(and(eq(providers.bodyId, bodyId), eq(providers.id, providerId)))
      .returning();
    const fields = Object.keys(change) as (keyof ProviderDetails)[];
    await recordAudit(tx, {
      bodyId,
      actorUserId,
      entity: 'provider',
      entityId: providerId,
      action: 'provider.changed',
      before: Object.fromEntries(fields.map((field) => [field, before[field]])),
      after: Object.fromEntries(fields.map((field) => [field, after![field]])),
    });
    return after!;
  });
}
