import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import type { InvoiceLine } from '../db/schema/renewals';
import { raiseInvoice } from './raise-invoice';

export const RECERTIFICATION: InvoiceLine = { code: 'recertification', label: 'Recertification fee (member)', cents: 25_000 };
export const LATE: InvoiceLine = { code: 'late', label: 'Late fee (after Dec 1, 2022)', cents: 5_000 };
export const REINSTATEMENT: InvoiceLine = {
  code: 'reinstatement',
  label: 'Reinstatement fee (lapsed, within the grace period)',
  cents: 10_000,
};

/** A renewal invoice as the submission raises it (the subject is any id here); a late one by default, due December 1, 2022. */
export async function raiseTestInvoice(
  db: Db,
  options: { bodyId?: string; personId: string; lines?: InvoiceLine[]; onTimeThrough?: string | null; issuedOn?: string },
) {
  return db.transaction((tx) =>
    raiseInvoice(tx, {
      bodyId: options.bodyId ?? 'namss',
      personId: options.personId,
      subject: 'renewal',
      subjectId: randomUUID(),
      currency: 'USD',
      lines: options.lines ?? [RECERTIFICATION, LATE],
      issuedOn: options.issuedOn ?? '2022-12-05',
      onTimeThrough: options.onTimeThrough === undefined ? '2022-12-01' : options.onTimeThrough,
      actorUserId: null,
    }),
  );
}

/** A card the local provider accepts, and the ones it declines. */
export const GOOD_CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvc: '123', holderName: 'Alice Adams' };
export const DECLINED_CARD = { ...GOOD_CARD, number: '4000 0000 0000 0002' };
export const NO_FUNDS_CARD = { ...GOOD_CARD, number: '4000000000009995' };
