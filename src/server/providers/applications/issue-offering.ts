import { and, eq, sql } from 'drizzle-orm';
import { addYears, formatDate, requireDate } from '../../../core/dates/calendar-date';
import type { Body } from '../../../core/policies/body-schema';
import type { Tx } from '../../db/database';
import { offerings } from '../../db/schema/providers';
import type { ApplicationContent } from './content-schema';
import type { ApplicationRow } from './load-application';

export type OfferingRow = typeof offerings.$inferSelect;

/** Two decisions at once may pick the same number; the unique code constraint refuses the later one, which tries the next. */
const ATTEMPTS = 50;

function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; cause && typeof cause === 'object'; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** The highest number given this year under the prefix, e.g. 41 for SER-2026-0041. */
async function lastNumber(tx: Tx, bodyId: string, prefix: string): Promise<number> {
  const [row] = await tx
    // The prefix is letters and digits, so the number is the third part of PREFIX-YEAR-NUMBER.
    .select({ last: sql<number | null>`max(split_part(${offerings.approvalCode}, '-', 3)::int)` })
    .from(offerings)
    .where(and(eq(offerings.bodyId, bodyId), sql`${offerings.approvalCode} ~ ${`^${prefix}[0-9]+$`}`));
  return Number(row?.last ?? 0);
}

/**
 * The offering an approval creates, with the next approval code of the body
 * and year (`SER-2026-0042`). A single offering is valid from its first to
 * its last planned date; a recurring course that asked for it, from its
 * first date for the body's recurring period.
 */
export async function issueOffering(
  tx: Tx,
  options: { body: Body; application: ApplicationRow; hours: number; categories: string[]; today: string; now: Date },
): Promise<OfferingRow> {
  const { body, application, hours, categories, today, now } = options;
  const content = application.content as ApplicationContent;
  const dates = [...content.dates].sort();
  const recurring = content.kind === 'recurring-course' && content.recurringApproval;
  const validFrom = dates[0]!;
  const validUntil = recurring
    ? formatDate(addYears(requireDate(validFrom), body.providers.recurringApprovalYears) - 1)
    : dates[dates.length - 1]!;
  const prefix = `${body.providers.approvalCodePrefix}-${today.slice(0, 4)}-`;
  for (let attempt = 1; ; attempt++) {
    const approvalCode = `${prefix}${String((await lastNumber(tx, body.id, prefix)) + 1).padStart(4, '0')}`;
    try {
      // A savepoint: a refused code undoes only this insert, not the decision around it.
      return await tx.transaction(async (savepoint) => {
        const [row] = await savepoint
          .insert(offerings)
          .values({
            bodyId: body.id,
            applicationId: application.id,
            providerId: application.providerId,
            title: content.title,
            description: content.description,
            type: content.kind,
            virtual: content.virtual,
            city: content.virtual ? null : (content.city ?? null),
            region: content.virtual ? null : (content.region ?? null),
            dates,
            hundredths: Math.round(hours * 100),
            categories,
            registrationContact: content.registrationContact,
            registrationUrl: content.registrationUrl ?? null,
            approvalCode,
            recurring,
            validFrom,
            validUntil,
            createdAt: now,
          })
          .returning();
        return row!;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}
