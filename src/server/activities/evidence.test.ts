import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, problemOf, type TestApp } from '../testing/test-app';
import { seedCast, signInCast, type CastHeaders } from '../testing/namss-fixture';

let t: TestApp;
let cast: Awaited<ReturnType<typeof seedCast>>;
let as: CastHeaders<'alice' | 'bob' | 'rita' | 'ada' | 'otto'>;
let pdf: Buffer;

// The smallest valid PNG: 1x1 pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedCast(t.database.db);
  as = await signInCast(t, ['alice', 'bob', 'rita', 'ada', 'otto'] as const);
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Certificate of completion');
  pdf = Buffer.from(await doc.save());
}, 60_000);
afterAll(() => t.close());

function multipart(filename: string, contentType: string, bytes: Buffer) {
  const boundary = '----recert-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const base = () => `/api/v1/bodies/namss/people/${cast.alice.person.id}`;
const upload = (who: keyof typeof as, filename: string, type: string, bytes: Buffer) => {
  const { payload, headers } = multipart(filename, type, bytes);
  return t.app.inject({
    method: 'POST',
    url: `${base()}/activities/${cast.aliceActivity.id}/evidence`,
    payload,
    headers: { ...as[who], ...headers },
  });
};

describe('evidence files', () => {
  it('stores a PDF with its checksum and serves it back', async () => {
    const response = await upload('alice', 'certificate.pdf', 'application/pdf', pdf);
    expect(response.statusCode, response.body).toBe(201);
    const stored = response.json();
    expect(stored).toMatchObject({
      filename: 'certificate.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const download = await t.app.inject({ method: 'GET', url: `${base()}/evidence/${stored.id}`, headers: as.rita });
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const list = await t.app.inject({
      method: 'GET',
      url: `${base()}/activities/${cast.aliceActivity.id}/evidence`,
      headers: as.alice,
    });
    expect(list.json().evidence.map((e: { id: string }) => e.id)).toContain(stored.id);
  });

  it('judges the type by the content: a PNG named .pdf is stored as a PNG', async () => {
    const response = await upload('alice', 'scan.pdf', 'application/pdf', PNG);
    expect(response.json()).toMatchObject({ mediaType: 'image/png', filename: 'scan.pdf.png' });
  });

  it.each([
    ['a text file named .pdf', 'fake.pdf', 'application/pdf', Buffer.from('%not really a PDF\nhello')],
    ['an HTML page named .png', 'x.png', 'image/png', Buffer.from('<html><script>alert(1)</script></html>')],
    ['a zip named .jpg', 'a.jpg', 'image/jpeg', Buffer.from('504b0304140000000800', 'hex')],
  ])('refuses %s with 415', async (_name, filename, type, bytes) => {
    const response = await upload('alice', filename, type, bytes);
    expect(response.statusCode).toBe(415);
    expect(problemOf(response).detail).toMatch(/PDF, PNG or JPEG/);
  });

  it('accepts a large scan under the limit', async () => {
    const large = Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024, 32)]);
    expect((await upload('alice', 'scan.pdf', 'application/pdf', large)).statusCode).toBe(201);
  });

  it('refuses files over 10 MB with 413', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024, 32)]);
    expect((await upload('alice', 'big.pdf', 'application/pdf', big)).statusCode).toBe(413);
  });

  it('refuses an empty upload', async () => {
    expect((await upload('alice', 'empty.pdf', 'application/pdf', Buffer.alloc(0))).statusCode).toBe(400);
  });

  it.each([
    ['anonymous', 401],
    ['bob', 404],
    ['otto', 404],
    ['rita', 403],
    ['ada', 201],
  ] as const)('upload as %s → %i', async (who, status) => {
    expect((await upload(who, 'c.pdf', 'application/pdf', pdf)).statusCode).toBe(status);
  });

  it('lets the person remove evidence, and others of another body learn nothing', async () => {
    const stored = (await upload('alice', 'remove-me.pdf', 'application/pdf', pdf)).json();
    expect((await t.app.inject({ method: 'GET', url: `${base()}/evidence/${stored.id}`, headers: as.otto })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'DELETE', url: `${base()}/evidence/${stored.id}`, headers: as.rita })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'DELETE', url: `${base()}/evidence/${stored.id}`, headers: as.alice })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ method: 'GET', url: `${base()}/evidence/${stored.id}`, headers: as.alice })).statusCode).toBe(
      404,
    );
  });
});
