import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database';
import { auditLog } from '../db/schema/audit';
import { credentials, type RevocationReason } from '../db/schema/credentials';
import type { CredentialRow } from './credential-document';
import { assignStatusSlots, touchStatusLists } from './status-indexes';

/** A credential to issue; `replaces` is the one it supersedes (revoked as superseded, unless revoked already). */
export type FreshCredential = Omit<typeof credentials.$inferInsert, 'statusList' | 'statusIndex'> & {
  replaces: CredentialRow | null;
};

/** A change to a credential's status bits; `action` names it in the audit (null: no bit changed). */
export interface CredentialUpdate {
  row: CredentialRow;
  set: Partial<CredentialRow>;
  action: string | null;
}

/** What revoking a credential sets: final, so the suspension bit goes (the revocation says it all). */
export function revocation(reason: RevocationReason, now: Date): Partial<CredentialRow> {
  return { revoked: true, revocationReason: reason, revokedAt: now, suspended: false, suspensionReason: null };
}

export interface SyncResult {
  issued: string[];
  /** Credentials whose revocation or suspension bit changed. */
  changed: string[];
}

/**
 * Writes what syncCredentials (or a re-issue) decided, in the caller's
 * transaction: new credentials at random status slots, the ones they
 * supersede, the bits that changed, the status lists' revisions, and one
 * audit entry per credential issued or changed, with the reason if one was given.
 */
export async function writeCredentialChanges(options: {
  tx: DbOrTx;
  bodyId: string;
  fresh: FreshCredential[];
  updates: CredentialUpdate[];
  actorUserId: string | null;
  now: Date;
  reason?: string;
}): Promise<SyncResult> {
  const { tx, bodyId, fresh, actorUserId, now } = options;
  const updates = [...options.updates];
  const reason = options.reason ?? null;
  const result: SyncResult = { issued: [], changed: [] };
  const touched: number[] = [];
  const audits: (typeof auditLog.$inferInsert)[] = [];
  const audited = (row: CredentialRow, action: string) => ({
    bodyId,
    actorUserId,
    entity: 'credential',
    entityId: row.id,
    personId: row.personId,
    action,
    reason,
  });
  if (fresh.length > 0) {
    const slots = await assignStatusSlots(tx, bodyId, fresh.length);
    const inserted = await tx
      .insert(credentials)
      .values(
        fresh.map(({ replaces: _replaces, ...row }, i) => ({ ...row, statusList: slots[i]!.list, statusIndex: slots[i]!.index })),
      )
      .returning();
    for (const [i, row] of inserted.entries()) {
      const replaces = fresh[i]!.replaces;
      result.issued.push(row.id);
      if (row.suspended) touched.push(row.statusList);
      audits.push({
        ...audited(row, 'credential.issued'),
        after: {
          certificationId: row.certificationId,
          program: row.programId,
          reason: row.issueReason,
          validFrom: row.validFrom,
          validUntil: row.validUntil,
          replaces: replaces?.id ?? null,
        },
      });
      if (replaces) {
        const set: Partial<CredentialRow> = {
          supersededBy: row.id,
          ...(replaces.revoked ? {} : revocation('superseded', now)),
        };
        updates.push({ row: replaces, set, action: replaces.revoked ? null : 'credential.revoked' });
      }
    }
  }
  // Changes alike (the same bits, reasons and instant: a day's expiries) in one statement each.
  const alike = new Map<string, { set: Partial<CredentialRow>; ids: string[] }>();
  for (const { row, set } of updates) {
    const key = JSON.stringify(set);
    const group = alike.get(key) ?? { set, ids: [] };
    group.ids.push(row.id);
    alike.set(key, group);
  }
  for (const { set, ids } of alike.values())
    await tx
      .update(credentials)
      .set(set)
      .where(and(eq(credentials.bodyId, bodyId), inArray(credentials.id, ids)));
  for (const { row, set, action } of updates) {
    if (!action) continue;
    result.changed.push(row.id);
    touched.push(row.statusList);
    audits.push({
      ...audited(row, action),
      before: { revoked: row.revoked, suspended: row.suspended },
      after: {
        revoked: set.revoked ?? row.revoked,
        revocationReason: set.revocationReason ?? row.revocationReason,
        suspended: set.suspended ?? row.suspended,
        suspensionReason: set.suspensionReason === undefined ? row.suspensionReason : set.suspensionReason,
        supersededBy: set.supersededBy ?? null,
      },
    });
  }
  await touchStatusLists(tx, bodyId, touched, now);
  if (audits.length > 0) await tx.insert(auditLog).values(audits);
  return result;
}
