import { sql } from 'drizzle-orm';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { rowsOf, type DbOrTx } from '../../db/database';
import type { AttendeeFacts, OfferingFacts } from './confirmation-pdf';

/** Where an attendance row's confirmation is kept; the evidence row that attaches it to the activity has the row's id. */
export const confirmationKey = (bodyId: string, offeringId: string, attendanceId: string) =>
  `${bodyId}/confirmations/${offeringId}/${attendanceId}.pdf`;

export const confirmationFilename = (verificationCode: string) => `confirmation-${verificationCode}.pdf`;

/** What a confirmation prints, for every offering of some rows. */
export async function offeringFacts(
  db: DbOrTx,
  registry: PolicyRegistry,
  bodyId: string,
  offeringIds: string[],
): Promise<Map<string, OfferingFacts>> {
  const rows = await rowsOf<{ id: string; title: string; type: string; approval_code: string; provider_name: string }>(
    db,
    sql`select o.id, o.title, o.type, o.approval_code, p.name as provider_name
        from offerings o join providers p on p.body_id = o.body_id and p.id = o.provider_id
        where o.body_id = ${bodyId} and o.id in ${offeringIds}`,
  );
  const bodyName = registry.body(bodyId)?.name ?? bodyId;
  return new Map(
    rows.map((o) => [
      o.id,
      { bodyId, bodyName, providerName: o.provider_name, title: o.title, type: o.type, approvalCode: o.approval_code },
    ]),
  );
}

/** What an attendance row (as read with raw SQL) prints on its confirmation. */
export const attendeeFacts = (row: { name: string; completed_on: string; hundredths: number; verification_code: string }) =>
  ({
    name: row.name,
    completedOn: row.completed_on,
    hundredths: row.hundredths,
    verificationCode: row.verification_code,
  }) satisfies AttendeeFacts;
