import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { decideAudit } from '../../core/renewals/audit-draw';
import type { Database } from '../db/database';
import { certifications } from '../db/schema/people';
import { invoices, renewalItems } from '../db/schema/renewals';
import { installBuiltinPolicies } from '../bodies/policy-store';
import { openTestDatabase } from '../testing/test-database';
import { getRenewalOptions } from './get-renewal-options';
import { submitRenewal } from './submit-renewal';
import { at, namssRenewer, registryOf, techserveRenewer } from './renewal-test-kit';
import { lockedOf, noticesOf, resultsOf } from './renewal-test-queries';

let database: Database;
let registry: PolicyRegistry;
beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinPolicies(database.db);
  registry = await registryOf(database.db);
}, 60_000);
afterAll(() => database.close());

type Renewer = Awaited<ReturnType<typeof namssRenewer>>;
const submit = (who: Renewer, date: string, extra: { activityIds?: string[]; ethicsAttested?: boolean } = {}) =>
  submitRenewal({
    db: database.db,
    registry,
    bodyId: who.certification.bodyId,
    personId: who.personId,
    certificationId: who.certification.id,
    activityIds: extra.activityIds ?? who.activities.map((activity) => activity.id),
    ethicsAttested: extra.ethicsAttested ?? false,
    actorUserId: who.user.id,
    now: at(date),
  });

describe('submitting a NAMSS renewal', () => {
  it('is refused on July 31 with the date it opens, and accepted on August 1', async () => {
    const who = await namssRenewer(database.db);
    await expect(submit(who, '2022-07-31')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('the renewal application opens on 2022-08-01'),
    });
    const renewal = await submit(who, '2022-08-01');
    expect(renewal).toMatchObject({
      state: 'submitted',
      phase: 'on-time',
      submittedOn: '2022-08-01',
      cycleStart: '2019-12-02',
      cycleEnd: '2022-12-01',
      ethicsAttestation: null,
    });
    expect(renewal.figures).toMatchObject({ earned: { total: 30, minimums: { approved: 16 } }, missing: [] });
    const items = await database.db.select().from(renewalItems).where(eq(renewalItems.renewalId, renewal.id));
    expect(items.map((item) => item.hundredths).sort()).toEqual([1400, 1600]);
    // NAMSS gives no recertification fee amount: the invoice is for nothing and paid at once.
    const [invoice] = await database.db.select().from(invoices).where(eq(invoices.id, renewal.invoiceId!));
    expect(invoice).toMatchObject({ subject: 'renewal', totalCents: 0, paidOn: '2022-08-01', onTimeThrough: '2022-12-01' });
    const [certification] = await database.db.select().from(certifications).where(eq(certifications.id, who.certification.id));
    expect(certification!.renewalSubmittedOn).toBe('2022-08-01');
    expect((await resultsOf(database.db, who.certification.id)).at(-1)!.status).toBe('in-review');
    expect((await lockedOf(database.db, 'namss', who.personId)).sort()).toEqual(who.activities.map((a) => a.id).sort());
    expect((await noticesOf(database.db, who.personId)).map((notice) => notice.kind)).toContain('renewal-submitted');
  });

  it('refuses a second application while one is open, and after approval', async () => {
    const who = await namssRenewer(database.db);
    await submit(who, '2022-09-01');
    await expect(submit(who, '2022-09-02')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('an application for this cycle was submitted on 2022-09-01 and awaits a decision'),
    });
  });

  it("refuses activities that do not meet the requirements, in the engine's words", async () => {
    const who = await namssRenewer(database.db);
    const onlyApproved = [who.activities[0]!.id];
    const refusal = await submit(who, '2022-09-01', { activityIds: onlyApproved }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'invalid-input' });
    const { issues } = refusal as { issues: { path: string; message: string }[] };
    expect(issues).toEqual([{ path: 'activityIds', message: expect.stringMatching(/14 more credits/) }]);
    const options = await getRenewalOptions({ ...ids(who), now: at('2022-09-01') });
    expect(options.refusals).toEqual([]);
    expect(options.activities.every((activity) => activity.selected)).toBe(true);
  });

  it('refuses after grace (expired) and charges the late and reinstatement fees in their phases', async () => {
    const late = await namssRenewer(database.db);
    const lateRenewal = await submit(late, '2022-12-15');
    expect(lateRenewal.phase).toBe('late');
    const [lateInvoice] = await database.db.select().from(invoices).where(eq(invoices.id, lateRenewal.invoiceId!));
    expect(lateInvoice!.lines.map((line) => [line.code, line.cents])).toEqual([
      ['recertification', 0],
      ['late', 5000],
    ]);
    expect(lateRenewal.auditDraw).toMatchObject({ rule: 'random' });

    const grace = await namssRenewer(database.db);
    const reinstatement = await submit(grace, '2023-02-01');
    expect(reinstatement).toMatchObject({ phase: 'grace', auditSelected: true, auditDraw: { rule: 'reinstatement' } });
    expect((await noticesOf(database.db, grace.personId)).map((notice) => notice.kind)).toContain('audit-selected');

    const expired = await namssRenewer(database.db);
    await expect(submit(expired, '2023-06-02')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('until 2023-06-01; it has expired'),
    });
  });

  it('records a reproducible audit draw anyone can recompute', async () => {
    const who = await namssRenewer(database.db);
    const renewal = await submit(who, '2022-10-01');
    const seed = renewal.auditDraw!.seed!;
    expect(seed).toMatch(new RegExp(`^namss:${who.certification.id}:2019-12-02:[A-Za-z0-9_-]{16}$`));
    const expected = decideAudit({
      bodyId: 'namss',
      certificationId: who.certification.id,
      cycleStart: '2019-12-02',
      share: 0.1,
      reinstatement: false,
      extendedAndAlwaysAudited: false,
      earlierSeed: seed,
      salt: 'unused',
    });
    expect(renewal.auditDraw).toEqual({ rule: 'random', seed, value: expected.value, share: 0.1 });
    expect(renewal.auditSelected).toBe(expected.selected);
  });

  it('always audits the renewal of an extended cycle', async () => {
    const who = await namssRenewer(database.db);
    await database.db
      .update(certifications)
      .set({ extendedTo: '2023-06-01' })
      .where(and(eq(certifications.bodyId, 'namss'), eq(certifications.id, who.certification.id)));
    const renewal = await submit(who, '2023-01-15');
    expect(renewal).toMatchObject({ phase: 'on-time', auditSelected: true, auditDraw: { rule: 'extension' } });
  });

  it('says NAMSS has no code of ethics to attest', async () => {
    const who = await namssRenewer(database.db);
    const options = await getRenewalOptions({ ...ids(who), now: at('2022-07-31') });
    expect(options).toMatchObject({
      ethics: null,
      ethicsNote: 'CPCS has no code of ethics to attest when renewing',
      quote: { accepted: false, reason: 'not-open' },
      window: { opens: '2022-08-01', due: '2022-12-01', lateUntil: '2022-12-31', graceUntil: '2023-06-01' },
      refusals: ['the renewal application opens on 2022-08-01'],
    });
  });
});

describe('submitting a TechServe renewal', () => {
  it('needs the code of ethics attested, shown in full', async () => {
    const who = await techserveRenewer(database.db);
    const options = await getRenewalOptions({ ...ids(who), now: at('2024-01-10') });
    expect(options.ethics!.title).toContain('Code of Ethics');
    expect(options.ethics!.tenets).toHaveLength(8);
    expect(options.automatic).toBe(true);
    await expect(submit(who, '2024-01-10')).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'ethicsAttested', message: expect.stringContaining('Code of Ethics') }],
    });
    const renewal = await submit(who, '2024-01-10', { ethicsAttested: true });
    expect(renewal.ethicsAttestation).toMatchObject({ tenets: options.ethics!.tenets });
  });

  it('refuses without the legal hours', async () => {
    const who = await techserveRenewer(database.db, { legalHours: 0 });
    await expect(submit(who, '2024-01-10', { ethicsAttested: true })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'activityIds', message: expect.stringContaining('legal') }],
    });
  });
});

function ids(who: Renewer) {
  return {
    db: database.db,
    registry,
    bodyId: who.certification.bodyId,
    personId: who.personId,
    certificationId: who.certification.id,
  };
}
