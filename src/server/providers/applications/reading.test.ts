import { beforeAll, describe, expect, it } from 'vitest';
import {
  applicationsUrl,
  applyThroughApi,
  OUTSIDERS,
  useApplicationSuite,
  type ApplicationCastMember,
} from './application-fixture';

const s = useApplicationSuite();
let base: string;
let submitted: { url: string; id: string };

beforeAll(async () => {
  base = applicationsUrl('ser', s.cast.prairie.provider.id);
  submitted = await applyThroughApi(s.t, s.as.pat, { providerId: s.cast.prairie.provider.id });
  await s.t.app.inject({ method: 'POST', url: base, headers: s.as.pat, payload: { content: { title: 'Listed' } } });
});

const get = (who: ApplicationCastMember, url: string) => s.t.app.inject({ method: 'GET', url, headers: s.as[who] });

describe('reading applications', () => {
  it.each([...OUTSIDERS, ['rex', 200], ['cora', 200], ['pat', 200]] as const)(
    "the provider's list and one application as %s → %i",
    async (who, status) => {
      expect((await get(who, base)).statusCode).toBe(status);
      expect((await get(who, submitted.url)).statusCode).toBe(status);
    },
  );

  it("finds nothing of one provider under another provider's URL", async () => {
    const elsewhere = `${applicationsUrl('ser', s.cast.other.provider.id)}/${submitted.id}`;
    expect((await get('oscar', elsewhere)).statusCode).toBe(404);
    expect((await get('cora', elsewhere)).statusCode).toBe(404);
  });

  it("lists the provider's own applications only, with titles, statuses and days left", async () => {
    const mine = (await get('pat', base)).json().applications;
    expect(mine).toHaveLength(2);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'Listed', status: 'draft', daysLeft: null }),
        expect.objectContaining({ title: 'Prairie seed collection', status: 'submitted', daysLeft: 42, kind: 'workshop' }),
      ]),
    );
    expect((await get('oscar', applicationsUrl('ser', s.cast.other.provider.id))).json().applications).toEqual([]);
  });

  it("shows staff every provider's applications, by status if asked", async () => {
    const all = (await get('rex', '/api/v1/bodies/ser/applications')).json().applications;
    expect(all).toHaveLength(2);
    const drafts = (await get('rex', '/api/v1/bodies/ser/applications?status=draft')).json().applications;
    expect(drafts.map((a: { title: string }) => a.title)).toEqual(['Listed']);
    expect((await get('rex', '/api/v1/bodies/ser/applications?status=lost')).statusCode).toBe(400);
  });
});
