import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURTESY_NOTE } from '../../core/notifications/plan-notices';
import { installBuiltinPolicies, PolicyStore } from '../bodies/policy-store';
import type { Database } from '../db/database';
import { cycleResults } from '../db/schema/people';
import { notifications } from '../db/schema/renewals';
import { buildCertificant } from '../testing/factories';
import { openTestDatabase } from '../testing/test-database';
import { tick } from './tick';

let database: Database;
const NOW = new Date('2026-11-23T12:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
}, 60_000);
afterAll(() => database.close());

/** An unrenewed NAMSS CPCS certificant whose cycle 2022-12-02..2025-12-01 is due on December 1, 2025. */
async function unrenewedCertificant() {
  const { person } = await buildCertificant(database.db, {
    bodyId: 'namss',
    holds: [{ programId: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: '2022-12-01' }],
  });
  const certification = await database.db.query.certifications.findFirst({
    where: (c, { and, eq }) => and(eq(c.bodyId, 'namss'), eq(c.personId, person.id)),
  });
  return { personId: person.id, certificationId: certification!.id };
}

const run = async (asOf: string) =>
  (
    await tick({ db: database.db, registry: await new PolicyStore(database.db).current(), now: NOW, asOf, bodyIds: ['namss'] })
  )[0]!;
const inbox = (personId: string) =>
  database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.bodyId, 'namss'), eq(notifications.personId, personId)))
    .orderBy(asc(notifications.noticeOn));
const statusOf = async (certificationId: string) =>
  (
    await database.db
      .select({ status: cycleResults.status })
      .from(cycleResults)
      .where(and(eq(cycleResults.bodyId, 'namss'), eq(cycleResults.certificationId, certificationId)))
  )[0]?.status;

describe('the tick through a NAMSS cycle nobody renews', () => {
  let person: { personId: string; certificationId: string };
  beforeAll(async () => {
    person = await unrenewedCertificant();
  });

  it.each([
    ['2025-07-31', 'active', null],
    ['2025-08-01', 'renewal-open', 'window-open'],
    ['2025-09-02', 'renewal-open', 'due-reminder:90'],
    ['2025-11-01', 'renewal-open', 'due-reminder:30'],
    ['2025-11-24', 'renewal-open', 'due-reminder:7'],
    ['2025-12-01', 'renewal-open', null],
    ['2025-12-02', 'late', 'late'],
    ['2026-01-01', 'lapsed', 'lapsed'],
    ['2026-05-02', 'lapsed', 'grace-ending'],
    ['2026-06-02', 'expired', 'expired'],
  ])('on %s the status is %s and the new notice %s', async (asOf, status, notice) => {
    const before = (await inbox(person.personId)).length;
    const result = await run(asOf);
    expect(await statusOf(person.certificationId)).toBe(status);
    const after = await inbox(person.personId);
    expect(result.notices).toBe(notice ? 1 : 0);
    expect(after).toHaveLength(before + (notice ? 1 : 0));
    if (notice) {
      const [kind, days] = notice.split(':');
      const newest = after.at(-1)!;
      expect(newest).toMatchObject({ kind, noticeOn: asOf, link: `/bodies/namss/people/${person.personId}` });
      expect(newest.key).toBe(`${kind}:${person.certificationId}:2022-12-02${days ? `:${days}` : ''}`);
      expect(newest.body).toContain(COURTESY_NOTE);
    }
  });

  it('writes nothing new when a date is run again, nor for a later date in the same phase', async () => {
    const before = await inbox(person.personId);
    expect((await run('2026-06-02')).notices).toBe(0);
    expect((await run('2025-11-24')).notices).toBe(0);
    expect((await run('2026-06-10')).notices).toBe(0);
    expect(await inbox(person.personId)).toEqual(before);
  });
});

describe('a tick catching up after downtime', () => {
  it('sends the latest notice of the phase the cycle is in, and a mandatory one it missed, never one per missed date', async () => {
    const { personId } = await unrenewedCertificant();
    await run('2025-07-31');
    expect(await inbox(personId)).toEqual([]);
    // Down from July 31 to November 26: the 7-day reminder only, not the window, 90 and 30 too.
    await run('2025-11-26');
    expect((await inbox(personId)).map((n) => [n.kind, n.noticeOn])).toEqual([['due-reminder', '2025-11-24']]);
    // Down again until May 10: the grace period is ending; the late period is over and is not reported, but
    // NAMSS makes the lapsed notice mandatory, so it is sent too (dated on the lapse).
    await run('2026-05-10');
    const afterGrace = [
      ['due-reminder', '2025-11-24'],
      ['lapsed', '2026-01-01'],
      ['grace-ending', '2026-05-02'],
    ];
    expect((await inbox(personId)).map((n) => [n.kind, n.noticeOn])).toEqual(afterGrace);
    // Long down: an expiry over a month old is not news.
    await run('2026-08-01');
    expect((await inbox(personId)).map((n) => [n.kind, n.noticeOn])).toEqual(afterGrace);
  });
});
