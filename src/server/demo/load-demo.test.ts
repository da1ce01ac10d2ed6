import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBuiltinPolicies, PolicyStore } from '../bodies/policy-store';
import { applications, providers } from '../db/schema/providers';
import { ceCalendar } from '../providers/ce-calendar';
import { findDuplicates } from '../certificants/find-duplicates';
import { getProgress } from '../certificants/get-progress';
import type { Database } from '../db/database';
import { memberships, userEmails } from '../db/schema/accounts';
import { openTestDatabase } from '../testing/test-database';
import { loadDemoOnce, type DemoSignIn } from './load-demo';

const NOW = new Date('2026-11-23T15:00:00Z');
let database: Database;
let signIns: DemoSignIn[];

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
  signIns = await loadDemoOnce(database.db, NOW);
}, 60_000);
afterAll(() => database.close());

async function progressOf(email: string) {
  const [row] = await database.db
    .select({ bodyId: memberships.bodyId, personId: memberships.personId })
    .from(userEmails)
    .innerJoin(memberships, eq(memberships.userId, userEmails.userId))
    .where(eq(userEmails.email, email));
  const registry = await new PolicyStore(database.db).current();
  return (await getProgress({ db: database.db, registry, bodyId: row!.bodyId, personId: row!.personId!, now: NOW })).result
    .certifications;
}

describe('demo data', () => {
  it('has staff for every body and certificants in the states their labels promise', async () => {
    expect(signIns.filter((s) => s.role === 'admin').map((s) => s.body)).toEqual(['namss', 'techserve', 'ser']);
    const [dana] = await progressOf('dana@namss.demo');
    expect(dana).toMatchObject({ status: 'renewal-open', compliant: true });
    const [sam] = await progressOf('sam@namss.demo');
    expect(sam).toMatchObject({ status: 'renewal-open', compliant: false });
    const lee = await progressOf('lee@namss.demo');
    expect(lee.map((c) => c.required.total)).toEqual([30, 30]);
    expect(lee.every((c) => c.status === 'active' && c.pace.onTrack)).toBe(true);
    const [pat] = await progressOf('pat@namss.demo');
    expect(pat).toMatchObject({ status: 'active', pace: { onTrack: false } });
    const [jordan] = await progressOf('jordan@techserve.demo');
    expect(jordan!.status).toBe('active');
    expect(jordan!.missing.some((m) => m.includes('legal'))).toBe(true);
    const morgan = await progressOf('morgan@techserve.demo');
    expect(morgan.every((c) => c.sharedWith.length === 1 && c.pace.onTrack)).toBe(true);
    const [riley] = await progressOf('riley@techserve.demo');
    expect(riley!.status).toBe('expired');
    const [alex] = await progressOf('alex@ser.demo');
    expect(alex!.pace.onTrack).toBe(true);
  });

  it('includes a likely duplicate for admins to merge', async () => {
    const pairs = await findDuplicates(database.db, 'namss');
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.reasons).toEqual([{ kind: 'shared-email', email: 'sam@namss.demo' }]);
  });

  it('has providers in every standing and offerings on the public calendar', async () => {
    const standing = await database.db.select({ name: providers.name, status: providers.status }).from(providers);
    expect(new Set(standing.map((p) => p.status))).toEqual(new Set(['active', 'warned', 'terminated']));
    const listings = await ceCalendar({
      db: database.db,
      bodyId: 'ser',
      bodyName: 'SER',
      today: '2026-11-23',
      query: { limit: 50 },
    });
    expect(listings.map((l) => l.approvalCode).sort()).toEqual([
      'SER-DEMO-0001',
      'SER-DEMO-0002',
      'SER-DEMO-0003',
      'SER-DEMO-0005',
    ]);
    const states = await database.db.select({ status: applications.status }).from(applications);
    expect(new Set(states.map((a) => a.status))).toEqual(
      new Set(['draft', 'submitted', 'info-requested', 'rejected', 'approved']),
    );
    expect(signIns.filter((s) => s.role.startsWith('provider')).map((s) => s.email)).toContain('wetlands@ser.demo');
  });

  it('loads once: a second start adds nothing', async () => {
    const [before] = await database.db.select({ n: count() }).from(userEmails);
    const again = await loadDemoOnce(database.db, NOW);
    const [after] = await database.db.select({ n: count() }).from(userEmails);
    expect(again).toEqual(signIns);
    expect(after!.n).toBe(before!.n);
  });
});
