import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eNow } from './e2e-server';
import { expectFits, journeys, pdf, shot } from './journey';

const app = journeys();

/** "12.5 of 30 credits" → 12.5 (NAMSS counts credits; TechServe contact hours, SER CECs) */
async function earnedTotal(page: Page): Promise<number> {
  const text = await page
    .getByText(/^[\d.]+ of [\d.]+ credits/)
    .first()
    .textContent();
  return Number(/^([\d.]+)/.exec(text ?? '')![1]);
}

describe('a certificant', () => {
  it('signs in, adds an activity, sees the progress change and downloads the transcript', async () => {
    const { context, page } = await app.signedIn('sam@namss.demo');
    await expect.poll(() => page.getByRole('heading', { name: /CPCS/ }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const before = await earnedTotal(page);
    await shot(page, '01-certificant-dashboard');

    await page.getByRole('link', { name: 'Record CE activities' }).click();
    await page.getByRole('button', { name: 'Add CE activity' }).click();
    await page.getByLabel('Title').fill('Credentialing law update');
    await page.getByLabel('Type').selectOption('conference');
    await page
      .getByLabel('Date')
      .first()
      .fill(new Date(e2eNow().getTime() - 7 * 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel('Hours').fill('6');
    await shot(page, '02-add-activity-preview');
    await page.getByRole('button', { name: 'Add activity' }).click();
    await expect.poll(() => page.getByText('Credentialing law update').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot(page, '03-activities');

    // Evidence: the certificate of attendance, as a PDF.
    await page.getByRole('button', { name: 'Evidence for "Credentialing law update"' }).click();
    await page.getByLabel('Evidence file').setInputFiles({
      name: 'certificate.pdf',
      mimeType: 'application/pdf',
      buffer: await pdf('Certificate of attendance: Credentialing law update, 6 hours'),
    });
    await page.getByRole('button', { name: 'Upload evidence' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'certificate.pdf' }).count(), { timeout: 15_000 }).toBe(1);
    await shot(page, '03b-evidence');
    await page.getByRole('button', { name: 'Close' }).click();

    await page.goto(`${app.url()}/`);
    await expect.poll(() => earnedTotal(page), { timeout: 15_000 }).toBe(before + 6);
    await shot(page, '04-progress-changed');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: /Download transcript/ })
        .first()
        .click(),
    ]);
    const transcript = await readFile((await download.path())!);
    expect(transcript.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  }, 90_000);

  it('works at phone width', async () => {
    const { context, page } = await app.signedIn('jordan@techserve.demo', 390);
    await expect.poll(() => page.getByRole('heading', { name: /CPSR/ }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot(page, '05-phone-dashboard');
    await expectFits(page);
    await context.close();
  }, 60_000);
});

describe('an admin', () => {
  it('opens the compliance overview', async () => {
    const { context, page } = await app.signedIn('admin@namss.demo');
    await page.goto(`${app.url()}/bodies/namss/overview`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Compliance overview' }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByText('namss/cpcs').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot(page, '06-compliance-overview');
    await context.close();
  }, 60_000);
});

describe('a profile change', () => {
  it('is saved by the certificant and read by an admin in the audit log', async () => {
    const { context, page } = await app.signedIn('dana@namss.demo');
    await page.getByRole('link', { name: 'My profile' }).click();
    const city = page.getByLabel('City');
    await expect.poll(() => city.inputValue(), { timeout: 15_000 }).toBe('Springfield');
    await expect.poll(() => page.getByText('Exactly as it prints on your certificates', { exact: false }).count()).toBe(1);
    await city.fill('Boulder');
    await page.getByLabel('State or region').fill('CO');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .getByText(/Profile saved/)
            .count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    await shot(page, '07-profile-saved');
    await page.reload();
    await expect.poll(() => page.getByLabel('City').inputValue(), { timeout: 15_000 }).toBe('Boulder');
    await context.close();

    const { context: admin, page: adminPage } = await app.signedIn('admin@namss.demo');
    await adminPage.goto(`${app.url()}/bodies/namss/people?q=Dana`);
    await adminPage.getByRole('link', { name: 'Dana Whitfield' }).click();
    await adminPage.getByRole('link', { name: 'Audit log' }).click();
    const entry = adminPage.getByRole('listitem').filter({ has: adminPage.getByRole('heading', { name: 'Profile changed' }) });
    await expect.poll(() => entry.count(), { timeout: 15_000 }).toBe(1);
    const changed = entry.getByRole('table', { name: 'Changed fields' });
    await expect.poll(() => changed.getByRole('row', { name: /City Springfield Boulder/ }).count()).toBe(1);
    await expect.poll(() => changed.getByRole('row', { name: /State or region IL CO/ }).count()).toBe(1);
    expect(await entry.getByText('by Dana Whitfield').count()).toBe(1);
    await shot(adminPage, '08-audit-log');
    await admin.close();
  }, 90_000);

  it('fits a phone', async () => {
    const { context, page } = await app.signedIn('lee@namss.demo', 390);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: 'My profile' }).click();
    await expect.poll(() => page.getByLabel('Legal name').inputValue(), { timeout: 15_000 }).toBe('Lee Ramirez');
    await page.getByRole('button', { name: 'Add a contact address' }).click();
    await page.getByLabel('Contact address 1', { exact: true }).fill('not-an-address');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByText('Must be an e-mail address').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot(page, '09-phone-profile');
    await expectFits(page);
    await context.close();
  }, 60_000);
});

describe('likely duplicates', () => {
  it('an admin merges the demo duplicate of Sam Okafor, then reverses the merge', async () => {
    const { context, page } = await app.signedIn('admin@namss.demo');
    await page.getByRole('link', { name: 'Likely duplicates' }).click();
    const pair = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /Sam Okafor and .*SAM OKAFOR|SAM OKAFOR and .*Sam Okafor/ }) });
    await expect.poll(() => pair.count(), { timeout: 15_000 }).toBe(1);
    await pair.getByRole('radio', { name: /^Keep .* Sam Okafor$/ }).check();
    await pair.getByLabel('Reason for the merge').fill('Keyed in twice from a paper file; same e-mail address');
    await pair.getByRole('button', { name: 'Review the merge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge these two records?' });
    await expect.poll(() => dialog.getByText(/3 CE activities, with their evidence files/).count(), { timeout: 15_000 }).toBe(1);
    expect(await dialog.getByText(/can be reversed/).count()).toBe(1);
    await shot(page, '10-merge-confirm');
    await dialog.getByRole('button', { name: 'Merge records' }).click();
    const status = page.getByRole('status');
    await expect
      .poll(() => status.getByText(/was merged into .* Sam Okafor: moved .*3 CE activities/).count(), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => pair.count()).toBe(0);
    await expect.poll(() => dialog.count()).toBe(0);
    await shot(page, '11-merged');

    await page.getByRole('button', { name: /^Reverse the merge of .*SAM OKAFOR into .*Sam Okafor$/ }).click();
    const reverse = page.getByRole('dialog', { name: 'Reverse this merge?' });
    await reverse.getByLabel('Reason for reversing').fill('Checking the reversal in the journey');
    await reverse.getByRole('button', { name: 'Reverse merge' }).click();
    await expect.poll(() => status.getByText(/are separate records again/).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => pair.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Reversed on' }).count()).toBe(1);
    await expect.poll(() => reverse.count()).toBe(0);
    await shot(page, '12-merge-reversed');

    // The page and the merged-in person's audit log fit a phone.
    await page.setViewportSize({ width: 390, height: 900 });
    // Once the frame has laid itself out again at the new width (the navigation moves into a drawer).
    await expectFits(page);
    await shot(page, '13-phone-duplicates');
    await pair.getByRole('link', { name: 'Sam Okafor', exact: true }).click();
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Another record merged into this one' }).count(), { timeout: 15_000 })
      .toBe(1);
    await expectFits(page);
    await shot(page, '14-phone-audit-log');
    await context.close();
  }, 90_000);
});

describe('the public good-standing lookup', () => {
  it('anyone finds a certificant by name or number and sees the standing with its dates', async () => {
    const { context, page } = await app.visitor('/sign-in');
    await page.getByRole('link', { name: 'Good standing lookup of National Association Medical Staff Services' }).click();
    await page.waitForURL((url) => url.pathname === '/standing/namss');
    const lookup = page.getByLabel('Certificate number or name');
    await lookup.fill('Da');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect.poll(() => page.getByText('Give a certificate number or at least 3 letters of the name').count()).toBe(1);

    await lookup.fill('Dana Whitfield');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'Dana Whitfield');
    const person = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Dana Whitfield' }) });
    await expect.poll(() => person.count(), { timeout: 15_000 }).toBe(1);
    const cpcs = person.getByRole('listitem').filter({ hasText: 'CPCS' });
    expect(await cpcs.getByText('In good standing', { exact: true }).count()).toBe(1);
    const date = /[A-Z][a-z]{2} \d{1,2}, \d{4}/;
    expect(await cpcs.getByText('Certified since').locator('xpath=following-sibling::dd').textContent()).toMatch(date);
    expect(await cpcs.getByText('Valid through').locator('xpath=following-sibling::dd').textContent()).toMatch(/^Dec 1, \d{4}$/);
    expect(
      await page
        .getByText(/^Standing on .* from the records of National Association Medical Staff Services in Recert\. As of /)
        .count(),
    ).toBe(1);
    await shot(page, '15-good-standing');

    // By the certificate number: the one person, the same answer.
    const number = /Certificate number (\S+)/.exec((await person.getByText(/^Certificate number /).textContent()) ?? '')![1]!;
    await lookup.fill(number);
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect.poll(() => page.getByText('1 person found.').count(), { timeout: 15_000 }).toBe(1);
    expect(await person.getByText('In good standing', { exact: true }).count()).toBe(1);

    await page.setViewportSize({ width: 390, height: 900 });
    await expectFits(page);
    await shot(page, '16-phone-good-standing');
    await context.close();
  }, 60_000);
});
