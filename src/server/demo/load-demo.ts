import { eq } from 'drizzle-orm';
import { addMonths, addYears, formatDate, parseDate, type DayNumber } from '../../core/dates/calendar-date';
import { dateAt } from '../../core/dates/today';
import type { Db, DbOrTx } from '../db/database';
import { installationSettings } from '../db/schema/settings';
import { seedCredentialDemo } from './credential-demo';
import type { DemoServices, DemoSignIn } from './demo-sign-in';
import { seedProviderDemo } from './provider-demo';
import { seedRenewalDemo } from './renewal-demo';
import { buildActivities, buildCertificant, buildPerson, buildUser, type ActivitySpec } from '../testing/factories';

export const DEMO_PASSWORD = 'recert-demo';

const day = (d: DayNumber) => formatDate(d);

/** `count` activities spread evenly from `from` to `to`. */
function spread(
  from: DayNumber,
  to: DayNumber,
  count: number,
  make: (i: number) => Omit<ActivitySpec, 'startDate'>,
): ActivitySpec[] {
  return Array.from({ length: count }, (_, i) => ({
    ...make(i),
    startDate: day(from + Math.floor(((to - from) * (i + 0.5)) / count)),
  }));
}

/**
 * Demo people for the three seed bodies, dated relative to today so their
 * states hold whenever the demo is loaded: on track, behind, renewal open
 * (NAMSS from August to November), due soon, expired. Which NAMSS states exist
 * depends on the time of year, as it does for the body.
 */
async function seedDemo(db: DbOrTx, today: DayNumber): Promise<DemoSignIn[]> {
  const signIns: DemoSignIn[] = [];
  const staff = async (body: string, role: 'admin' | 'reviewer', name: string) => {
    const email = `${role}@${body}.demo`;
    await buildUser(db, { email, password: DEMO_PASSWORD, displayName: name, roles: [{ bodyId: body, role }] });
    signIns.push({ email, role, body, who: name });
  };
  const certificant = async (
    body: string,
    slug: string,
    who: string,
    holds: { programId: string; awarded: string; renewedThrough?: string | null }[],
    activities: (personId: string) => ActivitySpec[],
    note: string,
  ) => {
    const email = `${slug}@${body}.demo`;
    const { person } = await buildCertificant(db, {
      bodyId: body,
      legalName: who,
      email,
      password: DEMO_PASSWORD,
      holds,
      city: 'Springfield',
      region: 'IL',
    });
    await buildActivities(db, activities(person.id));
    signIns.push({ email, role: `certificant: ${note}`, body, who });
  };

  for (const body of ['namss', 'techserve', 'ser']) {
    await staff(body, 'admin', `${body.toUpperCase()} Admin`);
    await staff(body, 'reviewer', `${body.toUpperCase()} Reviewer`);
  }

  // NAMSS: fixed cycles ending December 1.
  const year = Number(day(today).slice(0, 4));
  const dec1 = parseDate(`${year}-12-01`) as DayNumber;
  const currentEnd = today <= dec1 ? dec1 : (parseDate(`${year + 1}-12-01`) as DayNumber);
  const previousEnd = addYears(currentEnd, -3);
  const namssTypes = ['webinar', 'conference', 'online-course', 'virtual-course'];
  await certificant(
    'namss',
    'dana',
    'Dana Whitfield',
    [{ programId: 'namss/cpcs', awarded: day(addYears(previousEnd, -3) - 200), renewedThrough: day(previousEnd) }],
    (personId) =>
      spread(previousEnd + 30, today - 10, 14, (i) => ({
        bodyId: 'namss',
        personId,
        type: namssTypes[i % 4]!,
        hours: 2.5,
        approved: i % 2 === 0,
      })),
    'renewal due this year, requirements met',
  );
  await certificant(
    'namss',
    'sam',
    'Sam Okafor',
    [{ programId: 'namss/cpcs', awarded: day(addYears(previousEnd, -3) - 100), renewedThrough: day(previousEnd) }],
    (personId) =>
      spread(previousEnd + 60, today - 20, 6, (i) => ({
        bodyId: 'namss',
        personId,
        type: namssTypes[i % 4]!,
        hours: 2,
        approved: i < 2,
      })),
    'renewal due this year, short of credits',
  );
  // Sam again, keyed in from a paper file with his address as a contact: the duplicate admins see and can merge.
  const samAgain = await buildPerson(db, {
    bodyId: 'namss',
    legalName: 'SAM OKAFOR',
    contactEmails: ['sam@namss.demo'],
    city: 'Springfield',
    region: 'IL',
  });
  await buildActivities(
    db,
    spread(previousEnd + 90, today - 30, 3, () => ({ bodyId: 'namss', personId: samAgain.id, type: 'conference', hours: 3 })),
  );
  const newAward = addMonths(today, -14);
  await certificant(
    'namss',
    'lee',
    'Lee Ramirez',
    [
      { programId: 'namss/cpcs', awarded: day(newAward) },
      { programId: 'namss/cpmsm', awarded: day(newAward + 40) },
    ],
    (personId) =>
      spread(newAward + 10, today - 5, 12, (i) => ({
        bodyId: 'namss',
        personId,
        type: namssTypes[i % 4]!,
        hours: 2,
        approved: i % 3 !== 0,
      })),
    'dual, first cycle, on track',
  );
  await certificant(
    'namss',
    'pat',
    'Pat Nguyen',
    [{ programId: 'namss/cpmsm', awarded: day(addMonths(today, -20)) }],
    (personId) => spread(addMonths(today, -19), today - 30, 2, () => ({ bodyId: 'namss', personId, type: 'webinar', hours: 1 })),
    'behind pace',
  );

  // TechServe: anniversary cycles, 24 contact hours with 6 legal.
  const dueSoon = addMonths(today, -34);
  await certificant(
    'techserve',
    'jordan',
    'Jordan Lee',
    [{ programId: 'techserve/cpsr-1', awarded: day(dueSoon) }],
    (personId) => [
      ...spread(dueSoon + 30, today - 15, 8, (i) => ({
        bodyId: 'techserve',
        personId,
        type: i % 2 ? 'webinar' : 'chapter-event',
        hours: 1,
        categories: i < 3 ? ['legal'] : [],
      })),
      {
        bodyId: 'techserve',
        personId,
        type: 'annual-conference',
        startDate: day(dueSoon + 400),
        hours: 18,
        title: 'TechServe Annual Conference',
      },
    ],
    'due in two months, legal hours missing',
  );
  const steady = addMonths(today, -16);
  await certificant(
    'techserve',
    'morgan',
    'Morgan Patel',
    [
      { programId: 'techserve/cpsae-1', awarded: day(steady) },
      { programId: 'techserve/cpsr-1', awarded: day(steady + 90) },
    ],
    (personId) => [
      {
        bodyId: 'techserve',
        personId,
        type: 'training-program',
        startDate: day(steady + 120),
        hours: 8,
        title: 'Sales training',
      },
      {
        bodyId: 'techserve',
        personId,
        type: 'external',
        startDate: day(steady + 200),
        hours: 6,
        categories: ['legal'],
        approved: true,
        title: 'Employment law seminar',
      },
      {
        bodyId: 'techserve',
        personId,
        type: 'external',
        startDate: day(today - 20),
        hours: 4,
        title: 'Outside workshop awaiting approval',
      },
    ],
    'two certifications sharing credit, on track',
  );
  await certificant(
    'techserve',
    'riley',
    'Riley Chen',
    [{ programId: 'techserve/cpsr-1', awarded: day(addMonths(today, -40)) }],
    (personId) =>
      spread(addMonths(today, -38), addMonths(today, -6), 3, () => ({
        bodyId: 'techserve',
        personId,
        type: 'webinar',
        hours: 1,
      })),
    'expired: the cycle ended without renewal',
  );

  // SER: CERP (renewal rule configurable; the demo uses the placeholder policy).
  const cerpAward = addMonths(today, -26);
  await certificant(
    'ser',
    'alex',
    'Alex Rivera',
    [{ programId: 'ser/cerp', awarded: day(cerpAward) }],
    (personId) =>
      spread(cerpAward + 20, today - 10, 9, (i) => ({
        bodyId: 'ser',
        personId,
        type: ['course', 'workshop', 'conference'][i % 3]!,
        hours: 3,
        approved: i % 2 === 0,
      })),
    'on track',
  );
  return signIns;
}

/**
 * Loads the demo once per installation, in stages, so an installation made
 * before a stage existed gets it on its next start; later starts change
 * nothing and return the same sign-ins.
 */
export async function loadDemoOnce(db: Db, now: Date, services: DemoServices): Promise<DemoSignIn[]> {
  const today = parseDate(dateAt('America/New_York', now)) as DayNumber;
  const stages: [key: string, seed: (tx: Db) => Promise<DemoSignIn[]>][] = [
    ['demo', (tx) => seedDemo(tx, today)],
    ['demo-providers', (tx) => seedProviderDemo(tx, today, DEMO_PASSWORD, now, services)],
    ['demo-renewals', (tx) => seedRenewalDemo(tx, today, DEMO_PASSWORD, services)],
    ['demo-credentials', (tx) => seedCredentialDemo(tx, today)],
  ];
  const signIns: DemoSignIn[] = [];
  for (const [key, seed] of stages) {
    const [done] = await db.select().from(installationSettings).where(eq(installationSettings.key, key));
    if (done) {
      signIns.push(...(done.value as { signIns: DemoSignIn[] }).signIns);
      continue;
    }
    signIns.push(
      ...(await db.transaction(async (tx) => {
        const added = await seed(tx);
        await tx.insert(installationSettings).values({ key, value: { signIns: added } });
        return added;
      })),
    );
  }
  return signIns;
}
