import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../db/database';
import { buildCertificant, buildUser } from '../../testing/factories';
import { buildProvider } from '../../testing/provider-factories';
import { createTestApp, type TestApp } from '../../testing/test-app';

/**
 * The cast of the application tests, at SER (the body with the pre-approval
 * program): Pat acts for the Prairie Restoration Institute, Oscar for another
 * SER provider, Nina for a NAMSS provider; Cora (admin) coordinates, Rex and
 * Ruth (reviewers) sit on the committee; Cecil is a SER certificant and Otis
 * administers NAMSS.
 */
export async function seedApplicationCast(db: Db) {
  const prairie = await buildProvider(db, { bodyId: 'ser', name: 'Prairie Restoration Institute', userEmail: 'pat@example.org' });
  const other = await buildProvider(db, { bodyId: 'ser', name: 'Wetlands Academy', userEmail: 'oscar@example.org' });
  const namssProvider = await buildProvider(db, {
    bodyId: 'namss',
    name: 'Credentialing Academy',
    userEmail: 'nina@example.org',
  });
  const cora = await buildUser(db, {
    email: 'cora@example.org',
    displayName: 'Cora Coordinator',
    roles: [{ bodyId: 'ser', role: 'admin' }],
  });
  const rex = await buildUser(db, {
    email: 'rex@example.org',
    displayName: 'Rex Reviewer',
    roles: [{ bodyId: 'ser', role: 'reviewer' }],
  });
  const ruth = await buildUser(db, {
    email: 'ruth@example.org',
    displayName: 'Ruth Reviewer',
    roles: [{ bodyId: 'ser', role: 'reviewer' }],
  });
  const otis = await buildUser(db, {
    email: 'otis@example.org',
    displayName: 'Otis Other',
    roles: [{ bodyId: 'namss', role: 'admin' }],
  });
  const cecil = await buildCertificant(db, {
    bodyId: 'ser',
    legalName: 'Cecil Certificant',
    email: 'cecil@example.org',
    holds: [{ programId: 'ser/cerp', awarded: '2021-05-01' }],
  });
  return { prairie, other, namssProvider, cora, rex, ruth, otis, cecil };
}

export const APPLICATION_CAST = ['pat', 'oscar', 'nina', 'cora', 'rex', 'ruth', 'otis', 'cecil'] as const;
export type ApplicationCastMember = (typeof APPLICATION_CAST)[number] | 'anonymous';
export type Headers = Record<string, string>;

async function signInApplicationCast(t: TestApp): Promise<Record<ApplicationCastMember, Headers>> {
  const headers = { anonymous: {} } as Record<ApplicationCastMember, Headers>;
  for (const name of APPLICATION_CAST) headers[name] = await t.signIn(`${name}@example.org`);
  return headers;
}

/** Whom an application of Pat's provider is none of their business: they learn nothing of it (401 or 404). */
export const OUTSIDERS = [
  ['anonymous', 401],
  ['cecil', 404],
  ['oscar', 404],
  ['nina', 404],
  ['otis', 404],
] as const;

export interface ApplicationSuite {
  t: TestApp;
  cast: Awaited<ReturnType<typeof seedApplicationCast>>;
  /** Request headers of each member of the cast, signed in. */
  as: Record<ApplicationCastMember, Headers>;
}

/**
 * A test file's app with the cast signed in, set up before its tests and
 * closed after. `prepare` runs on the fresh database first.
 */
export function useApplicationSuite(
  options: { now?: Date; env?: Record<string, string>; prepare?: (db: Db) => Promise<unknown> } = {},
): ApplicationSuite {
  const suite = {} as ApplicationSuite;
  beforeAll(async () => {
    suite.t = await createTestApp(options);
    await options.prepare?.(suite.t.database.db);
    suite.cast = await seedApplicationCast(suite.t.database.db);
    suite.as = await signInApplicationCast(suite.t);
  }, 60_000);
  afterAll(() => suite.t.close());
  return suite;
}

export async function samplePdf(text = 'Resume'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return Buffer.from(await doc.save());
}

/** A multipart/form-data body with one file in the field "file". */
export function multipartFile(filename: string, contentType: string, bytes: Buffer) {
  const boundary = '----recert-application-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Everything a submission needs, for an in-person workshop on two days. */
export function completeContent(resumeFileId: string, change: Record<string, unknown> = {}) {
  return {
    title: 'Prairie seed collection',
    description: 'Collecting, cleaning and storing native prairie seed.',
    kind: 'workshop',
    sponsor: 'Prairie Restoration Institute',
    instructors: [{ name: 'Dana Diaz', qualifications: 'PhD, 15 years of prairie restoration', resumeFileId }],
    syllabus: 'Day 1: identification and timing. Day 2: cleaning, testing and storage.',
    objectives: ['Time a seed harvest by species', 'Store seed for viability'],
    dates: ['2022-11-14', '2022-11-15'],
    virtual: false,
    city: 'Madison',
    region: 'WI',
    registrationContact: 'registrar@prairie.example.org',
    registrationUrl: 'https://prairie.example.org/seed',
    hours: 12,
    categories: [],
    ...change,
  };
}

/** The provider's applications URL. */
export const applicationsUrl = (bodyId: string, providerId: string) =>
  `/api/v1/bodies/${bodyId}/providers/${providerId}/applications`;

/**
 * Drives the provider's part through the API: a draft, a resume, a complete
 * content, and (unless `submit: false`) the submission. Returns the
 * application's URL and id.
 */
export async function applyThroughApi(
  t: TestApp,
  as: Headers,
  options: { providerId: string; change?: Record<string, unknown>; submit?: boolean },
) {
  const base = applicationsUrl('ser', options.providerId);
  const created = await t.app.inject({ method: 'POST', url: base, headers: as, payload: { content: { title: 'Draft' } } });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`);
  const url = `${base}/${created.json().id}`;
  const file = multipartFile('resume.pdf', 'application/pdf', await samplePdf());
  const resume = await t.app.inject({
    method: 'POST',
    url: `${url}/files?kind=resume`,
    headers: { ...as, ...file.headers },
    payload: file.payload,
  });
  if (resume.statusCode !== 201) throw new Error(`upload failed: ${resume.body}`);
  const saved = await t.app.inject({
    method: 'PUT',
    url,
    headers: as,
    payload: { content: completeContent(resume.json().id, options.change) },
  });
  if (saved.statusCode !== 200) throw new Error(`save failed: ${saved.body}`);
  if (options.submit !== false) {
    const submitted = await t.app.inject({ method: 'POST', url: `${url}/submit`, headers: as });
    if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.body}`);
  }
  return { url, id: created.json().id as string, resumeId: resume.json().id as string };
}

/** The messages written to the outbox for one address, oldest first, as raw text. */
export async function mailsTo(t: TestApp, address: string): Promise<string[]> {
  const names = (await readdir(t.outboxDir)).sort();
  const messages = await Promise.all(names.map((name) => readFile(join(t.outboxDir, name), 'utf8')));
  return messages.filter((message) => message.includes(`To: ${address}`));
}
