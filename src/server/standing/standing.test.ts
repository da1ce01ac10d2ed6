import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyStore } from '../bodies/policy-store';
import { certifications, cycleResults } from '../db/schema/people';
import { notifications } from '../db/schema/renewals';
import { auditLog } from '../db/schema/audit';
import { buildCertificant } from '../testing/factories';
import { seedCast, signInCast } from '../testing/namss-fixture';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { appealStanding } from './appeal-standing';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: Awaited<ReturnType<typeof signInCast<'alice' | 'ada'>>>;
let suspensionId: string;

const aliceUrl = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}`;
const lookUp = async (q: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/bodies/namss/good-standing?q=${encodeURIComponent(q)}` })).json().people[0]
    .certifications[0];

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  as = await signInCast(t, ['alice', 'ada'] as const);
}, 60_000);
afterAll(() => t.close());

describe('standing decisions', () => {
  it('need a reason and a certification the person holds', async () => {
    const blank = await t.app.inject({
      method: 'POST',
      url: `${aliceUrl()}/standing`,
      headers: as.ada,
      payload: { program: 'namss/cpcs', action: 'suspend', reason: '' },
    });
    expect(problemOf(blank).errors).toEqual([{ path: 'body.reason', message: 'a decision needs a reason' }]);
    const other = await t.app.inject({
      method: 'POST',
      url: `${aliceUrl()}/standing`,
      headers: as.ada,
      payload: { program: 'namss/cpmsm', action: 'suspend', reason: 'ethics' },
    });
    expect(problemOf(other).errors).toEqual([{ path: 'body.program', message: 'is not a certification this person holds' }]);
  });

  it('suspend: the public lookup shows the certification not in good standing, with an appeal date 30 days on', async () => {
    expect(await lookUp('Alice Adams')).toMatchObject({ inGoodStanding: true, status: 'renewal-open' });
    const response = await t.app.inject({
      method: 'POST',
      url: `${aliceUrl()}/standing`,
      headers: as.ada,
      payload: {
        program: 'namss/cpcs',
        action: 'suspend',
        reason: 'Ethics committee decision 2022-07 (misrepresented credentials)',
      },
    });
    expect(response.statusCode).toBe(201);
    suspensionId = response.json().id;
    expect(response.json()).toMatchObject({ action: 'suspend', decidedOn: '2022-10-01', appealBy: '2022-10-31', appeal: null });
    expect(await lookUp('Alice Adams')).toMatchObject({ inGoodStanding: false, status: 'suspended' });
    const db = t.database.db;
    const [held] = await db.select().from(certifications).where(eq(certifications.personId, cast.alice.person.id));
    expect(held!.hold).toBe('suspended');
    const [stored] = await db.select().from(cycleResults).where(eq(cycleResults.certificationId, held!.id));
    expect(stored!.status).toBe('suspended');
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, held!.id), eq(auditLog.action, 'standing.suspend')));
    expect(audit).toMatchObject({
      actorUserId: cast.ada.id,
      reason: 'Ethics committee decision 2022-07 (misrepresented credentials)',
    });
    const [notice] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.key, `standing-changed:${suspensionId}`));
    expect(notice!.body).toContain('You may appeal until 2022-10-31.');
    const again = await t.app.inject({
      method: 'POST',
      url: `${aliceUrl()}/standing`,
      headers: as.ada,
      payload: { program: 'namss/cpcs', action: 'suspend', reason: 'again' },
    });
    expect(problemOf(again).detail).toBe('the certification is already suspended');
  });

  it('an appeal on day 30 is accepted, once; on day 31 it is refused with the date it was due', async () => {
    const db = t.database.db;
    const registry = await new PolicyStore(db).current();
    const appeal = (personId: string, decisionId: string, now: Date) =>
      appealStanding({
        db,
        registry,
        bodyId: 'namss',
        personId,
        decisionId,
        text: 'The credential was correct.',
        actorUserId: cast.ada.id,
        now,
      });
    // Day 31 for another person suspended the same day.
    const carol = await buildCertificant(db, {
      bodyId: 'namss',
      legalName: 'Carol Late',
      holds: [{ programId: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: '2019-12-01' }],
    });
    const carolsDecision = await t.app.inject({
      method: 'POST',
      url: `/api/v1/bodies/namss/people/${carol.person.id}/standing`,
      headers: as.ada,
      payload: { program: 'namss/cpcs', action: 'withdraw', reason: 'Code of ethics breach' },
    });
    await expect(appeal(carol.person.id, carolsDecision.json().id, new Date('2022-11-01T15:00:00Z'))).rejects.toThrow(
      'the appeal was due by 2022-10-31',
    );
    const filed = await appeal(cast.alice.person.id, suspensionId, new Date('2022-10-31T15:00:00Z'));
    expect(filed.appealText).toBe('The credential was correct.');
    await expect(appeal(cast.alice.person.id, suspensionId, new Date('2022-10-31T16:00:00Z'))).rejects.toThrow(
      'this decision was already appealed',
    );
  });

  it('admins list pending appeals; overturned, the certification is restored and the decision is final', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/standing-appeals', headers: as.ada });
    expect(list.json().items).toMatchObject([{ person: { legalName: 'Alice Adams' }, decision: { id: suspensionId } }]);
    const decide = (payload: object) =>
      t.app.inject({ method: 'POST', url: `${aliceUrl()}/standing/${suspensionId}/appeal-decision`, headers: as.ada, payload });
    const overturned = await decide({ outcome: 'overturned', reason: 'The committee found the credential valid.' });
    expect(overturned.json().appeal).toMatchObject({
      outcome: 'overturned',
      reason: 'The committee found the credential valid.',
    });
    expect(await lookUp('Alice Adams')).toMatchObject({ inGoodStanding: true, status: 'renewal-open' });
    expect(problemOf(await decide({ outcome: 'upheld', reason: 'second thoughts' })).detail).toBe(
      'the appeal was already decided: overturned',
    );
    const mine = await t.app.inject({ method: 'GET', url: `${aliceUrl()}/standing`, headers: as.alice });
    expect(mine.json().decisions).toMatchObject([{ id: suspensionId, program: 'namss/cpcs', appeal: { outcome: 'overturned' } }]);
    const [notice] = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.key, `appeal-decided:${suspensionId}`));
    expect(notice!.title).toBe('CPCS: appeal overturned');
  });

  it('restore lifts a hold and cannot be appealed', async () => {
    const carol = (await t.app.inject({ method: 'GET', url: '/api/v1/bodies/namss/people?q=Carol', headers: as.ada })).json()
      .people[0];
    const restored = await t.app.inject({
      method: 'POST',
      url: `/api/v1/bodies/namss/people/${carol.id}/standing`,
      headers: as.ada,
      payload: { program: 'namss/cpcs', action: 'restore', reason: 'Reinstated by the board' },
    });
    expect(restored.json()).toMatchObject({ action: 'restore', appealBy: null });
    expect(await lookUp('Carol Late')).toMatchObject({ inGoodStanding: true });
  });
});
