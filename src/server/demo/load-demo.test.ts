import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBuiltinPolicies, PolicyStore } from '../bodies/policy-store';
import { activities, evidenceFiles } from '../db/schema/activities';
import { credentials } from '../db/schema/credentials';
import { people } from '../db/schema/people';
import { presentCredential } from '../credentials/present-credential';
import { applications, attendance, offerings, providers } from '../db/schema/providers';
import { LocalFileStorage } from '../files/file-storage';
import { createMailer } from '../mail/mailer';
import { overdueConfirmations } from '../providers/attendance/attendance-overview';
import { ceCalendar } from '../providers/ce-calendar';
import { findDuplicates } from '../certificants/find-duplicates';
import { getProgress } from '../certificants/get-progress';
import type { Database } from '../db/database';
import { memberships, userEmails } from '../db/schema/accounts';
import { openTestDatabase } from '../testing/test-database';
import { listRenewals } from '../renewals/list-renewals';
import { DEMO_RECERTIFICATION_FEE } from './renewal-demo';
import type { DemoServices, DemoSignIn } from './demo-sign-in';
import { loadDemoOnce } from './load-demo';

const NOW = new Date('2026-11-23T15:00:00Z');
let database: Database;
let signIns: DemoSignIn[];
let folder: string;
let services: DemoServices;

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
  folder = await mkdtemp(join(tmpdir(), 'recert-demo-'));
  services = {
    files: new LocalFileStorage(join(folder, 'files')),
    mailer: createMailer({ from: 'recert@example.org', outboxDir: join(folder, 'outbox') }),
  };
  signIns = await loadDemoOnce(database.db, NOW, services);
}, 60_000);
afterAll(async () => {
  await database.close();
  await rm(folder, { recursive: true, force: true });
});

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

  it('has a withdrawn offering, withdrawn by the termination staff recorded and told the provider of', async () => {
    const [withdrawn] = await database.db
      .select({ code: offerings.approvalCode, status: providers.status })
      .from(offerings)
      .innerJoin(providers, and(eq(providers.bodyId, offerings.bodyId), eq(providers.id, offerings.providerId)))
      .where(isNotNull(offerings.withdrawnAt));
    expect(withdrawn).toEqual({ code: 'SER-DEMO-0006', status: 'terminated' });
    expect(await readdir(join(folder, 'outbox'))).toHaveLength(2);
  });

  it('has a reported roster: matched attendees with the approved credit and its confirmation, one unmatched, all issued', async () => {
    const rows = await database.db
      .select({ name: attendance.name, personId: attendance.personId, issued: attendance.confirmationIssuedAt })
      .from(attendance)
      .innerJoin(offerings, and(eq(offerings.bodyId, attendance.bodyId), eq(offerings.id, attendance.offeringId)))
      .where(eq(offerings.approvalCode, 'NAMSS-DEMO-0002'));
    expect(rows.map((r) => [r.name, r.personId !== null]).sort()).toEqual([
      ['Dana Whitfield', true],
      ['Lee Ramirez', true],
      ['Robin Castillo', false],
    ]);
    expect(rows.every((r) => r.issued !== null)).toBe(true);
    const credited = await database.db
      .select({ who: people.legalName, approved: activities.approved, evidence: evidenceFiles.filename })
      .from(activities)
      .innerJoin(people, and(eq(people.bodyId, activities.bodyId), eq(people.id, activities.personId)))
      .innerJoin(evidenceFiles, and(eq(evidenceFiles.bodyId, activities.bodyId), eq(evidenceFiles.activityId, activities.id)))
      .where(eq(activities.approvalCode, 'NAMSS-DEMO-0002'))
      .orderBy(people.legalName);
    expect(credited).toEqual([
      { who: 'Dana Whitfield', approved: true, evidence: expect.stringMatching(/\.pdf$/) },
      { who: 'Lee Ramirez', approved: true, evidence: expect.stringMatching(/\.pdf$/) },
    ]);
  });

  it('shows staff an offering past its window for confirmations with no roster', async () => {
    const registry = await new PolicyStore(database.db).current();
    const overdue = await overdueConfirmations(database.db, registry, 'ser', NOW);
    expect(overdue.offerings).toContainEqual(
      expect.objectContaining({ approvalCode: 'SER-DEMO-0004', rosterReported: false, lacking: 0 }),
    );
    const namss = await overdueConfirmations(database.db, registry, 'namss', NOW);
    expect(namss.offerings.map((o) => o.approvalCode)).not.toContain('NAMSS-DEMO-0002');
  });

  it("has renewal applications in every state, made on the season's dates", async () => {
    const statusOf = async (slug: string) => (await progressOf(`${slug}@namss.demo`))[0]!;
    // Renewed in August: the next cycle, active.
    expect(await statusOf('casey')).toMatchObject({ status: 'active', cycle: { end: '2029-12-01' } });
    expect(await statusOf('jamie')).toMatchObject({ status: 'in-review' });
    expect(await statusOf('robin')).toMatchObject({ status: 'in-review' });
    // Returned: the person may submit again.
    expect(await statusOf('quinn')).toMatchObject({ status: 'renewal-open' });
    expect(await statusOf('avery')).toMatchObject({ status: 'in-review', deadlines: { extendedDue: '2027-06-01' } });
    expect(await statusOf('drew')).toMatchObject({ status: 'suspended' });
    const registry = await new PolicyStore(database.db).current();
    expect(registry.require('namss/cpcs').fees.recertification).toEqual(DEMO_RECERTIFICATION_FEE);
    const queue = await listRenewals({ db: database.db, registry, bodyId: 'namss', state: 'submitted', now: NOW });
    expect(queue.items.map((item) => [item.person.legalName, item.auditSelected, item.paidOn !== null])).toEqual(
      expect.arrayContaining([
        ['Jamie Fox', expect.any(Boolean), true],
        ['Avery Stone', true, true],
      ]),
    );
    expect(queue.awaitingPayment.map((item) => item.person.legalName)).toContain('Robin Hale');
  });

  it.each(['2027-03-10T15:00:00Z', '2027-07-15T15:00:00Z', '2027-08-02T15:00:00Z'])(
    'loads in any season (%s)',
    async (when) => {
      const other = await openTestDatabase();
      const otherFolder = await mkdtemp(join(tmpdir(), 'recert-demo-'));
      try {
        await installBuiltinPolicies(other.db);
        const loaded = await loadDemoOnce(other.db, new Date(when), {
          files: new LocalFileStorage(join(otherFolder, 'files')),
          mailer: createMailer({ from: 'recert@example.org', outboxDir: join(otherFolder, 'outbox') }),
        });
        expect(loaded.map((s) => s.email)).toContain('avery@namss.demo');
      } finally {
        await other.close();
        await rm(otherFolder, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('has credentials in each state: active, superseded by a renewal, suspended, revoked after expiry', async () => {
    const registry = await new PolicyStore(database.db).current();
    const stateOf = async (email: string) => {
      const [row] = await database.db
        .select({ bodyId: memberships.bodyId, personId: memberships.personId })
        .from(userEmails)
        .innerJoin(memberships, eq(memberships.userId, userEmails.userId))
        .where(eq(userEmails.email, email));
      const rows = await database.db
        .select()
        .from(credentials)
        .where(and(eq(credentials.bodyId, row!.bodyId), eq(credentials.personId, row!.personId!)))
        .orderBy(asc(credentials.issuedAt));
      return rows.map((credential) => {
        const view = presentCredential(credential, registry, 'http://demo', '2026-11-23');
        return `${view.designation} ${view.state}${view.reason ? ` (${view.reason})` : ''}`;
      });
    };
    expect(await stateOf('lee@namss.demo')).toEqual(['CPCS active', 'CPMSM active']);
    expect(await stateOf('dana@namss.demo')).toEqual(['CPCS superseded (superseded)', 'CPCS active']);
    expect(await stateOf('drew@namss.demo')).toEqual(['CPCS suspended (suspended)']);
    expect(await stateOf('riley@techserve.demo')).toEqual(['CPSR I revoked (expired)']);
  });

  it('loads once: a second start adds nothing', async () => {
    const [before] = await database.db.select({ n: count() }).from(userEmails);
    const again = await loadDemoOnce(database.db, NOW, services);
    const [after] = await database.db.select({ n: count() }).from(userEmails);
    expect(again).toEqual(signIns);
    expect(after!.n).toBe(before!.n);
  });
});
