import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifications } from '../db/schema/people';
import { buildActivities } from '../testing/factories';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { seedCast, signInCast, type CastHeaders } from '../testing/namss-fixture';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: CastHeaders<'alice' | 'rita'>;
let activityIds: string[];
let certificationId: string;

// The smallest valid PNG: 1x1 pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  // 2022-10-01: NAMSS's window is open.
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  as = await signInCast(t, ['alice', 'rita'] as const);
  const personId = cast.alice.person.id;
  const done = await buildActivities(t.database.db, [
    { bodyId: 'namss', personId, type: 'webinar', startDate: '2021-03-01', hours: 16, approved: true },
    { bodyId: 'namss', personId, type: 'conference', startDate: '2021-05-01', hours: 12.5 },
  ]);
  activityIds = [cast.aliceActivity.id, ...done.map((activity) => activity.id)];
  // An extension was granted for this cycle (another part of the product writes it): the renewal is always audited.
  const [row] = await t.database.db
    .update(certifications)
    .set({ extendedTo: '2023-06-01' })
    .where(and(eq(certifications.bodyId, 'namss'), eq(certifications.personId, personId)))
    .returning();
  certificationId = row!.id;
}, 60_000);
afterAll(() => t.close());

const alice = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}`;

function upload(activityId: string) {
  const boundary = '----recert-renewal-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="certificate.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `${alice()}/activities/${activityId}/evidence`,
    payload,
    headers: { ...as.alice, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe('an audited renewal over HTTP', () => {
  it('is submitted, evidenced after locking, each item accepted, and approved', async () => {
    const options = await t.app.inject({
      method: 'GET',
      url: `${alice()}/certifications/${certificationId}/renewal`,
      headers: as.alice,
    });
    expect(options.statusCode, options.body).toBe(200);
    expect(options.json()).toMatchObject({
      refusals: [],
      quote: { accepted: true, phase: 'on-time' },
      window: { extendedTo: '2023-06-01' },
    });
    expect(
      options
        .json()
        .activities.map((activity: { id: string }) => activity.id)
        .sort(),
    ).toEqual([...activityIds].sort());

    const submitted = await t.app.inject({
      method: 'POST',
      url: `${alice()}/certifications/${certificationId}/renewal`,
      headers: as.alice,
      payload: { activityIds },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const renewal = submitted.json();
    expect(renewal).toMatchObject({ auditSelected: true, auditDraw: { rule: 'extension' }, paid: true });
    const url = `${alice()}/renewals/${renewal.id}`;

    const early = await t.app.inject({ method: 'POST', url: `${url}/approve`, headers: as.rita });
    expect(problemOf(early)).toMatchObject({ status: 409, detail: expect.stringContaining('audited') });
    const unproven = await t.app.inject({
      method: 'POST',
      url: `${url}/items/${activityIds[0]}/decision`,
      headers: as.rita,
      payload: { decision: 'accepted' },
    });
    expect(problemOf(unproven).detail).toContain('no evidence');

    for (const activityId of activityIds) {
      const uploaded = await upload(activityId);
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const decided = await t.app.inject({
        method: 'POST',
        url: `${url}/items/${activityId}/decision`,
        headers: as.rita,
        payload: { decision: 'accepted' },
      });
      expect(decided.statusCode, decided.body).toBe(200);
    }
    const read = (await t.app.inject({ method: 'GET', url, headers: as.rita })).json();
    expect(
      read.items.every(
        (item: { decision: string; evidence: unknown[] }) => item.decision === 'accepted' && item.evidence.length === 1,
      ),
    ).toBe(true);

    const approved = await t.app.inject({ method: 'POST', url: `${url}/approve`, headers: as.rita });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', renewedThrough: '2022-12-01' });
    const progress = (await t.app.inject({ method: 'GET', url: `${alice()}/progress`, headers: as.alice })).json();
    expect(progress.certifications[0]).toMatchObject({ cycle: { start: '2022-12-02' }, status: 'active' });
  });

  it('refuses a rejection without a reason', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${alice()}/renewals/${crypto.randomUUID()}/items/${activityIds[0]}/decision`,
      headers: as.rita,
      payload: { decision: 'rejected' },
    });
    expect(problemOf(response)).toMatchObject({ status: 400, errors: [{ path: expect.stringContaining('reason') }] });
  });
});
