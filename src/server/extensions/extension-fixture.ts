import { PDFDocument } from 'pdf-lib';
import type { TestApp } from '../testing/test-app';

let certificate: Buffer | null = null;

/** Uploads a one-page PDF certificate as evidence for an activity, as the given signed-in user (tests). */
export async function uploadCertificate(
  t: TestApp,
  headers: Record<string, string>,
  bodyId: string,
  personId: string,
  activityId: string,
): Promise<void> {
  if (!certificate) {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Certificate of completion');
    certificate = Buffer.from(await doc.save());
  }
  const boundary = '----recert-extension-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="certificate.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    certificate,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/bodies/${bodyId}/people/${personId}/activities/${activityId}/evidence`,
    payload,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
}
