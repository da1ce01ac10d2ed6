import { describe, expect, it } from 'vitest';
import { applyThroughApi, mailsTo, useApplicationSuite, type ApplicationCastMember } from './application-fixture';

// The app reads this one Date on every request; the tests move it forward.
const clock = new Date('2022-10-02T03:00:00Z');
const setClock = (iso: string) => clock.setTime(Date.parse(iso));

const s = useApplicationSuite({ now: clock, env: { SESSION_DAYS: '90' } });
let prairie: { url: string; id: string };
let wetlands: { url: string; id: string };

const get = (who: ApplicationCastMember, url: string) => s.t.app.inject({ method: 'GET', url, headers: s.as[who] });
const queue = async () => (await get('cora', '/api/v1/bodies/ser/reviews/applications')).json().items;

describe('the decision clock', () => {
  it("starts at the first submission, counted in the body's time zone", async () => {
    // 03:00 UTC on 2 October is still 1 October in New York.
    prairie = await applyThroughApi(s.t, s.as.pat, { providerId: s.cast.prairie.provider.id });
    expect((await get('pat', prairie.url)).json()).toMatchObject({ decisionDue: '2022-11-12', daysLeft: 42 });
    setClock('2022-10-02T15:00:00Z');
    wetlands = await applyThroughApi(s.t, s.as.oscar, { providerId: s.cast.other.provider.id });
    expect((await get('oscar', wetlands.url)).json()).toMatchObject({ decisionDue: '2022-11-13', daysLeft: 42 });
    expect((await get('pat', prairie.url)).json().daysLeft).toBe(41);
  });

  it('pauses while more information is asked for: days left stand still, off the queue', async () => {
    setClock('2022-10-11T15:00:00Z');
    const asked = await s.t.app.inject({
      method: 'POST',
      url: `${prairie.url}/decision`,
      headers: s.as.cora,
      payload: { outcome: 'more-information', questions: 'Which restoration sites will you visit?' },
    });
    expect(asked.json()).toMatchObject({
      status: 'info-requested',
      daysLeft: 32,
      paused: true,
      decision: { outcome: 'more-information', questions: 'Which restoration sites will you visit?' },
    });
    expect((await mailsTo(s.t, 'pat@example.org')).at(-1)).toMatch(/Which restoration sites will you visit\?/);
    setClock('2022-10-16T15:00:00Z');
    expect((await get('pat', prairie.url)).json()).toMatchObject({ daysLeft: 32, paused: true, decisionDue: '2022-11-12' });
    expect((await queue()).map((item: { id: string }) => item.id)).toEqual([wetlands.id]);
  });

  it('lets the provider change the application then, and votes wait for the resubmission', async () => {
    const assign = await s.t.app.inject({
      method: 'POST',
      url: `${prairie.url}/reviewers`,
      headers: s.as.cora,
      payload: { userIds: [s.cast.rex.id] },
    });
    expect(assign.statusCode).toBe(200);
    const vote = await s.t.app.inject({
      method: 'PUT',
      url: `${prairie.url}/vote`,
      headers: s.as.rex,
      payload: { vote: 'approve', comment: 'ok' },
    });
    expect(vote.statusCode).toBe(409);
    const current = (await get('pat', prairie.url)).json().content;
    const saved = await s.t.app.inject({
      method: 'PUT',
      url: prairie.url,
      headers: s.as.pat,
      payload: { content: { ...current, syllabus: `${current.syllabus} Field visit: Curtis Prairie.` } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  it('resumes on resubmission: version 2, the due date later by the whole days paused', async () => {
    setClock('2022-10-18T15:00:00Z');
    const response = await s.t.app.inject({ method: 'POST', url: `${prairie.url}/submit`, headers: s.as.pat });
    expect(response.statusCode, response.body).toBe(200);
    const application = response.json();
    // Paused from 11 to 18 October: 7 days.
    expect(application).toMatchObject({
      status: 'submitted',
      version: 2,
      decisionDue: '2022-11-19',
      daysLeft: 32,
      paused: false,
    });
    expect(application.decision).toBeNull();
    expect(application.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(application.versions[0].content.syllabus).not.toMatch(/Curtis Prairie/);
    expect(application.versions[1].content.syllabus).toMatch(/Curtis Prairie/);
    expect(application.firstSubmittedAt).toBe('2022-10-02T03:00:00.000Z');
    expect((await mailsTo(s.t, 'pat@example.org')).at(-1)).toMatch(/version 2 .*\n.*decision by 2022-11-19/);
  });

  it('orders the queue by the date due and flags what is overdue', async () => {
    setClock('2022-11-20T15:00:00Z');
    expect(await queue()).toMatchObject([
      { id: wetlands.id, decisionDue: '2022-11-13', daysLeft: -7, overdue: true },
      { id: prairie.id, decisionDue: '2022-11-19', daysLeft: -1, overdue: true },
    ]);
  });
});
