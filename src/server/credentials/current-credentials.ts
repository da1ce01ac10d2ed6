import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/database';
import { credentials } from '../db/schema/credentials';
import type { CredentialRow } from './credential-document';

/** Each certification's current credential (the one nothing superseded), by certification id; absent before the first issue. */
export async function currentCredentials(
  db: DbOrTx,
  bodyId: string,
  certificationIds: readonly string[],
): Promise<Map<string, CredentialRow>> {
  const current = new Map<string, CredentialRow>();
  if (certificationIds.length === 0) return current;
  const rows = await db
    .select()
    .from(credentials)
    .where(
      and(
        eq(credentials.bodyId, bodyId),
        inArray(credentials.certificationId, [...certificationIds]),
        isNull(credentials.supersededBy),
      ),
    )
    .orderBy(asc(credentials.issuedAt));
  for (const row of rows) current.set(row.certificationId, row);
  return current;
}
