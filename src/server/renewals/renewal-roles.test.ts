import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { buildActivities } from '../testing/factories';
import { createTestApp, type TestApp } from '../testing/test-app';
import { seedCast, signInCast, type CastHeaders, type CastMember } from '../testing/namss-fixture';
import { decideRenewalItem } from './decide-renewal-item';
import { submitRenewal } from './submit-renewal';
import { addEvidenceRow, at, namssRenewer, registryOf } from './renewal-test-kit';
import { certificationOf } from './renewal-test-queries';

type Actor = 'anonymous' | CastMember;

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let headers: CastHeaders<CastMember>;
let registry: PolicyRegistry;
let aliceCertificationId: string;
let aliceRenewalId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  cast = await seedCast(db);
  headers = await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto', 'tess'] as const);
  registry = await registryOf(db);
  const personId = cast.alice.person.id;
  const done = await buildActivities(db, [
    { bodyId: 'namss', personId, type: 'webinar', startDate: '2021-03-01', hours: 16, approved: true },
    { bodyId: 'namss', personId, type: 'conference', startDate: '2021-05-01', hours: 14 },
  ]);
  aliceCertificationId = (await certificationOf(db, personId)).id;
  const renewal = await submitRenewal({
    db,
    registry,
    bodyId: 'namss',
    personId,
    certificationId: aliceCertificationId,
    activityIds: done.map((activity) => activity.id),
    ethicsAttested: false,
    actorUserId: cast.alice.user.id,
    now: at('2022-09-15'),
  });
  aliceRenewalId = renewal.id;
}, 60_000);
afterAll(() => t.close());

/** A new NAMSS certificant's application (someone none of the cast is), submitted on `date`; audited ones get evidence. */
async function freshApplication(date: string, evidence: boolean) {
  const db = t.database.db;
  const who = await namssRenewer(db);
  const renewal = await submitRenewal({
    db,
    registry,
    bodyId: 'namss',
    personId: who.personId,
    certificationId: who.certification.id,
    activityIds: who.activities.map((activity) => activity.id),
    ethicsAttested: false,
    actorUserId: who.user.id,
    now: at(date),
  });
  if (evidence || renewal.auditSelected) {
    for (const activity of who.activities) await addEvidenceRow(db, 'namss', who.personId, activity.id);
  }
  if (renewal.auditSelected && !evidence) {
    for (const activity of who.activities) {
      await decideRenewalItem({
        db,
        registry,
        bodyId: 'namss',
        personId: who.personId,
        renewalId: renewal.id,
        activityId: activity.id,
        decision: 'accepted',
        reason: null,
        actorUserId: cast.ada.id,
        now: at(date),
      });
    }
  }
  return { who, renewal, url: `/api/v1/bodies/namss/people/${who.personId}/renewals/${renewal.id}` };
}

type Request = { method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> };
const alice = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}`;
const staffOnly = { anonymous: 401, alice: 404, bob: 404, rita: 200, ada: 200, otto: 404, tess: 404 };

/**
 * Every renewal endpoint, every role, and another body's users. Alice's
 * applications: she and NAMSS staff see them; Bob and TechServe users get 404.
 * Decisions are staff's, never on their own application; each allowed actor
 * decides a fresh application so that every answer is the decision's own.
 */
const matrix: { name: string; request: () => Promise<Request> | Request; expected: Partial<Record<Actor, number>> }[] = [
  {
    name: "list Alice's certifications for renewal",
    request: () => ({ method: 'GET', url: `${alice()}/renewals` }),
    expected: { anonymous: 401, alice: 200, bob: 404, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: "read what renewing means for Alice's certification",
    request: () => ({ method: 'GET', url: `${alice()}/certifications/${aliceCertificationId}/renewal` }),
    expected: { anonymous: 401, alice: 200, bob: 404, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    // Alice's cycle already has an open application: whoever may submit is refused with 409.
    name: "submit Alice's renewal",
    request: () => ({
      method: 'POST',
      url: `${alice()}/certifications/${aliceCertificationId}/renewal`,
      payload: { activityIds: [] },
    }),
    expected: { anonymous: 401, alice: 409, bob: 404, rita: 403, ada: 409, otto: 404, tess: 404 },
  },
  {
    name: "read Alice's application",
    request: () => ({ method: 'GET', url: `${alice()}/renewals/${aliceRenewalId}` }),
    expected: { anonymous: 401, alice: 200, bob: 404, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: "approve Alice's own application (she is no staff)",
    request: () => ({ method: 'POST', url: `${alice()}/renewals/${aliceRenewalId}/approve` }),
    expected: { anonymous: 401, alice: 403, bob: 404, otto: 404, tess: 404 },
  },
  {
    name: "decide an audited application's evidence",
    request: async () => {
      const { who, url } = await freshApplication('2023-02-01', true);
      return { method: 'POST', url: `${url}/items/${who.activities[0]!.id}/decision`, payload: { decision: 'accepted' } };
    },
    expected: staffOnly,
  },
  {
    name: 'approve an application',
    request: async () => ({ method: 'POST', url: `${(await freshApplication('2022-10-01', false)).url}/approve` }),
    expected: staffOnly,
  },
  {
    name: 'return an application',
    request: async () => ({
      method: 'POST',
      url: `${(await freshApplication('2022-10-01', false)).url}/return`,
      payload: { reasons: ['the conference certificate is missing'] },
    }),
    expected: staffOnly,
  },
  {
    name: "NAMSS's renewal queue",
    request: () => ({ method: 'GET', url: '/api/v1/bodies/namss/renewals?state=submitted' }),
    expected: { anonymous: 401, alice: 403, bob: 403, rita: 200, ada: 200, otto: 404, tess: 404 },
  },
  {
    name: "TechServe's automatic renewals",
    request: () => ({ method: 'GET', url: '/api/v1/bodies/techserve/renewals?state=approved&automatic=true' }),
    expected: { anonymous: 401, alice: 404, bob: 404, rita: 404, ada: 404, otto: 200, tess: 403 },
  },
];

describe('renewal roles', () => {
  for (const row of matrix) {
    for (const [actor, status] of Object.entries(row.expected) as [Actor, number][]) {
      it(`${row.name}: ${actor} → ${status}`, async () => {
        const response = await t.app.inject({ ...(await row.request()), headers: headers[actor] });
        expect(response.statusCode, response.body).toBe(status);
      });
    }
  }

  it("answers with the application as staff see it, and the queue with Alice's", async () => {
    const queue = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/renewals', headers: headers.rita });
    const entry = queue.json().items.find((item: { id: string }) => item.id === aliceRenewalId);
    expect(entry).toMatchObject({ person: { id: cast.alice.person.id }, designation: 'CPCS', paidOn: '2022-09-15' });
    const mine = await t.app.inject({ method: 'GET', url: `${alice()}/renewals`, headers: headers.alice });
    expect(mine.json().certifications).toEqual([
      expect.objectContaining({
        certificationId: aliceCertificationId,
        status: 'in-review',
        latest: expect.objectContaining({ id: aliceRenewalId }),
      }),
    ]);
    const read = await t.app.inject({ method: 'GET', url: `${alice()}/renewals/${aliceRenewalId}`, headers: headers.alice });
    expect(read.json()).toMatchObject({ state: 'submitted', paid: true, items: [{ credits: 16 }, { credits: 14 }] });
  });
});
