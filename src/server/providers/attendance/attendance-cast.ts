import { buildOffering, buildProvider } from '../../testing/provider-factories';
import { seedCast, signInCast } from '../../testing/namss-fixture';
import type { TestApp } from '../../testing/test-app';

/**
 * The NAMSS cast (see namss-fixture) and providers around them: Pat acts for
 * the Prairie CE Institute, which has an approved NAMSS webinar in 2022 (the
 * tests' today is 2022-10-01); Quinn for another NAMSS provider; Tara for a
 * TechServe one. Each provider's API key is made through the API.
 */
export async function seedAttendanceCast(t: TestApp) {
  const db = t.database.db;
  const cast = await seedCast(db);
  const pat = await buildProvider(db, { bodyId: 'namss', name: 'Prairie CE Institute', userEmail: 'pat@example.org' });
  const quinn = await buildProvider(db, { bodyId: 'namss', name: 'Quinn Seminars', userEmail: 'quinn@example.org' });
  const tara = await buildProvider(db, { bodyId: 'techserve', name: 'Tara Training', userEmail: 'tara@example.org' });
  const { offering } = await buildOffering(db, {
    bodyId: 'namss',
    providerId: pat.provider.id,
    createdBy: pat.user!.id,
    title: 'Credentialing essentials',
    type: 'webinar',
    dates: ['2022-06-01', '2022-06-02'],
    hours: 6,
    validFrom: '2022-01-01',
    validUntil: '2022-12-31',
    approvalCode: 'NAMSS-2022-0001',
  });
  // A one-day offering of 3 hours on 2022-05-01.
  const oneDay = async (bodyId: string, { provider, user }: typeof quinn, approvalCode: string) =>
    (
      await buildOffering(db, {
        bodyId,
        providerId: provider.id,
        createdBy: user!.id,
        dates: ['2022-05-01'],
        hours: 3,
        approvalCode,
      })
    ).offering;
  const quinnOffering = await oneDay('namss', quinn, 'NAMSS-2022-0002');
  const taraOffering = await oneDay('techserve', tara, 'TSA-2022-0001');
  const as = {
    ...(await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto', 'tess'] as const)),
    pat: await t.signIn('pat@example.org'),
    quinn: await t.signIn('quinn@example.org'),
    tara: await t.signIn('tara@example.org'),
  };
  const keyOf = async (who: 'pat' | 'quinn' | 'tara', bodyId: string, providerId: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/bodies/${bodyId}/providers/${providerId}/api-key`,
      headers: as[who],
    });
    return { authorization: `Bearer ${response.json<{ key: string }>().key}` };
  };
  const keys = {
    pat: await keyOf('pat', 'namss', pat.provider.id),
    quinn: await keyOf('quinn', 'namss', quinn.provider.id),
    tara: await keyOf('tara', 'techserve', tara.provider.id),
  };
  return { ...cast, pat, quinn, tara, offering, quinnOffering, taraOffering, as, keys };
}

export type AttendanceCast = Awaited<ReturnType<typeof seedAttendanceCast>>;

/** A JSON roster row. */
export const attendee = (row: {
  name: string;
  email?: string;
  number?: string;
  completedOn?: string;
  hours?: number;
  grade?: string;
}) => ({
  completedOn: '2022-06-02',
  hours: 6,
  ...row,
});
