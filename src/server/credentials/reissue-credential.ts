import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { Db } from '../db/database';
import { credentials } from '../db/schema/credentials';
import { people } from '../db/schema/people';
import { writeCredentialChanges } from './write-credential-changes';

/**
 * Re-issues a current credential with the holder's name as the profile
 * prints it now (a name change, on the person's request or by an admin):
 * the same cycle, dates and number, a new id and status slot; the earlier
 * one is superseded. A credential that already carries that name, or that is
 * superseded or revoked, is not re-issued. Audited with the reason.
 */
export async function reissueCredential(options: {
  db: Db;
  bodyId: string;
  personId: string;
  credentialId: string;
  reason: string;
  actorUserId: string;
  now: Date;
}): Promise<string> {
  const { db, bodyId, personId, credentialId, reason, actorUserId, now } = options;
  return db.transaction(async (tx) => {
    const [held] = await tx
      .select({ credential: credentials, legalName: people.legalName })
      .from(credentials)
      .innerJoin(people, and(eq(people.bodyId, credentials.bodyId), eq(people.id, credentials.personId)))
      .where(and(eq(credentials.bodyId, bodyId), eq(credentials.personId, personId), eq(credentials.id, credentialId)))
      .for('update', { of: credentials });
    if (!held) throw new RecertError('not-found', 'not found');
    const { credential: row, legalName } = held;
    if (row.supersededBy) throw new RecertError('conflict', 'this credential was superseded: re-issue the current one');
    if (row.revoked) throw new RecertError('conflict', 'this credential is revoked; a revoked credential is not re-issued');
    if (row.holderName === legalName)
      throw new RecertError('conflict', `this credential already carries the name as the profile prints it (${legalName})`);
    const { id: _id, jwt: _jwt, kid: _kid, statusList: _list, statusIndex: _index, ...facts } = row;
    const done = await writeCredentialChanges({
      tx,
      bodyId,
      fresh: [
        { ...facts, holderName: legalName, issuedAt: now, issuedBy: actorUserId, issueReason: 'name-change', replaces: row },
      ],
      updates: [],
      actorUserId,
      now,
      reason,
    });
    return done.issued[0]!;
  });
}
