import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyStore } from '../bodies/policy-store';
import { getProgress } from '../certificants/get-progress';
import { credentials } from '../db/schema/credentials';
import { cycleResults, certifications } from '../db/schema/people';
import { invoices, notifications } from '../db/schema/renewals';
import { tick } from '../scheduler/tick';
import { buildActivities, buildCertificant } from '../testing/factories';
import { seedCast, signInCast } from '../testing/namss-fixture';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { uploadCertificate } from './extension-fixture';
import { grantedExtension } from './load-extension';
import { requestExtension } from './request-extension';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: Awaited<ReturnType<typeof signInCast<'alice' | 'rita' | 'ada' | 'tess'>>>;
let eight: string, six: string, two: string, uncertified: string;
let extensionId: string;
let lateId: string;

const aliceUrl = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}`;
const request = (payload: object, headers = as.alice) =>
  t.app.inject({ method: 'POST', url: `${aliceUrl()}/extensions`, headers, payload });
const decide = (id: string, payload: object, headers = as.rita) =>
  t.app.inject({ method: 'POST', url: `/api/v1/bodies/namss/extensions/${id}/decision`, headers, payload });

/** A NAMSS CPCS holder in the 2019-12-02 to 2022-12-01 cycle with 16 credits on certificates. */
async function certifiedPerson(name: string) {
  const db = t.database.db;
  const built = await buildCertificant(db, {
    bodyId: 'namss',
    legalName: name,
    holds: [{ programId: 'namss/cpcs', awarded: '2016-03-01', renewedThrough: '2019-12-01' }],
  });
  const done = await buildActivities(db, [
    { bodyId: 'namss', personId: built.person.id, type: 'conference', startDate: '2021-05-01', hours: 10, approved: true },
    { bodyId: 'namss', personId: built.person.id, type: 'webinar', startDate: '2022-02-01', hours: 6, approved: true },
  ]);
  for (const row of done) await uploadCertificate(t, as.ada, 'namss', built.person.id, row.id);
  return { personId: built.person.id, activityIds: done.map((row) => row.id) };
}

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  as = await signInCast(t, ['alice', 'rita', 'ada', 'tess'] as const);
  const rows = await buildActivities(t.database.db, [
    { bodyId: 'namss', personId: cast.alice.person.id, type: 'conference', startDate: '2021-04-10', hours: 8, approved: true },
    { bodyId: 'namss', personId: cast.alice.person.id, type: 'webinar', startDate: '2021-09-01', hours: 6 },
    { bodyId: 'namss', personId: cast.alice.person.id, type: 'webinar', startDate: '2022-03-01', hours: 2 },
    { bodyId: 'namss', personId: cast.alice.person.id, type: 'webinar', startDate: '2022-04-01', hours: 3 },
  ]);
  [eight, six, two, uncertified] = rows.map((row) => row.id) as [string, string, string, string];
  for (const id of [eight, six, two]) await uploadCertificate(t, as.alice, 'namss', cast.alice.person.id, id);
}, 120_000);
afterAll(() => t.close());

describe('requesting an extension', () => {
  it('is refused where the program offers none (TechServe)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/bodies/techserve/people/${cast.tess.person.id}/extensions`,
      headers: as.tess,
      payload: { program: 'techserve/cpsr-1', activityIds: [cast.aliceActivity.id] },
    });
    expect(response.statusCode).toBe(409);
    expect(problemOf(response).detail).toBe('CPSR I: the program offers no extensions');
  });

  it('shows the terms: the cut-off, the share needed, the fee and which activities carry a certificate', async () => {
    const response = await t.app.inject({ method: 'GET', url: `${aliceUrl()}/extensions`, headers: as.alice });
    expect(response.statusCode).toBe(200);
    const [terms] = response.json().terms;
    expect(terms).toMatchObject({
      program: 'namss/cpcs',
      offered: true,
      open: true,
      due: '2022-12-01',
      requestBy: '2022-12-01T22:00:00.000Z',
      requestByText: 'December 1, 2022 at 17:00 (America/New_York)',
      newDue: '2023-06-01',
      requiredCredits: 30,
      neededCredits: 15,
      feeCents: 5000,
    });
    expect(
      terms.activities.filter((a: { hasCertificate: boolean }) => a.hasCertificate).map((a: { id: string }) => a.id),
    ).toEqual([eight, six, two]);
  });

  it('says how much more credit certificates must cover when short', async () => {
    const response = await request({ program: 'namss/cpcs', activityIds: [eight, six] });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([
      { path: 'body.activityIds', message: 'the certificates cover 14 credits; at least 15 are needed (1 more)' },
    ]);
  });

  it('refuses an activity without a certificate (a tracking table is not evidence), naming it', async () => {
    const response = await request({ program: 'namss/cpcs', activityIds: [eight, six, uncertified] });
    expect(problemOf(response).errors).toEqual([
      { path: 'body.activityIds[2]', message: '"webinar on 2022-04-01" has no certificate: upload it first' },
    ]);
  });

  it('records the request with its evidence, raises the fee and tells the person; one per cycle', async () => {
    const response = await request({ program: 'namss/cpcs', activityIds: [eight, six, two], note: 'surgery in November' });
    expect(response.statusCode).toBe(201);
    const extension = response.json();
    extensionId = extension.id;
    expect(extension).toMatchObject({
      state: 'requested',
      program: 'namss/cpcs',
      cycle: { start: '2019-12-02', end: '2022-12-01' },
      evidencedCredits: 16,
      neededCredits: 15,
      newDue: '2023-06-01',
      note: 'surgery in November',
      invoice: { totalCents: 5000, currency: 'USD', paidOn: null },
    });
    const notices = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.bodyId, 'namss'), eq(notifications.personId, cast.alice.person.id)));
    expect(notices.map((n) => n.kind)).toContain('extension-requested');
    expect(problemOf(await request({ program: 'namss/cpcs', activityIds: [eight, six, two] })).detail).toBe(
      'an extension for this cycle was already requested',
    );
  });

  it('closes at 17:00 New York time on December 1: 16:59 is accepted, 17:01 refused with the deadline', async () => {
    const registry = await new PolicyStore(t.database.db).current();
    const onTime = await certifiedPerson('Carol Early');
    const late = await certifiedPerson('Dave Late');
    lateId = late.personId;
    const ask = (person: typeof onTime, now: Date) =>
      requestExtension({
        db: t.database.db,
        registry,
        bodyId: 'namss',
        personId: person.personId,
        program: 'namss/cpcs',
        activityIds: person.activityIds,
        note: null,
        actorUserId: cast.ada.id,
        now,
      });
    expect((await ask(onTime, new Date('2022-12-01T21:59:00Z'))).state).toBe('requested');
    await expect(ask(late, new Date('2022-12-01T22:01:00Z'))).rejects.toThrow(
      'extensions had to be requested by December 1, 2022 at 17:00 (America/New_York); the renewal was due 2022-12-01',
    );
  });
});

describe('deciding an extension', () => {
  it('lists requests for staff with the credit evidenced and whether the fee is paid', async () => {
    const items = (await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/extensions', headers: as.rita })).json().items;
    expect(items.map((i: { person: { legalName: string } }) => i.person.legalName)).toEqual(['Alice Adams', 'Carol Early']);
    expect(items[0].extension).toMatchObject({ evidencedCredits: 16, neededCredits: 15, invoice: { paidOn: null } });
  });

  it('needs a reason to refuse, and the fee paid to grant', async () => {
    expect(problemOf(await decide(extensionId, { decision: 'refuse', reason: ' ' })).errors).toEqual([
      { path: 'body.reason', message: 'a refusal needs a reason' },
    ]);
    const unpaid = await decide(extensionId, { decision: 'grant' });
    expect(unpaid.statusCode).toBe(409);
    expect(problemOf(unpaid).detail).toMatch(
      /^the extension fee is not paid yet \(invoice NAMSS-2022-\d{6}\): grant it once it is paid$/,
    );
  });

  it('grants once paid: due June 1, and on December 15 the status is extended, not late', async () => {
    const listed = (await t.app.inject({ method: 'GET', url: `${aliceUrl()}/extensions`, headers: as.alice })).json();
    const paid = await t.app.inject({
      method: 'POST',
      url: `/api/v1/bodies/namss/invoices/${listed.extensions[0].invoice.id}/checks`,
      headers: as.ada,
      payload: { checkNumber: '1001', cents: 5000, writtenOn: '2022-10-01', payerKind: 'person', payerName: 'Alice Adams' },
    });
    expect(paid.statusCode).toBeLessThan(300);
    const granted = await decide(extensionId, { decision: 'grant', reason: 'certificates in order' });
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({
      state: 'granted',
      decisionReason: 'certificates in order',
      invoice: { paidOn: '2022-10-01' },
    });
    expect(problemOf(await decide(extensionId, { decision: 'refuse', reason: 'again' })).detail).toBe(
      'this extension was already granted',
    );

    const db = t.database.db;
    const [held] = await db
      .select()
      .from(certifications)
      .where(and(eq(certifications.bodyId, 'namss'), eq(certifications.personId, cast.alice.person.id)));
    expect(held!.extendedTo).toBe('2023-06-01');
    // The granted extension re-issues the credential: valid until the new due date, the earlier one superseded.
    const issued = await db.select().from(credentials).where(eq(credentials.certificationId, held!.id));
    expect(issued.filter((row) => !row.supersededBy)).toEqual([
      expect.objectContaining({ validUntil: '2023-06-01', issueReason: 'extension', revoked: false }),
    ]);
    expect(issued.filter((row) => row.supersededBy).map((row) => row.revocationReason)).toEqual(['superseded']);
    expect((await grantedExtension(db, 'namss', held!.id, '2019-12-02'))?.id).toBe(extensionId);
    expect(held!.extendedTo).toBe('2023-06-01');
    const registry = await new PolicyStore(db).current();
    await tick({ db, registry, now: new Date('2022-12-15T15:00:00Z'), asOf: '2022-12-15', bodyIds: ['namss'] });
    const [stored] = await db
      .select()
      .from(cycleResults)
      .where(and(eq(cycleResults.bodyId, 'namss'), eq(cycleResults.certificationId, held!.id)));
    expect(stored).toMatchObject({ status: 'extended', due: '2022-12-01', evaluatedOn: '2022-12-15' });
    const progress = await getProgress({
      db,
      registry,
      bodyId: 'namss',
      personId: cast.alice.person.id,
      now: new Date('2022-12-15T15:00:00Z'),
    });
    expect(progress.result.certifications[0]!.status).toBe('extended');
    // Without an extension the same day is late.
    const dave = await getProgress({
      db,
      registry,
      bodyId: 'namss',
      personId: lateId,
      now: new Date('2022-12-15T15:00:00Z'),
    });
    expect(dave.result.certifications[0]!.status).toBe('late');
    const notices = await db.select().from(notifications).where(eq(notifications.personId, cast.alice.person.id));
    expect(notices.find((n) => n.kind === 'extension-decided')?.body).toContain('now due 2023-06-01');
  });

  it('refuses with a reason, and nothing moves', async () => {
    const [carols] = (await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/extensions', headers: as.ada })).json()
      .items;
    const refused = await decide(carols.extension.id, { decision: 'refuse', reason: 'certificates unreadable' }, as.ada);
    expect(refused.json()).toMatchObject({ state: 'refused', decisionReason: 'certificates unreadable' });
    const [held] = await t.database.db.select().from(certifications).where(eq(certifications.personId, carols.person.id));
    expect(held!.extendedTo).toBeNull();
    // Its unpaid fee is not collected: credited in full.
    const invoice = (
      await t.app.inject({ method: 'GET', url: `/api/v1/bodies/namss/invoices/${carols.extension.invoice.id}`, headers: as.ada })
    ).json();
    expect(invoice).toMatchObject({
      balanceCents: 0,
      credits: [expect.objectContaining({ lineCode: 'extension', cents: 5000 })],
    });
  });

  it('is not granted while a renewal of the cycle awaits a decision', async () => {
    const erin = await certifiedPerson('Erin Waiting');
    const asked = await requestExtension({
      db: t.database.db,
      registry: await new PolicyStore(t.database.db).current(),
      bodyId: 'namss',
      personId: erin.personId,
      program: 'namss/cpcs',
      activityIds: erin.activityIds,
      note: null,
      actorUserId: cast.ada.id,
      now: new Date('2022-10-01T15:00:00Z'),
    });
    await t.database.db
      .update(certifications)
      .set({ renewalSubmittedOn: '2022-10-02' })
      .where(eq(certifications.personId, erin.personId));
    await t.database.db.update(invoices).set({ paidOn: '2022-10-01' }).where(eq(invoices.id, asked.invoiceId!));
    const refused = await decide(asked.id, { decision: 'grant' });
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused).detail).toContain('was submitted on 2022-10-02');
  });
});
