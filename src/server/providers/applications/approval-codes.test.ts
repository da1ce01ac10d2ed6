import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodies } from '../../db/schema/bodies';
import { buildOffering } from '../../testing/provider-factories';
import { problemOf } from '../../testing/test-app';
import { applyThroughApi, mailsTo, useApplicationSuite } from './application-fixture';

const s = useApplicationSuite({
  // A fee, as a body may charge one later: set before the policies are first read.
  prepare: (db) =>
    db
      .update(bodies)
      .set({ document: sql`jsonb_set(${bodies.document}, '{providers,applicationFee}', '2500')` })
      .where(eq(bodies.id, 'ser')),
});

beforeAll(async () => {
  // A code of an earlier year does not move this year's numbering.
  await buildOffering(s.t.database.db, {
    bodyId: 'ser',
    providerId: s.cast.prairie.provider.id,
    createdBy: s.cast.prairie.user!.id,
    dates: ['2021-06-01'],
    hours: 3,
    approvalCode: 'SER-2021-0007',
  });
});

const apply = (change: Record<string, unknown> = {}) =>
  applyThroughApi(s.t, s.as.pat, { providerId: s.cast.prairie.provider.id, change });
const approve = (url: string) =>
  s.t.app.inject({
    method: 'POST',
    url: `${url}/decision`,
    headers: s.as.cora,
    payload: { outcome: 'approve', hours: 6, categories: [] },
  });

describe('fees and approval codes', () => {
  it("records the body's fee at the first submission and says it in the receipt", async () => {
    const { url } = await apply();
    expect((await s.t.app.inject({ method: 'GET', url, headers: s.as.pat })).json().fee).toEqual({
      cents: 2500,
      currency: 'USD',
    });
    expect((await mailsTo(s.t, 'pat@example.org')).at(-1)).toMatch(/The application fee is USD 25\.00/);
  });

  it('gives concurrent approvals different codes, numbered in order for the body and year', async () => {
    const urls: string[] = [];
    for (let i = 0; i < 6; i++) urls.push((await apply({ title: `Course ${i}` })).url);
    const responses = await Promise.all(urls.map(approve));
    expect(responses.map((response) => response.statusCode)).toEqual(urls.map(() => 200));
    const codes = responses.map((response) => response.json().offering.approvalCode as string).sort();
    expect(codes).toEqual(['SER-2022-0001', 'SER-2022-0002', 'SER-2022-0003', 'SER-2022-0004', 'SER-2022-0005', 'SER-2022-0006']);
  });

  it('approves a recurring course that asked for it for the recurring period from its first date', async () => {
    const { url } = await apply({ kind: 'recurring-course', recurringApproval: true, dates: ['2022-12-06', '2022-11-01'] });
    expect((await approve(url)).json().offering).toMatchObject({ validFrom: '2022-11-01', validUntil: '2024-10-31' });
  });

  it('approves a recurring course that did not ask for it until its last planned date', async () => {
    const { url } = await apply({ kind: 'recurring-course', dates: ['2022-11-01', '2022-12-06'] });
    expect((await approve(url)).json().offering).toMatchObject({ validFrom: '2022-11-01', validUntil: '2022-12-06' });
  });

  it('lets only a recurring course ask for the recurring approval', async () => {
    const { url } = await applyThroughApi(s.t, s.as.pat, {
      providerId: s.cast.prairie.provider.id,
      change: { recurringApproval: true },
      submit: false,
    });
    const response = await s.t.app.inject({ method: 'POST', url: `${url}/submit`, headers: s.as.pat });
    expect(problemOf(response).errors).toEqual([
      { path: 'content.recurringApproval', message: 'only a recurring course may ask for the recurring approval' },
    ]);
  });
});
