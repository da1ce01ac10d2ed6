import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { Database } from '../db/database';
import { certifications } from '../db/schema/people';
import { renewalItems, renewals } from '../db/schema/renewals';
import { installBuiltinPolicies } from '../bodies/policy-store';
import { buildUser } from '../testing/factories';
import { openTestDatabase } from '../testing/test-database';
import { listRenewals } from './list-renewals';
import { renewAutomatically } from './renew-automatically';
import { returnRenewal } from './return-renewal';
import { at, namssRenewer, registryOf, techserveRenewer } from './renewal-test-kit';
import { certificationOf, noticesOf, resultsOf } from './renewal-test-queries';

let database: Database;
let registry: PolicyRegistry;
let met: Awaited<ReturnType<typeof techserveRenewer>>;
let short: Awaited<ReturnType<typeof techserveRenewer>>;
let namss: Awaited<ReturnType<typeof namssRenewer>>;
beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
  registry = await registryOf(database.db);
  met = await techserveRenewer(database.db);
  short = await techserveRenewer(database.db, { legalHours: 0 });
  namss = await namssRenewer(database.db);
}, 60_000);
afterAll(() => database.close());

const run = (asOf: string) => renewAutomatically({ db: database.db, registry, bodyId: 'techserve', asOf, now: at(asOf) });

describe('automatic renewal of a program without a window (TechServe)', () => {
  it('renews at the cycle end when met, once, whatever the date it runs again', async () => {
    expect(await run('2024-03-30')).toEqual({ renewed: 0 });
    expect((await certificationOf(database.db, met.personId)).renewedThrough).toBeNull();

    expect(await run('2024-03-31')).toEqual({ renewed: 1 });
    expect(await certificationOf(database.db, met.personId)).toMatchObject({ renewedThrough: '2024-03-31' });
    expect(await certificationOf(database.db, short.personId)).toMatchObject({ renewedThrough: null });
    const [renewal] = await database.db.select().from(renewals).where(eq(renewals.personId, met.personId));
    expect(renewal).toMatchObject({
      automatic: true,
      state: 'approved',
      decidedBy: null,
      submittedOn: '2024-03-31',
      cycleStart: '2021-04-01',
      cycleEnd: '2024-03-31',
      renewedThrough: '2024-03-31',
      invoiceId: null,
    });
    const items = await database.db.select().from(renewalItems).where(eq(renewalItems.renewalId, renewal!.id));
    expect(items.reduce((sum, item) => sum + item.hundredths, 0)).toBe(2400);
    expect((await resultsOf(database.db, met.certification.id)).at(-1)).toMatchObject({
      cycleStart: '2024-04-01',
      status: 'active',
    });
    expect((await noticesOf(database.db, met.personId)).map((notice) => notice.kind)).toEqual(['renewal-approved']);

    expect(await run('2024-03-31')).toEqual({ renewed: 0 });
    expect(await run('2024-09-01')).toEqual({ renewed: 0 });
    expect(await database.db.select().from(renewals).where(eq(renewals.personId, met.personId))).toHaveLength(1);
    // NAMSS has a window: never renewed by itself.
    expect(await renewAutomatically({ db: database.db, registry, bodyId: 'namss', asOf: '2023-01-01' })).toEqual({ renewed: 0 });
    expect((await certificationOf(database.db, namss.personId)).renewedThrough).toBe('2019-12-01');
  });

  it('is listed for staff, who may return it: the renewal is undone and not made again', async () => {
    const listed = await listRenewals({
      db: database.db,
      registry,
      bodyId: 'techserve',
      state: 'approved',
      automatic: true,
      now: at('2024-04-02'),
    });
    const entry = listed.items.find((item) => item.person.id === met.personId)!;
    expect(entry).toMatchObject({ automatic: true, paidOn: '2024-03-31', overdue: false });
    const otto = await buildUser(database.db, { roles: [{ bodyId: 'techserve', role: 'admin' }] });
    const undo = {
      db: database.db,
      registry,
      bodyId: 'techserve',
      personId: met.personId,
      renewalId: entry.id,
      reasons: ['the legal session was not on employment law'],
      actorUserId: otto.id,
      now: at('2024-04-02'),
    };
    // Not while an application for the next cycle awaits a decision: it would be left in the wrong cycle.
    await database.db
      .update(certifications)
      .set({ renewalSubmittedOn: '2024-04-01' })
      .where(eq(certifications.personId, met.personId));
    await expect(returnRenewal(undo)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('2024-04-01') });
    await database.db.update(certifications).set({ renewalSubmittedOn: null }).where(eq(certifications.personId, met.personId));
    const returned = await returnRenewal({
      db: database.db,
      registry,
      bodyId: 'techserve',
      personId: met.personId,
      renewalId: entry.id,
      reasons: ['the legal session was not on employment law'],
      actorUserId: otto.id,
      now: at('2024-04-02'),
    });
    expect(returned).toMatchObject({ state: 'returned', renewedThrough: null });
    expect((await certificationOf(database.db, met.personId)).renewedThrough).toBeNull();
    expect(await run('2024-04-03')).toEqual({ renewed: 0 });
    expect((await certificationOf(database.db, met.personId)).renewedThrough).toBeNull();
  });

  it('replays a date far ahead cycle after cycle while each is met', async () => {
    const ahead = await techserveRenewer(database.db);
    expect(await run('2030-01-01')).toEqual({ renewed: 1 });
    // The second cycle (2024-04-01 to 2027-03-31) has no activities: it is not met, so it stops there.
    expect((await certificationOf(database.db, ahead.personId)).renewedThrough).toBe('2024-03-31');
  });
});
