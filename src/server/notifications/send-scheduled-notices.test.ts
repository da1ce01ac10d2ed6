import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBuiltinPolicies, PolicyStore } from '../bodies/policy-store';
import type { Database } from '../db/database';
import { certifications } from '../db/schema/people';
import { notifications } from '../db/schema/renewals';
import { buildCertificant } from '../testing/factories';
import { openTestDatabase } from '../testing/test-database';
import { sendScheduledNotices } from './send-scheduled-notices';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
}, 60_000);
afterAll(() => database.close());

/** An unrenewed NAMSS CPCS certificant: cycle 2022-12-02..2025-12-01, due December 1, late to December 31, grace to June 1. */
async function unrenewed() {
  const { person } = await buildCertificant(database.db, {
    bodyId: 'namss',
    holds: [{ programId: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: '2022-12-01' }],
  });
  return person.id;
}
const run = async (asOf: string) =>
  sendScheduledNotices({ db: database.db, registry: await new PolicyStore(database.db).current(), bodyId: 'namss', asOf });
const inbox = async (personId: string) =>
  (
    await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.bodyId, 'namss'), eq(notifications.personId, personId)))
      .orderBy(asc(notifications.noticeOn))
  ).map((notice) => `${notice.kind} ${notice.noticeOn}`);
const setSubmittedOn = (personId: string, on: string | null) =>
  database.db
    .update(certifications)
    .set({ renewalSubmittedOn: on })
    .where(and(eq(certifications.bodyId, 'namss'), eq(certifications.personId, personId)));

describe('scheduled notices catching up', () => {
  it('tells of the lapse (mandatory at NAMSS) when a renewal in review over the lapse date is returned in grace', async () => {
    const personId = await unrenewed();
    await run('2025-12-10');
    expect(await inbox(personId)).toEqual(['late 2025-12-02']);
    // Submitted late on December 15 and in review through the lapse on January 1: no notices while staff decide.
    await setSubmittedOn(personId, '2025-12-15');
    for (const day of ['2025-12-31', '2026-01-01', '2026-03-01', '2026-05-10']) expect((await run(day)).notices).toBe(0);
    // Returned on May 10: on May 11 both the lapse and the grace period ending, each once.
    await setSubmittedOn(personId, null);
    expect(await run('2026-05-11')).toEqual({ notices: 2 });
    expect(await run('2026-05-12')).toEqual({ notices: 0 });
    expect(await inbox(personId)).toEqual(['late 2025-12-02', 'lapsed 2026-01-01', 'grace-ending 2026-05-02']);
  });

  it('after downtime from January 1 to May 2, sends the lapsed notice as well as the grace-ending one', async () => {
    const personId = await unrenewed();
    await run('2025-12-31');
    expect(await run('2026-05-02')).toEqual({ notices: 2 });
    expect(await inbox(personId)).toEqual(['late 2025-12-02', 'lapsed 2026-01-01', 'grace-ending 2026-05-02']);
  });
});
