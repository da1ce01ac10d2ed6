import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/audit';
import { buildUser } from '../testing/factories';
import { problemOf } from '../testing/test-app';
import {
  applyThroughApi,
  mailsTo,
  OUTSIDERS,
  useApplicationSuite,
  type ApplicationCastMember,
} from './applications/application-fixture';

/** Committees of applications and appeals: members are told when assigned, and taken off only before they vote. */
const s = useApplicationSuite();

const call = (who: ApplicationCastMember, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  s.t.app.inject({ method, url, headers: s.as[who], payload: payload as Record<string, unknown> | undefined });

/** A message's text as read: folded headers unfolded, quoted-printable soft breaks and escapes undone. */
const readable = (mail: string) =>
  mail
    .replace(/\r?\n /g, ' ')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const mailTo = async (address: string) => (await mailsTo(s.t, address)).map(readable);

const actionsOn = async (entityId: string) =>
  (
    await s.t.database.db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.bodyId, 'ser'), eq(auditLog.entityId, entityId)))
      .orderBy(auditLog.at)
  ).map((row) => ({ ...row, at: undefined }));

describe("an application's committee", () => {
  let url: string;
  let id: string;
  beforeAll(async () => {
    ({ url, id } = await applyThroughApi(s.t, s.as.pat, { providerId: s.cast.prairie.provider.id }));
  });

  it('e-mails each member when assigned, once: assigning again sends nothing', async () => {
    const assigned = await call('cora', 'POST', `${url}/reviewers`, { userIds: [s.cast.rex.id, s.cast.ruth.id] });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const [toRex] = await mailTo('rex@example.org');
    expect(toRex).toContain('Rex Reviewer,');
    expect(toRex).toContain(
      'You were assigned to the committee reviewing "Prairie seed collection", an application for pre-approval from Prairie Restoration Institute.',
    );
    expect(toRex).toContain('The decision is due by 2022-11-12.');
    expect(await mailsTo(s.t, 'ruth@example.org')).toHaveLength(1);
    await call('cora', 'POST', `${url}/reviewers`, { userIds: [s.cast.rex.id] });
    expect(await mailsTo(s.t, 'rex@example.org')).toHaveLength(1);
  });

  it.each([...OUTSIDERS, ['pat', 403]] as const)('taking a member off as %s is refused (%i)', async (who, status) => {
    expect((await call(who, 'DELETE', `${url}/reviewers/${s.cast.ruth.id}`)).statusCode).toBe(status);
  });

  it('refuses to take off a member who voted, saying why, and takes off one who has not, logged', async () => {
    expect((await call('rex', 'PUT', `${url}/vote`, { vote: 'approve', comment: 'Fine.' })).statusCode).toBe(200);
    const voted = await call('cora', 'DELETE', `${url}/reviewers/${s.cast.rex.id}`);
    expect(voted.statusCode).toBe(409);
    expect(problemOf(voted).detail).toMatch(/^this member voted "approve" on 2022-10-01: the vote is part of the record/);

    const removed = await call('rex', 'DELETE', `${url}/reviewers/${s.cast.ruth.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().reviews.map((review: { name: string }) => review.name)).toEqual(['Rex Reviewer']);
    expect(await actionsOn(id)).toContainEqual(
      expect.objectContaining({
        action: 'application.reviewer-removed',
        actor: s.cast.rex.id,
        before: expect.objectContaining({ reviewerUserId: s.cast.ruth.id, assignedBy: s.cast.cora.id }),
      }),
    );
    expect((await call('cora', 'DELETE', `${url}/reviewers/${s.cast.ruth.id}`)).statusCode).toBe(404);
    expect((await call('cora', 'DELETE', `${url}/reviewers/not-a-user`)).statusCode).toBe(400);
  });

  it('keeps the committee as it was once the application is decided', async () => {
    await call('cora', 'POST', `${url}/reviewers`, { userIds: [s.cast.ruth.id] });
    const decided = await call('cora', 'POST', `${url}/decision`, { outcome: 'reject', reasons: 'Not CE.' });
    expect(decided.statusCode, decided.body).toBe(200);
    const refused = await call('cora', 'DELETE', `${url}/reviewers/${s.cast.ruth.id}`);
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused).detail).toBe('this application cannot have its committee changed: it was rejected');
  });
});

describe("an appeal's committee", () => {
  let appeal: string;
  let appealId: string;
  let vera: Awaited<ReturnType<typeof buildUser>>;
  beforeAll(async () => {
    const providerId = s.cast.other.provider.id;
    vera = await buildUser(s.t.database.db, {
      email: 'vera@example.org',
      displayName: 'Vera Reviewer',
      roles: [{ bodyId: 'ser', role: 'reviewer' }],
    });
    const notice = await call('cora', 'POST', `/api/v1/bodies/ser/providers/${providerId}/notices`, {
      kind: 'termination',
      text: 'Rosters listed people who were not there.',
    });
    const filed = await call('oscar', 'POST', `/api/v1/bodies/ser/providers/${providerId}/appeals`, {
      noticeId: notice.json().id,
      grounds: 'Every attendee signed in; the sheets are attached.',
    });
    appealId = filed.json().id;
    appeal = `/api/v1/bodies/ser/appeals/${appealId}`;
  });

  it('e-mails each member named to the committee', async () => {
    const named = await call('cora', 'PUT', `${appeal}/committee`, { userIds: [s.cast.cora.id, s.cast.rex.id, s.cast.ruth.id] });
    expect(named.statusCode, named.body).toBe(200);
    for (const address of ['cora@example.org', 'rex@example.org', 'ruth@example.org']) {
      const mail = (await mailTo(address)).at(-1)!;
      expect(mail).toContain('Subject: Society for Ecological Restoration: please decide the appeal of Wetlands Academy\n');
      expect(mail).toContain('for the appeal Wetlands Academy filed on 2022-10-01 against the termination of its approvals.');
    }
  });

  const outsiders = OUTSIDERS.filter(([who]) => who !== 'oscar');
  it.each([...outsiders, ['pat', 404], ['oscar', 403], ['rex', 403]] as const)(
    'replacing a member as %s is refused (%i)',
    async (who, status) => {
      const response = await call(who, 'PUT', `${appeal}/committee/${s.cast.ruth.id}`, { userId: vera.id });
      expect(response.statusCode).toBe(status);
    },
  );

  it('replaces a member who has not voted with another reviewer, tells the new member, and the majority still decides', async () => {
    expect((await call('rex', 'POST', `${appeal}/votes`, { vote: 'uphold' })).statusCode).toBe(200);
    const voted = await call('cora', 'PUT', `${appeal}/committee/${s.cast.rex.id}`, { userId: vera.id });
    expect(voted.statusCode).toBe(409);
    expect(problemOf(voted).detail).toMatch(/^this member voted "uphold" on 2022-10-01: the vote is part of the record/);
    const member = await call('cora', 'PUT', `${appeal}/committee/${s.cast.ruth.id}`, { userId: s.cast.rex.id });
    expect(problemOf(member).errors).toEqual([{ path: 'body.userId', message: 'is on the committee already' }]);
    const outsider = await call('cora', 'PUT', `${appeal}/committee/${s.cast.ruth.id}`, { userId: s.cast.cecil.user.id });
    expect(problemOf(outsider).errors).toEqual([{ path: 'body.userId', message: 'is not a reviewer or admin of this body' }]);
    expect((await call('cora', 'PUT', `${appeal}/committee/${vera.id}`, { userId: vera.id })).statusCode).toBe(404);

    const replaced = await call('cora', 'PUT', `${appeal}/committee/${s.cast.ruth.id}`, { userId: vera.id });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(
      replaced
        .json()
        .votes.map((v: { memberUserId: string }) => v.memberUserId)
        .sort(),
    ).toEqual([s.cast.cora.id, s.cast.rex.id, vera.id].sort());
    expect((await mailTo('vera@example.org'))[0]).toContain('Vera Reviewer,');
    expect(await actionsOn(appealId)).toContainEqual(
      expect.objectContaining({
        action: 'appeal.member-replaced',
        before: { member: s.cast.ruth.id },
        after: { member: vera.id },
      }),
    );
    expect((await call('ruth', 'POST', `${appeal}/votes`, { vote: 'overturn' })).statusCode).toBe(403);
    const decided = await s.t.app.inject({
      method: 'POST',
      url: `${appeal}/votes`,
      headers: await s.t.signIn('vera@example.org'),
      payload: { vote: 'uphold' },
    });
    expect(decided.json()).toMatchObject({ status: 'upheld' });
    expect((await call('cora', 'PUT', `${appeal}/committee/${s.cast.cora.id}`, { userId: s.cast.ruth.id })).statusCode).toBe(409);
  });
});
