import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit';
import { offerings } from '../../db/schema/providers';
import { problemOf } from '../../testing/test-app';
import { applyThroughApi, mailsTo, OUTSIDERS, useApplicationSuite, type ApplicationCastMember } from './application-fixture';

const s = useApplicationSuite();
let prairieUrl: string;
let prairieId: string;
let wetlandsUrl: string;

beforeAll(async () => {
  ({ url: prairieUrl, id: prairieId } = await applyThroughApi(s.t, s.as.pat, { providerId: s.cast.prairie.provider.id }));
  ({ url: wetlandsUrl } = await applyThroughApi(s.t, s.as.oscar, {
    providerId: s.cast.other.provider.id,
    change: { title: 'Wetland plants', kind: 'webinar', virtual: true, city: null, region: null },
  }));
});

const get = (who: ApplicationCastMember, url: string) => s.t.app.inject({ method: 'GET', url, headers: s.as[who] });
const post = (who: ApplicationCastMember, url: string, payload: object) =>
  s.t.app.inject({ method: 'POST', url, headers: s.as[who], payload: payload as Record<string, unknown> });
const vote = (who: ApplicationCastMember, url: string, payload: object = { vote: 'approve', comment: 'Solid syllabus' }) =>
  s.t.app.inject({ method: 'PUT', url: `${url}/vote`, headers: s.as[who], payload: payload as Record<string, unknown> });

describe('the queue', () => {
  it.each([
    ['anonymous', 401],
    ['cecil', 403],
    ['pat', 403],
    ['nina', 404],
    ['otis', 404],
    ['rex', 200],
    ['cora', 200],
  ] as const)('the queue and the list of all applications as %s → %i', async (who, status) => {
    expect((await get(who, '/api/v1/bodies/ser/reviews/applications')).statusCode).toBe(status);
    expect((await get(who, '/api/v1/bodies/ser/applications')).statusCode).toBe(status);
  });

  it("lists every provider's submitted applications with days left", async () => {
    const { items } = (await get('rex', '/api/v1/bodies/ser/reviews/applications')).json();
    expect(items.map((item: { title: string }) => item.title).sort()).toEqual(['Prairie seed collection', 'Wetland plants']);
    expect(items[0]).toMatchObject({ status: 'submitted', decisionDue: '2022-11-12', daysLeft: 42, overdue: false, assigned: 0 });
  });
});

describe('the committee', () => {
  it.each([...OUTSIDERS, ['pat', 403]] as const)('assigning as %s is refused (%i)', async (who, status) => {
    expect((await post(who, `${prairieUrl}/reviewers`, { userIds: [s.cast.rex.id] })).statusCode).toBe(status);
  });

  it("refuses anyone but the body's reviewers and admins, naming each", async () => {
    const response = await post('cora', `${prairieUrl}/reviewers`, {
      userIds: [s.cast.rex.id, s.cast.cecil.user.id, s.cast.otis.id, s.cast.prairie.user!.id],
    });
    expect(problemOf(response).errors).toEqual([
      { path: 'body.userIds[1]', message: 'is not a reviewer or admin of this body' },
      { path: 'body.userIds[2]', message: 'is not a reviewer or admin of this body' },
      { path: 'body.userIds[3]', message: 'is not a reviewer or admin of this body' },
    ]);
  });

  it('assigns reviewers; assigning again changes nothing', async () => {
    await post('cora', `${prairieUrl}/reviewers`, { userIds: [s.cast.rex.id] });
    const response = await post('rex', `${prairieUrl}/reviewers`, { userIds: [s.cast.rex.id, s.cast.ruth.id] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().reviews.map((review: { name: string }) => review.name)).toEqual(['Rex Reviewer', 'Ruth Reviewer']);
  });

  it.each([...OUTSIDERS, ['pat', 403], ['cora', 403]] as const)(
    'a vote as %s (not assigned) is refused (%i)',
    async (who, status) => {
      expect((await vote(who, prairieUrl)).statusCode).toBe(status);
    },
  );

  it('records the votes of assigned members, shown to staff and not to the provider', async () => {
    expect(problemOf(await vote('rex', prairieUrl, { vote: 'maybe', comment: '' })).errors!.map((e) => e.path)).toEqual([
      'body.vote',
      'body.comment',
    ]);
    expect((await vote('rex', prairieUrl, { vote: 'more-information', comment: 'Which sites?' })).statusCode).toBe(200);
    const response = await vote('rex', prairieUrl);
    expect(response.json().reviews).toEqual([
      expect.objectContaining({ name: 'Rex Reviewer', vote: 'approve', comment: 'Solid syllabus' }),
      expect.objectContaining({ name: 'Ruth Reviewer', vote: null }),
    ]);
    expect((await get('pat', prairieUrl)).json().reviews).toEqual([]);
    const { items } = (await get('cora', '/api/v1/bodies/ser/reviews/applications')).json();
    expect(items.find((item: { id: string }) => item.id === prairieId)).toMatchObject({ assigned: 2, voted: 1 });
  });
});

describe('the decision', () => {
  it.each([...OUTSIDERS, ['pat', 403]] as const)('deciding as %s is refused (%i)', async (who, status) => {
    expect((await post(who, `${prairieUrl}/decision`, { outcome: 'reject', reasons: 'no' })).statusCode).toBe(status);
  });

  it('needs what each outcome needs, and categories of the body', async () => {
    const reject = await post('cora', `${prairieUrl}/decision`, { outcome: 'reject' });
    expect(problemOf(reject).errors).toEqual([{ path: 'body.reasons', message: expect.any(String) }]);
    const approve = await post('cora', `${prairieUrl}/decision`, { outcome: 'approve', hours: 10, categories: ['legal'] });
    expect(problemOf(approve).errors![0]!.path).toBe('body.categories[0]');
  });

  it('approves with the hours approved, issuing the offering, its code and validity, and tells the provider', async () => {
    const response = await post('cora', `${prairieUrl}/decision`, { outcome: 'approve', hours: 10, categories: [] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'approved',
      daysLeft: null,
      decision: { outcome: 'approve', hours: 10, by: s.cast.cora.id },
      offering: { approvalCode: 'SER-2022-0001', validFrom: '2022-11-14', validUntil: '2022-11-15' },
    });
    const [offering] = await s.t.database.db.select().from(offerings).where(eq(offerings.applicationId, prairieId));
    expect(offering).toMatchObject({ hundredths: 1000, type: 'workshop', city: 'Madison', dates: ['2022-11-14', '2022-11-15'] });
    const mails = await mailsTo(s.t, 'pat@example.org');
    expect(mails.at(-1)).toMatch(/Approval code: SER-2022-0001, valid from 2022-11-14 to 2022-11-15/);
  });

  it('logs every step of the application, with no person', async () => {
    const rows = await s.t.database.db
      .select({ action: auditLog.action, personId: auditLog.personId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'application'), eq(auditLog.entityId, prairieId)));
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'application.created',
        'application.file-added',
        'application.edited',
        'application.submitted',
        'application.reviewers-assigned',
        'application.voted',
        'application.approved',
      ]),
    );
    expect(rows.every((row) => row.personId === null)).toBe(true);
  });

  it('is final: no more votes, decisions or withdrawal (409)', async () => {
    expect((await vote('ruth', prairieUrl)).statusCode).toBe(409);
    expect((await post('cora', `${prairieUrl}/decision`, { outcome: 'reject', reasons: 'late' })).statusCode).toBe(409);
    expect((await post('pat', `${prairieUrl}/withdraw`, {})).statusCode).toBe(409);
  });

  it('rejects with reasons, and tells the provider', async () => {
    const response = await post('rex', `${wetlandsUrl}/decision`, { outcome: 'reject', reasons: 'Out of scope for CERP' });
    expect(response.json()).toMatchObject({ status: 'rejected', offering: null, decision: { reasons: 'Out of scope for CERP' } });
    expect((await mailsTo(s.t, 'oscar@example.org')).at(-1)).toMatch(/not approved, for these reasons:\s+Out of scope for CERP/);
  });

  it('approves with changes asked for, which the provider reads in the mail', async () => {
    const { url } = await applyThroughApi(s.t, s.as.pat, {
      providerId: s.cast.prairie.provider.id,
      change: { title: 'Seed storage' },
    });
    const response = await post('cora', `${url}/decision`, {
      outcome: 'approve-with-changes',
      hours: 12,
      categories: [],
      changesRequired: 'Add a session on seed-testing methods',
    });
    expect(response.json()).toMatchObject({ status: 'approved', offering: { approvalCode: 'SER-2022-0002' } });
    expect((await mailsTo(s.t, 'pat@example.org')).at(-1)).toMatch(/asks for these changes:\s+Add a session on seed-testing/);
  });
});
