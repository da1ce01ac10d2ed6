import { beforeAll, describe, expect, it } from 'vitest';
import { problemOf } from '../../testing/test-app';
import {
  applicationsUrl,
  applyThroughApi,
  completeContent,
  mailsTo,
  multipartFile,
  OUTSIDERS,
  samplePdf,
  useApplicationSuite,
  type ApplicationCastMember,
} from './application-fixture';

const s = useApplicationSuite();
let base: string;
let pdf: Buffer;

beforeAll(async () => {
  base = applicationsUrl('ser', s.cast.prairie.provider.id);
  pdf = await samplePdf();
});

const create = (who: ApplicationCastMember, content: unknown) =>
  s.t.app.inject({ method: 'POST', url: base, headers: s.as[who], payload: { content } as Record<string, unknown> });
const upload = (who: ApplicationCastMember, url: string, kind: string, bytes = pdf) => {
  const file = multipartFile('cv.pdf', 'application/pdf', bytes);
  return s.t.app.inject({
    method: 'POST',
    url: `${url}/files?kind=${kind}`,
    headers: { ...s.as[who], ...file.headers },
    payload: file.payload,
  });
};

describe('drafts', () => {
  it.each([...OUTSIDERS, ['rex', 403], ['cora', 403], ['pat', 201]] as const)(
    'creating a draft as %s → %i',
    async (who, status) => {
      expect((await create(who, { title: 'Seed collection' })).statusCode).toBe(status);
    },
  );

  it('saves an incomplete draft with empty text and lists, and nothing is due yet', async () => {
    const response = await create('pat', { title: '', instructors: [{ name: 'Dana', qualifications: '' }], objectives: [] });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'draft',
      version: 0,
      decisionDue: null,
      daysLeft: null,
      content: { instructors: [{ name: 'Dana' }] },
      versions: [],
      reviews: [],
    });
  });

  it('refuses in a draft what is wrong rather than missing, naming the field', async () => {
    const response = await create('pat', {
      kind: 'podcast',
      dates: ['2022-02-30'],
      hours: 'six',
      registrationUrl: 'javascript:alert(1)',
      surprise: 1,
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors!.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        'body.content.kind',
        'body.content.dates[0]',
        'body.content.hours',
        'body.content.registrationUrl',
        'body.content',
      ]),
    );
  });

  it('checks the kind and categories against the body’s programs', async () => {
    const namss = await s.t.app.inject({
      method: 'POST',
      url: applicationsUrl('namss', s.cast.namssProvider.provider.id),
      headers: s.as.nina,
      payload: { content: { kind: 'workshop' } },
    });
    expect(problemOf(namss).errors).toEqual([
      { path: 'body.content.kind', message: expect.stringMatching(/not an activity type.*possible: conference, webinar/) },
    ]);
    const ser = await create('pat', { kind: 'workshop', categories: ['legal'] });
    expect(problemOf(ser).errors).toEqual([
      { path: 'body.content.categories[0]', message: expect.stringMatching(/"legal" is not a category.*none/) },
    ]);
  });

  it('refuses a submission with every missing field named, and keeps it a draft', async () => {
    const { url } = await applyThroughApi(s.t, s.as.pat, { providerId: s.cast.prairie.provider.id, submit: false });
    await s.t.app.inject({
      method: 'PUT',
      url,
      headers: s.as.pat,
      payload: { content: { title: 'Only a title', virtual: false } },
    });
    const response = await s.t.app.inject({ method: 'POST', url: `${url}/submit`, headers: s.as.pat });
    expect(response.statusCode).toBe(400);
    const errors = problemOf(response).errors!;
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'content.description', message: 'is required' },
        { path: 'content.kind', message: 'is required' },
        { path: 'content.instructors', message: 'is required' },
        { path: 'content.objectives', message: 'is required' },
        { path: 'content.dates', message: 'is required' },
        { path: 'content.hours', message: 'is required' },
        { path: 'content.city', message: 'is required for an offering in person' },
      ]),
    );
    expect(errors.map((issue) => issue.path)).not.toContain('content.title');
    expect((await s.t.app.inject({ method: 'GET', url, headers: s.as.pat })).json().status).toBe('draft');
  });

  it('needs each instructor’s resume among the uploaded resumes', async () => {
    const { url } = await applyThroughApi(s.t, s.as.pat, { providerId: s.cast.prairie.provider.id, submit: false });
    const syllabus = (await upload('pat', url, 'syllabus')).json();
    const content = completeContent(syllabus.id);
    const refused = await s.t.app.inject({ method: 'PUT', url, headers: s.as.pat, payload: { content } });
    expect(problemOf(refused).errors).toEqual([
      { path: 'body.content.instructors[0].resumeFileId', message: 'is not a resume uploaded to this application' },
    ]);
    await s.t.app.inject({
      method: 'PUT',
      url,
      headers: s.as.pat,
      payload: { content: { ...content, instructors: [{ name: 'A', qualifications: 'B' }] } },
    });
    const submit = await s.t.app.inject({ method: 'POST', url: `${url}/submit`, headers: s.as.pat });
    expect(problemOf(submit).errors).toEqual([
      { path: 'content.instructors[0].resumeFileId', message: 'is required: upload a resume and name it here' },
    ]);
  });
});

describe('files', () => {
  let url: string;
  beforeAll(async () => {
    url = (await applyThroughApi(s.t, s.as.pat, { providerId: s.cast.prairie.provider.id, submit: false })).url;
  });

  it.each([...OUTSIDERS, ['rex', 403], ['pat', 201]] as const)('uploading as %s → %i', async (who, status) => {
    expect((await upload(who, url, 'agenda')).statusCode).toBe(status);
  });

  it('judges files by their content and refuses other kinds', async () => {
    expect((await upload('pat', url, 'agenda', Buffer.from('<html></html>'))).statusCode).toBe(415);
    expect(problemOf(await upload('pat', url, 'photo')).errors![0]!.path).toBe('querystring.kind');
  });

  it.each([...OUTSIDERS, ['rex', 200], ['cora', 200], ['pat', 200]] as const)('downloading as %s → %i', async (who, status) => {
    const { files } = (await s.t.app.inject({ method: 'GET', url, headers: s.as.pat })).json();
    const file = files.find((f: { kind: string }) => f.kind === 'agenda');
    const response = await s.t.app.inject({ method: 'GET', url: `${url}/files/${file.id}`, headers: s.as[who] });
    expect(response.statusCode).toBe(status);
    if (status === 200) expect(response.rawPayload.equals(pdf)).toBe(true);
  });

  it('removes a file no version names, bytes and all', async () => {
    const file = (await upload('pat', url, 'other')).json();
    expect((await s.t.app.inject({ method: 'DELETE', url: `${url}/files/${file.id}`, headers: s.as.rex })).statusCode).toBe(403);
    expect((await s.t.app.inject({ method: 'DELETE', url: `${url}/files/${file.id}`, headers: s.as.pat })).statusCode).toBe(204);
    expect((await s.t.app.inject({ method: 'GET', url: `${url}/files/${file.id}`, headers: s.as.pat })).statusCode).toBe(404);
  });
});

describe('submission', () => {
  let url: string;
  let resumeId: string;
  beforeAll(async () => {
    ({ url, resumeId } = await applyThroughApi(s.t, s.as.pat, { providerId: s.cast.prairie.provider.id }));
  });

  it('freezes the content as version 1 with its files, starts the clock and records the fee', async () => {
    const application = (await s.t.app.inject({ method: 'GET', url, headers: s.as.pat })).json();
    expect(application).toMatchObject({
      status: 'submitted',
      version: 1,
      // 2022-10-01 in New York + 42 days
      decisionDue: '2022-11-12',
      daysLeft: 42,
      overdue: false,
      fee: { cents: 0, currency: 'USD' },
      versions: [{ version: 1, fileIds: [resumeId], content: { title: 'Prairie seed collection' } }],
    });
    expect(application.firstSubmittedAt).toBe('2022-10-01T15:00:00.000Z');
  });

  it('sends the provider a receipt with the date the decision is due', async () => {
    const [receipt] = await mailsTo(s.t, 'pat@example.org');
    expect(receipt).toMatch(/We received version 1 of your application for pre-approval/);
    expect(receipt).toMatch(/You will hear the decision by 2022-11-12/);
  });

  it('is frozen: no edits, files or second submission (409)', async () => {
    const edit = await s.t.app.inject({ method: 'PUT', url, headers: s.as.pat, payload: { content: { title: 'Changed' } } });
    expect(edit.statusCode).toBe(409);
    expect(problemOf(edit).detail).toMatch(/submitted and frozen/);
    expect((await upload('pat', url, 'other')).statusCode).toBe(409);
    expect((await s.t.app.inject({ method: 'DELETE', url: `${url}/files/${resumeId}`, headers: s.as.pat })).statusCode).toBe(409);
    expect((await s.t.app.inject({ method: 'POST', url: `${url}/submit`, headers: s.as.pat })).statusCode).toBe(409);
    const application = (await s.t.app.inject({ method: 'GET', url, headers: s.as.pat })).json();
    expect(application.versions[0].content.title).toBe('Prairie seed collection');
  });

  it('lets only its own provider withdraw it before a decision, once', async () => {
    const withdraw = (who: ApplicationCastMember) =>
      s.t.app.inject({
        method: 'POST',
        url: `${url}/withdraw`,
        headers: s.as[who],
        payload: { reason: 'the venue fell through' },
      });
    expect((await withdraw('oscar')).statusCode).toBe(404);
    expect((await withdraw('cora')).statusCode).toBe(403);
    expect((await withdraw('pat')).json()).toMatchObject({ status: 'withdrawn', daysLeft: null });
    expect((await withdraw('pat')).statusCode).toBe(409);
  });
});
