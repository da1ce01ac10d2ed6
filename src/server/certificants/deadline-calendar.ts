import { and, eq } from 'drizzle-orm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { randomBytes } from 'node:crypto';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { Db, DbOrTx } from '../db/database';
import { people } from '../db/schema/people';
import { getProgress } from './get-progress';

/** The person's feed secret, made on first request; `rotate` replaces it (the old URL stops working). */
export async function calendarToken(db: DbOrTx, bodyId: string, personId: string, rotate: boolean): Promise<string> {
  const [row] = await db
    .select({ token: people.calendarToken })
    .from(people)
    .where(and(eq(people.bodyId, bodyId), eq(people.id, personId)));
  if (!row) throw new RecertError('not-found', 'not found');
  if (row.token && !rotate) return row.token;
  const token = randomBytes(24).toString('base64url');
  await db
    .update(people)
    .set({ calendarToken: token })
    .where(and(eq(people.bodyId, bodyId), eq(people.id, personId)));
  return token;
}

/** Every deadline of every certification the person holds, as all-day events. */
export async function deadlineCalendar(options: {
  db: Db;
  registry: PolicyRegistry;
  bodyId: string;
  token: string;
  now: Date;
}): Promise<string> {
  const { db, registry, bodyId, token, now } = options;
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.bodyId, bodyId), eq(people.calendarToken, token)));
  if (!row) throw new RecertError('not-found', 'not found');
  const progress = await getProgress({ db, registry, bodyId, personId: row.id, now });
  const bodyName = registry.body(bodyId)?.name ?? bodyId;
  const calendar = ical({
    name: `${progress.person.legalName}: certification deadlines (${bodyName})`,
    description: 'Deadlines computed by Recert. A courtesy: meeting every deadline remains the certificant’s responsibility.',
    prodId: { company: 'Recert', product: 'deadlines', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60 * 12,
  });
  for (const certification of progress.result.certifications) {
    const d = certification.deadlines;
    const events: [string | null, string][] = [
      [d.opens, 'renewal application opens'],
      [d.extensionRequestBy, 'last day to request an extension'],
      [d.due, 'renewal due'],
      [d.lateUntil, 'last day to renew with the late fee'],
      [d.graceUntil, 'end of the grace period (reinstatement)'],
    ];
    for (const [date, what] of events) {
      if (!date) continue;
      calendar.createEvent({
        id: `${certification.program}-${certification.cycle.start}-${what.replace(/\W+/g, '-')}@${bodyId}.recert`,
        start: new Date(`${date}T00:00:00Z`),
        allDay: true,
        summary: `${certification.designation}: ${what}`,
        description: certification.compliant
          ? `Requirements met for the cycle ${certification.cycle.start} to ${certification.cycle.end}.`
          : `Still needed: ${certification.missing.join('; ')}.`,
      });
    }
  }
  return calendar.toString();
}
