import { addMonths, formatDate, type DayNumber } from '../../core/dates/calendar-date';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database';
import { userEmails } from '../db/schema/accounts';
import { providerNotices } from '../db/schema/providers';
import { buildApplication, buildOffering, buildProvider } from '../testing/provider-factories';
import type { DemoSignIn } from './load-demo';

const day = (d: DayNumber) => formatDate(d);

/**
 * Demo CE providers in every standing, with approved offerings on the public
 * calendars (past, coming, recurring) and the notices that led to each
 * standing. Dated relative to today, like the demo people.
 */
export async function seedProviderDemo(db: DbOrTx, today: DayNumber, password: string, now: Date): Promise<DemoSignIn[]> {
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

  const prairie = await provider('ser', 'prairie', 'Prairie Partners', 'warned: confirmations were late', 'warned');
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
  const quick = await provider('ser', 'quickcert', 'QuickCert Training', 'terminated: may appeal', 'terminated');
  await db.insert(providerNotices).values([
    {
      bodyId: 'ser',
      providerId: prairie.provider.id,
      kind: 'warning',
      text: 'Confirmations of completion for the March course reached participants after 45 days; the rule is 30.',
      byUserId: admin.id,
      at: now,
    },
    {
      bodyId: 'ser',
      providerId: quick.provider.id,
      kind: 'termination',
      text: 'Attendance reported for people who did not attend; approvals terminated.',
      byUserId: admin.id,
      at: now,
    },
  ]);

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
  return signIns;
}
