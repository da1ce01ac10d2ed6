import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectFits, journeys, shot } from './journey';

const app = journeys();

/** The verification URL a certificate links to: its link annotation's URI, else the document's subject. */
async function verificationUrlOf(pdf: Buffer): Promise<string> {
  const document = await PDFDocument.load(pdf);
  for (const page of document.getPages()) {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annotations?.size() ?? 0); i++) {
      const action = annotations!.lookupMaybe(i, PDFDict)?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      if (uri?.includes('/verify/')) return uri;
    }
  }
  const subject = document.getSubject();
  if (!subject) throw new Error('the certificate names no verification URL');
  return subject;
}

/** The large status of a verification page, once it is shown. */
async function verdictOf(page: Page): Promise<string> {
  const verdict = page.locator('#verdict');
  await expect.poll(() => verdict.count(), { timeout: 15_000 }).toBe(1);
  return (await verdict.textContent())!;
}

describe('a verifiable credential', () => {
  it('an employer opens the link on a certificate and sees it valid; after an admin suspends it, suspended', async () => {
    // Lee, in good standing, finds the certificate of the CPCS on their credentials page and downloads it.
    const lee = await app.signedIn('lee@namss.demo');
    await lee.page.getByRole('link', { name: 'My credentials' }).first().click();
    const cpcs = lee.page
      .getByRole('list', { name: 'Current credentials' })
      .getByRole('listitem')
      .filter({ has: lee.page.getByRole('heading', { name: /^CPCS: / }) });
    await expect.poll(() => cpcs.count(), { timeout: 15_000 }).toBe(1);
    expect(await cpcs.getByText('Active', { exact: true }).count()).toBe(1);
    const linkedIn = cpcs.getByRole('link', { name: 'Add to LinkedIn profile' });
    expect(await linkedIn.getAttribute('href')).toMatch(
      /^https:\/\/www\.linkedin\.com\/profile\/add\?startTask=CERTIFICATION_NAME&/,
    );
    expect(await linkedIn.getAttribute('target')).toBe('_blank');
    expect(await linkedIn.getAttribute('rel')).toBe('noopener noreferrer');
    await shot(lee.page, '40-my-credentials');
    const [download] = await Promise.all([
      lee.page.waitForEvent('download'),
      cpcs.getByRole('link', { name: 'Download certificate (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^certificate-CPCS-.+\.pdf$/);
    const url = await verificationUrlOf(await readFile(await download.path()));
    expect(url).toMatch(new RegExp(`^${app.url()}/verify/[0-9a-f-]{36}$`));
    // The link Lee copies for an employer is the certificate's.
    await lee.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url() });
    await cpcs.getByRole('button', { name: 'Copy verification link' }).click();
    await expect.poll(() => cpcs.getByRole('status').textContent()).toBe(`Verification link copied: ${url}`);
    expect(await lee.page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const personPath = new URL(lee.page.url()).pathname.replace(/\/credentials$/, '');
    await lee.page.setViewportSize({ width: 390, height: 900 });
    await expectFits(lee.page);
    await lee.context.close();

    // An employer, not signed in, opens the certificate's link: valid, Lee's, from NAMSS.
    // The good-standing lookup leads to the same page.
    const employer = await app.visitor('/standing/namss?q=Lee%20Ramirez');
    const verifyLink = employer.page.getByRole('link', { name: 'Verify credential of CPCS' });
    await expect.poll(() => verifyLink.count(), { timeout: 15_000 }).toBe(1);
    expect(new URL((await verifyLink.getAttribute('href'))!, app.url()).toString()).toBe(url);
    await employer.page.goto(url);
    expect(await verdictOf(employer.page)).toBe('Valid');
    expect(await employer.page.getByText('Lee Ramirez', { exact: true }).count()).toBe(1);
    expect(await employer.page.getByText('National Association Medical Staff Services', { exact: true }).count()).toBe(1);
    const checks = employer.page.getByRole('list', { name: 'Checks' }).getByRole('listitem');
    expect(await checks.count()).toBe(6);
    expect(await checks.filter({ hasText: 'Passed' }).count()).toBe(6);
    await shot(employer.page, '41-credential-valid');

    // An admin suspends Lee's CPCS through the standing decision on the person's page.
    const admin = await app.signedIn('admin@namss.demo');
    await admin.page.goto(`${app.url()}${personPath}`);
    await admin.page.getByRole('button', { name: 'Suspend, withdraw or restore' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Decision on standing' });
    await dialog.getByLabel('Certification', { exact: true }).click();
    await admin.page.getByRole('option', { name: 'CPCS', exact: true }).click();
    await dialog.getByLabel('Reason').fill('Ethics committee finding pending a hearing.');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(0);
    // The staff's list of Lee's credentials follows the decision.
    const staffCpcs = admin.page
      .getByRole('list', { name: 'Current credentials' })
      .getByRole('listitem')
      .filter({ has: admin.page.getByRole('heading', { name: /^CPCS: / }) });
    await expect.poll(() => staffCpcs.getByText('Suspended', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    await shot(admin.page, '42-staff-credential-suspended');
    await admin.context.close();

    // The employer reloads the same page: suspended, the suspension check failed.
    await employer.page.reload();
    expect(await verdictOf(employer.page)).toBe('Suspended');
    expect(await checks.filter({ hasText: 'Not suspended' }).getByText('Failed', { exact: true }).count()).toBe(1);
    await shot(employer.page, '43-credential-suspended');
    await employer.page.setViewportSize({ width: 390, height: 900 });
    await expectFits(employer.page);
    await shot(employer.page, '44-phone-credential-suspended');
    await employer.context.close();
  }, 120_000);

  it('the verification form says pasted garbage is no credential, refuses a large file, and verifies an uploaded .jwt', async () => {
    const { context, page } = await app.visitor('/verify', 390);
    const paste = page.getByLabel('Credential (VC-JWT)');
    await paste.fill('this is not a credential');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    expect(await verdictOf(page)).toBe('Not a credential');
    const format = page.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: 'Format' });
    expect(await format.getByText('Failed', { exact: true }).count()).toBe(1);
    await expectFits(page);
    await shot(page, '45-phone-verify-garbage');

    const file = page.getByLabel('Credential file');
    await file.setInputFiles({ name: 'huge.jwt', mimeType: 'text/plain', buffer: Buffer.alloc(200 * 1024, 'a') });
    expect(
      await page.getByText('Credential file: the file is larger than 128 KB (200 KB), too large for a credential').count(),
    ).toBe(1);

    // A credential file of the demo: Lee's current CPCS, as the good-standing lookup names it.
    const lookup = await page.request.get(`${app.url()}/api/v1/bodies/namss/good-standing?q=Lee%20Ramirez`);
    const standing = (await lookup.json()) as { people: { certifications: { designation: string; credentialId: string }[] }[] };
    const credentialId = standing.people[0]!.certifications.find((c) => c.designation === 'CPMSM')!.credentialId;
    const jwt = await (await page.request.get(`${app.url()}/api/v1/credentials/${credentialId}`)).text();
    await file.setInputFiles({ name: 'cpmsm.jwt', mimeType: 'application/vc+jwt', buffer: Buffer.from(jwt) });
    await expect.poll(() => page.getByText(/^Read cpmsm\.jwt/).count()).toBe(1);
    expect(await paste.inputValue()).toBe(jwt);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect.poll(() => page.locator('#verdict').textContent(), { timeout: 15_000 }).toBe('Valid');
    expect(await page.getByText('Lee Ramirez', { exact: true }).count()).toBe(1);
    await shot(page, '46-phone-verify-file');
    await context.close();
  }, 90_000);
  it('a renewed certificant keeps the earlier credential, which reads superseded and leads to the current one', async () => {
    const casey = await app.signedIn('casey@namss.demo');
    await casey.page.getByRole('link', { name: 'My credentials' }).first().click();
    const show = casey.page.getByRole('button', { name: /^Show earlier credentials \(\d+\)$/ });
    await expect.poll(() => show.count(), { timeout: 15_000 }).toBe(1);
    await show.click();
    const superseded = casey.page
      .getByRole('list', { name: 'Earlier credentials' })
      .getByRole('listitem')
      .filter({ hasText: 'Superseded: a newer credential replaced it' })
      .first();
    await expect.poll(() => superseded.count(), { timeout: 15_000 }).toBe(1);
    // Only a credential a verifier finds valid is offered for a LinkedIn profile.
    expect(await superseded.getByRole('link', { name: 'Add to LinkedIn profile' }).count()).toBe(0);
    await shot(casey.page, '47-earlier-credentials');
    await superseded.getByRole('link', { name: 'Open verification page' }).click();
    expect(await verdictOf(casey.page)).toBe('Superseded');
    await casey.page.getByRole('link', { name: 'Verify the current credential' }).click();
    await expect.poll(() => casey.page.locator('#verdict').textContent(), { timeout: 15_000 }).toBe('Valid');
    await casey.context.close();
  }, 90_000);
});
