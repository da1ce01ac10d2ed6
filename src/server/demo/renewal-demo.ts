import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { addYears, formatDate, parseDate, type DayNumber } from '../../core/dates/calendar-date';
import { namssPolicies } from '../../core/policies/builtin/namss';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { addEvidence } from '../activities/evidence';
import { LocalCardProvider } from '../billing/local-card-provider';
import { payByCard } from '../billing/pay-by-card';
import { recordCheckPayment } from '../billing/record-check-payment';
import { PolicyStore } from '../bodies/policy-store';
import { publishPolicyVersion } from '../bodies/publish-policy-version';
import type { Db } from '../db/database';
import { memberships, userEmails } from '../db/schema/accounts';
import { activities } from '../db/schema/activities';
import { attendance } from '../db/schema/providers';
import { certifications } from '../db/schema/people';
import { decideExtension } from '../extensions/decide-extension';
import { requestExtension } from '../extensions/request-extension';
import { approveRenewal } from '../renewals/approve-renewal';
import { decideRenewalItem } from '../renewals/decide-renewal-item';
import { returnRenewal } from '../renewals/return-renewal';
import { submitRenewal } from '../renewals/submit-renewal';
import { appealStanding } from '../standing/appeal-standing';
import { decideStanding } from '../standing/decide-standing';
import { buildActivities, buildCertificant } from '../testing/factories';
import type { DemoServices, DemoSignIn } from './demo-sign-in';
import { certificatePdf } from './demo-documents';

/** The fee the demo's NAMSS admin set: seed 003 gives no amount, so a body configures its own. */
export const DEMO_RECERTIFICATION_FEE = { member: 32500, nonMember: 42500 };
const DEMO_CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };

/**
 * NAMSS renewal applications in every state, made through the product's own
 * use cases on the dates they would have happened: in the renewal season
 * whose window opened most recently (August 1), each step on a day of that
 * season up to today. Whatever the date the demo is loaded, the states are
 * those a body would have by then.
 */
export async function seedRenewalDemo(db: Db, today: DayNumber, password: string, services: DemoServices): Promise<DemoSignIn[]> {
  const signIns: DemoSignIn[] = [];
  const year = Number(formatDate(today).slice(0, 4));
  const opensThisYear = parseDate(`${year}-08-01`)!;
  const season = today >= opensThisYear ? year : year - 1;
  const opens = parseDate(`${season}-08-01`)!;
  const due = parseDate(`${season}-12-01`)!;
  const lastCycleEnd = formatDate(addYears(due, -3));
  /** Noon in New York on the season's day `k` (August 1 is day 0), never after today. */
  const onDay = (k: number) => new Date(`${formatDate(Math.min(today, opens + k))}T16:00:00Z`);

  const admin = await userIdOf(db, 'admin@namss.demo');
  const reviewer = await userIdOf(db, 'reviewer@namss.demo');
  const store = new PolicyStore(db);
  for (const policy of namssPolicies) {
    await publishPolicyVersion({
      db,
      store,
      bodyId: 'namss',
      programId: String(policy.id),
      document: { ...policy, fees: { ...policy.fees, recertification: DEMO_RECERTIFICATION_FEE } },
      reason: 'Demo: the recertification fee this body set (seed 003 gives no amount)',
      actorUserId: admin,
    });
  }
  const registry: PolicyRegistry = await store.current();
  const cards = new LocalCardProvider(() => onDay(0));

  /** A CPCS holder renewed through the last cycle, with 32 credits (16 approved) earned before the window opened. */
  const holder = async (slug: string, who: string, member: boolean, note: string) => {
    const { person, user } = await buildCertificant(db, {
      bodyId: 'namss',
      legalName: who,
      email: `${slug}@namss.demo`,
      password,
      member,
      holds: [{ programId: 'namss/cpcs', awarded: formatDate(addYears(due, -6) - 90), renewedThrough: lastCycleEnd }],
      city: 'Springfield',
      region: 'IL',
    });
    const cycleStart = addYears(due, -3) + 1;
    const activities = await buildActivities(
      db,
      Array.from({ length: 8 }, (_, i) => ({
        bodyId: 'namss',
        personId: person.id,
        type: ['webinar', 'conference', 'online-course', 'virtual-course'][i % 4]!,
        title: `${['Credentialing', 'Bylaws', 'Privileging', 'Accreditation'][i % 4]} update ${i + 1}`,
        startDate: formatDate(cycleStart + Math.floor(((opens - 10 - cycleStart) * (i + 0.5)) / 8)),
        hours: 4,
        approved: i % 2 === 0,
      })),
    );
    const [certification] = await db
      .select({ id: certifications.id })
      .from(certifications)
      .where(and(eq(certifications.bodyId, 'namss'), eq(certifications.personId, person.id)));
    signIns.push({ email: `${slug}@namss.demo`, role: `certificant: ${note}`, body: 'namss', who });
    return { personId: person.id, userId: user.id, certificationId: certification!.id, activityIds: activities.map((a) => a.id) };
  };
  const submit = (h: Awaited<ReturnType<typeof holder>>, day: number) =>
    submitRenewal({
      db,
      registry,
      bodyId: 'namss',
      personId: h.personId,
      certificationId: h.certificationId,
      activityIds: h.activityIds,
      ethicsAttested: false,
      actorUserId: h.userId,
      now: onDay(day),
    });
  const payByCardOn = (invoiceId: string, day: number, payer: { kind: 'person' | 'employer'; name: string }) =>
    payByCard({
      db,
      registry,
      provider: cards,
      bodyId: 'namss',
      invoiceId,
      input: { idempotencyKey: randomUUID(), card: { ...DEMO_CARD, holderName: payer.name } },
      payer,
      actorUserId: null,
      now: onDay(day),
    });
  const decision = { db, registry, bodyId: 'namss', actorUserId: reviewer };
  const certificates = async (h: { personId: string; userId: string }, activityIds: string[], who: string) => {
    for (const activityId of activityIds) {
      await addEvidence({
        db,
        storage: services.files,
        bodyId: 'namss',
        personId: h.personId,
        activityId,
        filename: 'certificate.pdf',
        bytes: await certificatePdf(who, 'NAMSS-approved education, 4 credits'),
        actorUserId: h.userId,
      });
    }
  };
  const accept = async (h: Awaited<ReturnType<typeof holder>>, renewalId: string, activityIds: string[], day: number) => {
    for (const activityId of activityIds) {
      await decideRenewalItem({
        ...decision,
        personId: h.personId,
        renewalId,
        activityId,
        decision: 'accepted',
        reason: null,
        now: onDay(day),
      });
    }
  };

  // Dana kept a certificate for each activity (the browser journey renews her; an audit may ask for them).
  const dana = await personOf(db, 'dana@namss.demo');
  const danaActivities = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.bodyId, 'namss'), eq(activities.personId, dana.personId)));
  // An activity a provider reported has the provider's confirmation for its certificate.
  const reported = await db
    .select({ id: attendance.activityId })
    .from(attendance)
    .where(and(eq(attendance.bodyId, 'namss'), eq(attendance.personId, dana.personId)));
  const byProvider = new Set(reported.map((row) => row.id));
  await certificates(
    dana,
    danaActivities.map((row) => row.id).filter((id) => !byProvider.has(id)),
    'Dana Whitfield',
  );

  const casey = await holder('casey', 'Casey Brooks', true, 'renewed early: paid by card, approved');
  const early = await submit(casey, 10);
  await payByCardOn(early.invoiceId!, 10, { kind: 'person', name: 'Casey Brooks' });
  // The draw may pick any application for audit (the policy's share): then the reviewer checks every certificate first.
  if (early.auditSelected) {
    await certificates(casey, casey.activityIds, 'Casey Brooks');
    await accept(casey, early.id, casey.activityIds, 25);
  }
  await approveRenewal({ ...decision, personId: casey.personId, renewalId: early.id, now: onDay(30) });

  const jamie = await holder('jamie', 'Jamie Fox', true, 'renewal paid by the employer’s check, awaiting review');
  const waiting = await submit(jamie, 60);
  await recordCheckPayment({
    db,
    registry,
    bodyId: 'namss',
    invoiceId: waiting.invoiceId!,
    input: {
      checkNumber: '10472',
      cents: DEMO_RECERTIFICATION_FEE.member,
      writtenOn: formatDate(Math.min(today, opens + 60)),
      payerKind: 'employer',
      payerName: 'Springfield General Hospital',
    },
    actorUserId: admin,
    now: onDay(66),
  });

  const robin = await holder('robin', 'Robin Hale', false, 'renewal submitted, fee not paid yet');
  await submit(robin, 75);

  const quinn = await holder('quinn', 'Quinn Park', true, 'renewal returned with reasons');
  const returned = await submit(quinn, 20);
  await payByCardOn(returned.invoiceId!, 20, { kind: 'person', name: 'Quinn Park' });
  await returnRenewal({
    ...decision,
    personId: quinn.personId,
    renewalId: returned.id,
    reasons: [
      'The activity "Bylaws update 2" is listed twice on the certificate; send the corrected certificate and submit again.',
    ],
    now: onDay(40),
  });

  // An extension: certificates for half the credit, the fee paid, granted; the later renewal is always audited.
  const avery = await holder('avery', 'Avery Stone', false, 'extension granted; renewal audited, evidence under review');
  await certificates(avery, avery.activityIds.slice(0, 4), 'Avery Stone');
  const extension = await requestExtension({
    db,
    registry,
    bodyId: 'namss',
    personId: avery.personId,
    program: 'namss/cpcs',
    activityIds: avery.activityIds.slice(0, 4),
    note: 'Surgery in October; the rest of the certificates follow.',
    actorUserId: avery.userId,
    now: onDay(90),
  });
  await payByCardOn(extension.invoiceId!, 90, { kind: 'person', name: 'Avery Stone' });
  await decideExtension({ ...decision, extensionId: extension.id, decision: 'grant', reason: null, now: onDay(92) });
  const audited = await submit(avery, 100);
  await payByCardOn(audited.invoiceId!, 100, { kind: 'employer', name: 'Lakeside Clinic' });
  await accept(avery, audited.id, avery.activityIds.slice(0, 3), 105);

  // An ethics decision under appeal.
  const drew = await holder('drew', 'Drew Ellis', true, 'certification suspended (ethics), appeal pending');
  const suspension = await decideStanding({
    db,
    registry,
    bodyId: 'namss',
    personId: drew.personId,
    program: 'namss/cpcs',
    action: 'suspend',
    reason: 'Ethics committee finding: credentials of a provider misrepresented in a payer file.',
    actorUserId: admin,
    now: onDay(0),
  });
  await appealStanding({
    db,
    registry,
    bodyId: 'namss',
    personId: drew.personId,
    decisionId: suspension.id,
    text: 'The file was prepared by a colleague; my statement and the facility letter are attached to the e-mail sent to the committee.',
    actorUserId: drew.userId,
    now: onDay(5),
  });
  return signIns;
}

async function personOf(db: Db, email: string): Promise<{ personId: string; userId: string }> {
  const [row] = await db
    .select({ personId: memberships.personId, userId: memberships.userId })
    .from(userEmails)
    .innerJoin(memberships, eq(memberships.userId, userEmails.userId))
    .where(and(eq(userEmails.email, email), eq(memberships.bodyId, 'namss')));
  if (!row?.personId) throw new Error(`the demo has no certificant ${email}`);
  return { personId: row.personId, userId: row.userId };
}

async function userIdOf(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ userId: userEmails.userId }).from(userEmails).where(eq(userEmails.email, email));
  if (!row) throw new Error(`the demo has no user ${email}`);
  return row.userId;
}
