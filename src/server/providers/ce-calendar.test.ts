import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOffering, buildProvider } from '../testing/provider-factories';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-01T15:00:00Z') });
  const db = t.database.db;
  const { provider, user } = await buildProvider(db, {
    bodyId: 'ser',
    name: 'Wetland Restoration Institute',
    userEmail: 'wri@example.org',
  });
  const { provider: gone } = await buildProvider(db, { bodyId: 'ser', name: 'Suspended Society', status: 'suspended' });
  const base = { bodyId: 'ser', providerId: provider.id, createdBy: user!.id };
  await buildOffering(db, {
    ...base,
    title: 'Prairie seeding workshop',
    type: 'workshop',
    dates: ['2026-04-10', '2026-04-11'],
    hours: 12,
    categories: ['field'],
    approvalCode: 'SER-2026-0001',
  });
  await buildOffering(db, {
    ...base,
    title: 'Hydrology webinar',
    type: 'webinar',
    virtual: true,
    dates: ['2026-05-02'],
    hours: 2,
    approvalCode: 'SER-2026-0002',
  });
  await buildOffering(db, {
    ...base,
    title: 'Past symposium',
    type: 'symposium',
    dates: ['2026-02-01'],
    hours: 6,
    approvalCode: 'SER-2026-0003',
  });
  await buildOffering(db, {
    ...base,
    title: 'Restoration basics',
    type: 'recurring-course',
    recurring: true,
    dates: ['2025-09-01'],
    validUntil: '2027-08-31',
    hours: 8,
    approvalCode: 'SER-2025-0009',
  });
  await buildOffering(db, {
    bodyId: 'ser',
    providerId: gone.id,
    createdBy: user!.id,
    title: 'Hidden course',
    dates: ['2026-04-01'],
    hours: 1,
    approvalCode: 'SER-2026-0004',
  });
  await buildOffering(db, {
    bodyId: 'namss',
    providerId: provider.id,
    createdBy: user!.id,
    title: 'Other body course',
    dates: ['2026-04-01'],
    hours: 1,
  });
}, 60_000);
afterAll(() => t.close());

const titles = async (query = '') => {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/bodies/ser/ce-calendar${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().listings as { title: string }[]).map((l) => l.title);
};

describe('the public CE calendar', () => {
  it('lists approved offerings still to come, and recurring courses while approved, to anyone', async () => {
    expect(await titles()).toEqual(['Restoration basics', 'Prairie seeding workshop', 'Hydrology webinar']);
    const [listing] = (await t.app.inject({ method: 'GET', url: '/api/v1/bodies/ser/ce-calendar?q=prairie' })).json().listings;
    expect(listing).toMatchObject({
      approvalCode: 'SER-2026-0001',
      hours: 12,
      mark: 'Pre-approved by Society for Ecological Restoration · SER-2026-0001',
    });
    expect(JSON.stringify(listing)).not.toContain('wri@example.org');
  });

  it('filters by dates, type, category, format and words', async () => {
    expect(await titles('?from=2026-01-01&to=2026-02-28')).toEqual(['Restoration basics', 'Past symposium']);
    expect(await titles('?type=webinar')).toEqual(['Hydrology webinar']);
    expect(await titles('?category=field')).toEqual(['Prairie seeding workshop']);
    expect(await titles('?format=in-person')).toEqual(['Restoration basics', 'Prairie seeding workshop']);
    expect(await titles('?q=wetland')).toHaveLength(3);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/ser/ce-calendar?from=2026-02-30&format=both' });
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['querystring.format', 'querystring.from']);
  });

  it('is an iCal feed with one event per planned date', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/bodies/ser/ce-calendar.ics?type=workshop' });
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(response.body.replace(/\r\n /g, '')).toContain('SER-2026-0001');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/bodies/nobody/ce-calendar' })).statusCode).toBe(404);
  });
});
