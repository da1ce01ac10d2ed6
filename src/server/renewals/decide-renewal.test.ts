import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { Database } from '../db/database';
import { credentials } from '../db/schema/credentials';
import { certifications } from '../db/schema/people';
import { invoiceCredits, invoices, renewals } from '../db/schema/renewals';
import { installBuiltinPolicies } from '../bodies/policy-store';
import { buildActivities, buildUser } from '../testing/factories';
import { openTestDatabase } from '../testing/test-database';
import { approveRenewal } from './approve-renewal';
import { decideRenewalItem } from './decide-renewal-item';
import { listRenewals } from './list-renewals';
import { returnRenewal } from './return-renewal';
import { submitRenewal } from './submit-renewal';
import { addEvidenceRow, at, markPaid, namssRenewer, registryOf } from './renewal-test-kit';
import { certificationOf, lockedOf, noticesOf, resultsOf } from './renewal-test-queries';

let database: Database;
let registry: PolicyRegistry;
let rita: string;
beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
  registry = await registryOf(database.db);
  rita = (await buildUser(database.db, { roles: [{ bodyId: 'namss', role: 'reviewer' }] })).id;
}, 60_000);
afterAll(() => database.close());

type Renewer = Awaited<ReturnType<typeof namssRenewer>>;
const submit = (who: Renewer, date: string) =>
  submitRenewal({
    db: database.db,
    registry,
    bodyId: 'namss',
    personId: who.personId,
    certificationId: who.certification.id,
    activityIds: who.activities.map((activity) => activity.id),
    ethicsAttested: false,
    actorUserId: who.user.id,
    now: at(date),
  });
const target = (who: Renewer, renewalId: string) => ({
  db: database.db,
  registry,
  bodyId: 'namss',
  personId: who.personId,
  renewalId,
  actorUserId: rita,
});
const decide = (who: Renewer, renewalId: string, activityId: string, decision: 'accepted' | 'rejected', date: string) =>
  decideRenewalItem({
    ...target(who, renewalId),
    activityId,
    decision,
    reason: decision === 'rejected' ? 'the certificate is for another person' : null,
    now: at(date),
  });

async function acceptEvery(who: Renewer, renewalId: string, date: string) {
  for (const activity of who.activities) {
    await addEvidenceRow(database.db, 'namss', who.personId, activity.id);
    await decide(who, renewalId, activity.id, 'accepted', date);
  }
}

describe('approving a renewal', () => {
  it('renews through the cycle end: the next cycle starts, active, and the person is told', async () => {
    const who = await namssRenewer(database.db);
    const renewal = await submit(who, '2022-10-03');
    // The draw depends on the certification's (random) id: when drawn, the audit is passed first.
    if (renewal.auditSelected) await acceptEvery(who, renewal.id, '2022-10-19');
    const approved = await approveRenewal({ ...target(who, renewal.id), now: at('2022-10-20') });
    expect(approved).toMatchObject({ state: 'approved', renewedThrough: '2022-12-01', decidedBy: rita });
    expect(await certificationOf(database.db, who.personId)).toMatchObject({
      renewedThrough: '2022-12-01',
      renewalSubmittedOn: null,
      extendedTo: null,
    });
    const latest = (await resultsOf(database.db, who.certification.id)).at(-1)!;
    expect(latest).toMatchObject({ cycleStart: '2022-12-02', cycleEnd: '2025-12-01', status: 'active' });
    expect((await noticesOf(database.db, who.personId)).map((notice) => notice.kind)).toContain('renewal-approved');
    // The next cycle's credential, valid from the approval, supersedes the one the submission found.
    const issued = await database.db
      .select()
      .from(credentials)
      .where(eq(credentials.certificationId, who.certification.id))
      .orderBy(asc(credentials.issuedAt));
    expect(
      issued.map(({ cycleStart, validFrom, validUntil, revocationReason, issueReason, issuedBy }) => ({
        cycleStart,
        validFrom,
        validUntil,
        revocationReason,
        issueReason,
        issuedBy,
      })),
    ).toEqual([
      {
        cycleStart: '2019-12-02',
        validFrom: '2019-12-02',
        validUntil: '2022-12-01',
        revocationReason: 'superseded',
        issueReason: 'award',
        issuedBy: who.user.id,
      },
      {
        cycleStart: '2022-12-02',
        validFrom: '2022-10-20',
        validUntil: '2025-12-01',
        revocationReason: null,
        issueReason: 'renewal',
        issuedBy: rita,
      },
    ]);
    expect(issued[0]!.supersededBy).toBe(issued[1]!.id);
    await expect(approveRenewal({ ...target(who, renewal.id), now: at('2022-10-21') })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('is refused while the certification is suspended', async () => {
    const who = await namssRenewer(database.db);
    const renewal = await submit(who, '2022-10-03');
    if (renewal.auditSelected) await acceptEvery(who, renewal.id, '2022-10-04');
    await database.db
      .update(certifications)
      .set({ hold: 'suspended' })
      .where(and(eq(certifications.bodyId, 'namss'), eq(certifications.id, who.certification.id)));
    await expect(approveRenewal({ ...target(who, renewal.id), now: at('2022-10-05') })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('suspended'),
    });
  });

  it('waits for payment, lists unpaid apart, and ages paid ones against the target', async () => {
    const who = await namssRenewer(database.db);
    const renewal = await submit(who, '2022-12-10');
    expect(renewal.phase).toBe('late');
    await expect(approveRenewal({ ...target(who, renewal.id), now: at('2022-12-11') })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('not paid'),
    });
    const before = await listRenewals({ db: database.db, registry, bodyId: 'namss', state: 'submitted', now: at('2023-01-20') });
    expect(before.awaitingPayment.map((entry) => entry.id)).toContain(renewal.id);
    expect(before.items.map((entry) => entry.id)).not.toContain(renewal.id);
    await markPaid(database.db, 'namss', renewal.invoiceId!, '2022-12-12');
    const after = await listRenewals({ db: database.db, registry, bodyId: 'namss', state: 'submitted', now: at('2023-01-20') });
    expect(after.items.find((entry) => entry.id === renewal.id)).toMatchObject({
      paidOn: '2022-12-12',
      daysSincePaid: 39,
      targetDays: 28,
      overdue: true,
    });
    const paidDates = after.items.map((entry) => entry.paidOn!);
    expect(paidDates).toEqual([...paidDates].sort());
  });
});

describe('an audited application', () => {
  it('needs evidence to accept, and is returned when rejected credit falls short', async () => {
    const who = await namssRenewer(database.db);
    const renewal = await submit(who, '2023-02-01');
    expect(renewal).toMatchObject({ phase: 'grace', auditSelected: true });
    const [approvedOne, otherOne] = who.activities.map((activity) => activity.id) as [string, string];
    await expect(decide(who, renewal.id, approvedOne, 'accepted', '2023-02-05')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('no evidence'),
    });
    await addEvidenceRow(database.db, 'namss', who.personId, approvedOne);
    const partly = await decide(who, renewal.id, approvedOne, 'accepted', '2023-02-05');
    expect(partly.state).toBe('submitted');
    const returned = await decide(who, renewal.id, otherOne, 'rejected', '2023-02-06');
    expect(returned.state).toBe('returned');
    expect(returned.decisionReasons).toEqual([
      expect.stringMatching(/^with the accepted evidence, .*14 more credits/),
      'evidence rejected for an activity: the certificate is for another person',
    ]);
    expect((await certificationOf(database.db, who.personId)).renewalSubmittedOn).toBeNull();
    expect(await lockedOf(database.db, 'namss', who.personId)).toEqual([]);
    expect((await noticesOf(database.db, who.personId)).map((notice) => notice.kind)).toEqual(
      expect.arrayContaining(['renewal-submitted', 'audit-selected', 'renewal-returned']),
    );
    expect((await resultsOf(database.db, who.certification.id)).at(-1)!.status).toBe('lapsed');
  });

  it('is approved once every item is accepted and paid; a resubmission in the same phase reuses the invoice', async () => {
    const who = await namssRenewer(database.db);
    const first = await submit(who, '2023-02-01');
    await returnRenewal({ ...target(who, first.id), reasons: ['upload your certificates first'], now: at('2023-02-02') });
    const second = await submit(who, '2023-02-03');
    expect(second.invoiceId).toBe(first.invoiceId);
    expect(second.auditDraw).toEqual(first.auditDraw);
    const raised = await database.db.select().from(invoices).where(eq(invoices.personId, who.personId));
    expect(raised).toHaveLength(1);
    await acceptEvery(who, second.id, '2023-02-10');
    await expect(approveRenewal({ ...target(who, second.id), now: at('2023-02-10') })).rejects.toMatchObject({
      message: expect.stringContaining('not paid'),
    });
    await markPaid(database.db, 'namss', second.invoiceId!, '2023-02-11');
    const approved = await approveRenewal({ ...target(who, second.id), now: at('2023-02-12') });
    expect(approved.state).toBe('approved');
    expect((await resultsOf(database.db, who.certification.id)).at(-1)).toMatchObject({
      cycleStart: '2022-12-02',
      status: 'active',
    });
  });

  it('charges a resubmission in a later phase only the difference', async () => {
    const who = await namssRenewer(database.db);
    const first = await submit(who, '2022-12-20');
    await markPaid(database.db, 'namss', first.invoiceId!, '2022-12-21');
    await returnRenewal({ ...target(who, first.id), reasons: ['the conference is not documented'], now: at('2023-01-05') });
    const second = await submit(who, '2023-01-10');
    expect(second.phase).toBe('grace');
    expect(second.invoiceId).not.toBe(first.invoiceId);
    const [extra] = await database.db.select().from(invoices).where(eq(invoices.id, second.invoiceId!));
    expect(extra!.lines).toEqual([
      { code: 'reinstatement', label: 'Reinstatement fee (lapsed, within the grace period)', cents: 10000 },
    ]);
  });
});

describe('what an audit and a resubmission settle', () => {
  it('approves an audited application whose accepted evidence still meets the requirements, one item rejected', async () => {
    const who = await namssRenewer(database.db);
    const [extra] = await buildActivities(database.db, [
      { bodyId: 'namss', personId: who.personId, type: 'webinar', startDate: '2021-09-01', hours: 3 },
    ]);
    const all = { ...who, activities: [...who.activities, extra!] };
    const renewal = await submit(all, '2023-02-01');
    expect(renewal.auditSelected).toBe(true);
    for (const activity of all.activities) await addEvidenceRow(database.db, 'namss', who.personId, activity.id);
    await decide(all, renewal.id, all.activities[0]!.id, 'accepted', '2023-02-05');
    await decide(all, renewal.id, all.activities[1]!.id, 'accepted', '2023-02-05');
    const open = await decide(all, renewal.id, extra!.id, 'rejected', '2023-02-06');
    expect(open.state).toBe('submitted');
    await markPaid(database.db, 'namss', renewal.invoiceId!, '2023-02-06');
    const approved = await approveRenewal({ ...target(all, renewal.id), now: at('2023-02-07') });
    expect(approved.state).toBe('approved');
  });

  it('refuses approval while an audited item is undecided', async () => {
    const who = await namssRenewer(database.db);
    const renewal = await submit(who, '2023-02-01');
    await markPaid(database.db, 'namss', renewal.invoiceId!, '2023-02-02');
    await expect(approveRenewal({ ...target(who, renewal.id), now: at('2023-02-03') })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('2 not decided'),
    });
  });

  it('credits a fee the resubmission no longer owes: returned late, resubmitted in grace, the cycle costs what grace costs', async () => {
    const who = await namssRenewer(database.db);
    const first = await submit(who, '2022-12-20');
    await markPaid(database.db, 'namss', first.invoiceId!, '2022-12-21');
    await returnRenewal({ ...target(who, first.id), reasons: ['the conference is not documented'], now: at('2023-01-05') });
    const second = await submit(who, '2023-01-10');
    const credits = await database.db.select().from(invoiceCredits).where(eq(invoiceCredits.invoiceId, first.invoiceId!));
    expect(credits.map((credit) => [credit.lineCode, credit.cents, credit.byUserId])).toEqual([['late', 5000, null]]);
    const [again] = await database.db.select().from(invoices).where(eq(invoices.id, second.invoiceId!));
    const [before] = await database.db.select().from(invoices).where(eq(invoices.id, first.invoiceId!));
    // A first submission in grace: the recertification fee (0 in the built-in policy) and the reinstatement fee.
    expect(before!.totalCents + again!.totalCents - 5000).toBe(10000);
    // Submitting once more in grace credits nothing twice.
    await returnRenewal({ ...target(who, second.id), reasons: ['again'], now: at('2023-01-12') });
    await submit(who, '2023-01-13');
    expect(await database.db.select().from(invoiceCredits).where(eq(invoiceCredits.invoiceId, first.invoiceId!))).toHaveLength(1);
  });
});

describe('returning', () => {
  it('needs the application open, and lets the person submit again', async () => {
    const who = await namssRenewer(database.db);
    const renewal = await submit(who, '2022-09-01');
    const returned = await returnRenewal({ ...target(who, renewal.id), reasons: ['sign the form'], now: at('2022-09-05') });
    expect(returned).toMatchObject({ state: 'returned', decisionReasons: ['sign the form'] });
    const [row] = await database.db
      .select()
      .from(certifications)
      .where(and(eq(certifications.bodyId, 'namss'), eq(certifications.id, who.certification.id)));
    expect(row!.renewalSubmittedOn).toBeNull();
    await expect(returnRenewal({ ...target(who, renewal.id), reasons: ['again'], now: at('2022-09-06') })).rejects.toMatchObject({
      code: 'conflict',
    });
    const again = await submit(who, '2022-09-07');
    expect(again.state).toBe('submitted');
    const all = await database.db.select().from(renewals).where(eq(renewals.personId, who.personId));
    expect(all.map((r) => r.state).sort()).toEqual(['returned', 'submitted']);
  });
});
