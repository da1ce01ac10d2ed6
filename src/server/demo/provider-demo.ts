import { and, eq } from 'drizzle-orm';
import { addMonths, formatDate, type DayNumber } from '../../core/dates/calendar-date';
import { PolicyStore } from '../bodies/policy-store';
import type { Db } from '../db/database';
import { userEmails } from '../db/schema/accounts';
import { people } from '../db/schema/people';
import type { Reporter } from '../providers/attendance/api-keys';
import { rosterRowSchema } from '../providers/attendance/attendance-schemas';
import { completeAttendance } from '../providers/attendance/complete-attendance';
import { importRoster } from '../providers/attendance/import-roster';
import { offeringConfirmations } from '../providers/attendance/provider-confirmations';
import { rosterFromJson } from '../providers/attendance/read-roster';
import { recordNotice } from '../providers/record-notice';
import { buildApplication, buildOffering, buildProvider } from '../testing/provider-factories';
import type { DemoServices, DemoSignIn } from './demo-sign-in';

const day = (d: DayNumber) => formatDate(d);

/**
 * Demo CE providers in every standing, with approved offerings on the public
 * calendars (past, coming, recurring) and the notices that led to each
 * standing. Dated relative to today, like the demo people.
 */
export async function seedProviderDemo(
  db: Db,
  today: DayNumber,
  password: string,
  now: Date,
  services: DemoServices,
): Promise<DemoSignIn[]> {
  const signIns: DemoSignIn[] = [];
  const provider = async (bodyId: string, slug: string, name: string, note: string, status?: 'warned' | 'terminated') => {
    const email = `${slug}@${bodyId}.demo`;
    const built = await buildProvider(db, { bodyId, name, userEmail: email, password, status });
    signIns.push({ email, role: `provider: ${note}`, body: bodyId, who: name });
    return { provider: built.provider, userId: built.user!.id };
  };
  const [admin] = await db.select({ id: userEmails.userId }).from(userEmails).where(eq(userEmails.email, 'admin@ser.demo'));
  if (!admin) throw new Error('the demo people load first');

  const wri = await provider('ser', 'wetlands', 'Wetland Restoration Institute', 'in good standing, offerings on the calendar');
  const base = { bodyId: 'ser', providerId: wri.provider.id, createdBy: wri.userId };
  await buildOffering(db, {
    ...base,
    title: 'Prairie seeding field workshop',
    type: 'workshop',
    dates: [day(today + 20), day(today + 21)],
    hours: 12,
    approvalCode: 'SER-DEMO-0001',
  });
  await buildOffering(db, {
    ...base,
    title: 'Hydrology for restoration practitioners (webinar)',
    type: 'webinar',
    virtual: true,
    dates: [day(today + 45)],
    hours: 2,
    approvalCode: 'SER-DEMO-0002',
  });
  await buildOffering(db, {
    ...base,
    title: 'Restoration planning, recurring course',
    type: 'recurring-course',
    recurring: true,
    dates: [day(addMonths(today, -6))],
    validUntil: day(addMonths(today, 18)),
    hours: 8,
    approvalCode: 'SER-DEMO-0003',
  });
  await buildOffering(db, {
    ...base,
    title: 'Soil biology symposium',
    type: 'symposium',
    dates: [day(today - 40)],
    hours: 6,
    approvalCode: 'SER-DEMO-0004',
  });

  // Applications in every state before approval, for the coordinator's queue and the provider's list.
  const asked = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  const application = (
    status: 'draft' | 'submitted' | 'info-requested' | 'rejected',
    title: string,
    daysAgo: number,
    text?: string,
  ) =>
    buildApplication(db, {
      ...base,
      status,
      title,
      type: 'course',
      dates: [day(today + 60)],
      hours: 6,
      submittedAt: asked(daysAgo),
      decisionDue: day(today - daysAgo + 42),
      decisionText: text,
    });
  await application('draft', 'Riparian buffer design (draft)', 0);
  await application('submitted', 'Invasive species control', 10);
  await application('submitted', 'Monitoring protocols for restored sites', 45);
  await application(
    'info-requested',
    'Coastal dune stabilization',
    20,
    'Please attach the instructor’s resume and the agenda of day two.',
  );
  await application('rejected', 'Company product demonstration', 30, 'A product demonstration is not continuing education.');

  const prairie = await provider('ser', 'prairie', 'Prairie Partners', 'warned: confirmations were late');
  await buildOffering(db, {
    bodyId: 'ser',
    providerId: prairie.provider.id,
    createdBy: prairie.userId,
    title: 'Native seed collection',
    type: 'course',
    dates: [day(today + 30)],
    hours: 4,
    approvalCode: 'SER-DEMO-0005',
  });
  const quick = await provider('ser', 'quickcert', 'QuickCert Training', 'terminated: may appeal');
  // Withdrawn by the termination, as staff would have done it: off the calendar, its code good only for earlier dates.
  await buildOffering(db, {
    bodyId: 'ser',
    providerId: quick.provider.id,
    createdBy: quick.userId,
    title: 'Restoration certificate in a weekend',
    type: 'course',
    dates: [day(today + 10)],
    hours: 16,
    approvalCode: 'SER-DEMO-0006',
  });
  const notice = (providerId: string, kind: 'warning' | 'termination', text: string) =>
    recordNotice({
      db,
      mailer: services.mailer,
      bodyId: 'ser',
      bodyName: 'SER',
      providerId,
      kind,
      text,
      actorUserId: admin.id,
      now,
    });
  await notice(
    prairie.provider.id,
    'warning',
    'Confirmations of completion for the March course reached participants after 45 days; the rule is 30.',
  );
  await notice(quick.provider.id, 'termination', 'Attendance reported for people who did not attend; approvals terminated.');

  const msec = await provider('namss', 'msec', 'Medical Staff Education Center', 'in good standing');
  await buildOffering(db, {
    bodyId: 'namss',
    providerId: msec.provider.id,
    createdBy: msec.userId,
    title: 'Credentialing law update',
    type: 'webinar',
    virtual: true,
    dates: [day(today + 14)],
    hours: 1.5,
    approvalCode: 'NAMSS-DEMO-0001',
  });
  await reportDemoRoster(db, { today, now, services, providerId: msec.provider.id, reporterUserId: msec.userId });
  return signIns;
}

/**
 * A NAMSS workshop held twelve days ago whose roster the provider reported
 * through the product: Dana by certificant number and Lee by e-mail find the
 * approved credit on their transcripts with the confirmation attached; one
 * attendee is not (yet) a certificant, and the provider downloaded the
 * confirmations to hand that one over. One import per demo transaction: the
 * import's staging tables live until the outer commit.
 */
async function reportDemoRoster(
  db: Db,
  options: { today: DayNumber; now: Date; services: DemoServices; providerId: string; reporterUserId: string },
) {
  const { today, now, services, providerId, reporterUserId } = options;
  const held = day(today - 12);
  const { offering } = await buildOffering(db, {
    bodyId: 'namss',
    providerId,
    createdBy: reporterUserId,
    title: 'Medical staff bylaws in practice',
    type: 'workshop',
    dates: [held],
    hours: 3,
    approvalCode: 'NAMSS-DEMO-0002',
  });
  const numberOf = async (legalName: string) => {
    const [person] = await db
      .select({ number: people.number })
      .from(people)
      .where(and(eq(people.bodyId, 'namss'), eq(people.legalName, legalName)));
    if (!person) throw new Error('the demo people load first');
    return person.number;
  };
  const registry = await new PolicyStore(db).current();
  const roster = rosterFromJson(
    rosterRowSchema.array().parse([
      { name: 'Dana Whitfield', number: await numberOf('Dana Whitfield'), completedOn: held, hours: 3, grade: 'pass' },
      { name: 'Lee Ramirez', email: 'lee@namss.demo', completedOn: held, hours: 3, grade: 'pass' },
      { name: 'Robin Castillo', email: 'robin.castillo@hospital.example', completedOn: held, hours: 2.5, grade: 'pass' },
    ]),
  );
  const reporter: Reporter = {
    actor: {
      userId: reporterUserId,
      displayName: 'Medical Staff Education Center staff',
      memberships: [{ bodyId: 'namss', bodyName: 'NAMSS', role: 'provider', personId: null, providerId }],
    },
    userId: reporterUserId,
    via: 'session',
  };
  await importRoster({ db, registry, bodyId: 'namss', offeringId: offering.id, roster, reporter, now });
  await completeAttendance({ db, registry, files: services.files, bodyId: 'namss', offeringId: offering.id, now });
  await offeringConfirmations({ db, registry, bodyId: 'namss', offeringId: offering.id, from: 0, handOver: true, now });
}
