import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SCREENSHOTS, launchBrowser, newContext, startE2EServer } from './e2e-server';

let server: Awaited<ReturnType<typeof startE2EServer>>;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startE2EServer();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('registering a CE provider', () => {
  it('someone registers from the sign-in page, is signed in and lands on the provider home', async () => {
    const context = await newContext(browser, 390);
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('link', { name: 'Become a CE provider' }).click();
    await page.waitForURL((url) => url.pathname === '/become-a-provider');
    await page.getByLabel('Credentialing body').selectOption({ label: 'Society for Ecological Restoration' });
    await page.getByLabel('Provider name').fill('Riverbank Ecology Collective');
    await page.getByLabel('Kind of provider').selectOption('non-profit');
    await page.getByLabel('Contact person').fill('Robin River');
    await page.getByLabel('Contact e-mail').fill('not an address');
    await page.getByLabel('Website').fill('https://riverbank.example');
    await page.getByLabel('Your name').fill('Robin River');
    // An address that already signs in: the server names the field.
    await page.getByLabel('Your e-mail (to sign in)').fill('admin@ser.demo');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Register provider' }).click();
    await expect.poll(() => page.getByText('Must be an e-mail address').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-email');

    await page.getByLabel('Contact e-mail').fill('robin@riverbank.example');
    await page.getByRole('button', { name: 'Register provider' }).click();
    await expect
      .poll(() => page.getByText('Already has an account: sign in and register from it').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-account-email');
    expect(await overflow(page)).toBeLessThanOrEqual(1);
    await shot(page, '20-phone-register-provider-problems');

    await page.getByLabel('Your e-mail (to sign in)').fill('robin@riverbank.example');
    await page.getByRole('button', { name: 'Register provider' }).click();
    await page.waitForURL((url) => url.pathname === '/bodies/ser/provider', { timeout: 15_000 });
    await expect
      .poll(() => page.getByRole('heading', { name: 'Riverbank Ecology Collective' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByText('In good standing').count()).toBe(1);
    expect(await page.getByText('No warnings, suspensions or terminations.').count()).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(1);
    await shot(page, '21-phone-provider-home');

    // The provider changes its details; only what changed is sent.
    await page.getByRole('button', { name: 'Change details' }).click();
    await page.getByLabel('City').fill('Madison');
    await page.getByLabel('State or region').fill('WI');
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => page.getByText('Details saved (2 fields changed).').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText('Madison, WI').count()).toBe(1);
    await context.close();
  }, 90_000);
});

describe('the public CE calendar', () => {
  it('lists approved offerings with their approval code and the body’s mark, filtered, with the iCal feed', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('link', { name: 'Society for Ecological Restoration' }).click();
    await page.waitForURL((url) => url.pathname === '/calendar/ser');
    const listing = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Prairie seeding field workshop' }) });
    await expect.poll(() => listing.count(), { timeout: 15_000 }).toBe(1);
    expect(await listing.getByText('SER-DEMO-0001', { exact: true }).count()).toBe(1);
    expect(await listing.getByText('Pre-approved by Society for Ecological Restoration · SER-DEMO-0001').count()).toBe(1);
    await shot(page, '22-ce-calendar');

    await page.getByLabel('Type', { exact: true }).selectOption('webinar');
    await page.getByLabel('Virtual or in person').selectOption('virtual');
    await page.getByRole('button', { name: 'Show offerings' }).click();
    await page.waitForURL((url) => url.searchParams.get('type') === 'webinar');
    await expect.poll(() => listing.count(), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Hydrology for restoration practitioners (webinar)' }).count())
      .toBe(1);
    const feed = page.getByRole('link', { name: /^Subscribe \(iCal\)/ });
    const href = (await feed.getAttribute('href'))!;
    expect(href).toBe('/api/v1/bodies/ser/ce-calendar.ics?type=webinar&format=virtual');
    const ics = await (await fetch(`${server.url}${href}`)).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Hydrology for restoration practitioners');
    expect(ics).not.toContain('Prairie seeding field workshop');

    // A date range that ends before the first day is refused on the field.
    await page.getByLabel('From', { exact: true }).fill('2030-05-02');
    await page.getByLabel('To', { exact: true }).fill('2030-05-01');
    await page.getByRole('button', { name: 'Show offerings' }).click();
    await expect.poll(() => page.getByText('Must not be before the first day').count()).toBeGreaterThan(0);

    await page.setViewportSize({ width: 390, height: 900 });
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => listing.count(), { timeout: 15_000 }).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(1);
    await shot(page, '23-phone-ce-calendar');
    await context.close();
  }, 90_000);
});

describe('monitoring a provider', () => {
  it('an admin terminates a provider after confirming; the provider appeals; the committee overturns it', async () => {
    const admin = await newContext(browser);
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'admin@ser.demo');
    await adminPage.getByRole('link', { name: 'CE providers' }).click();
    await adminPage.getByLabel('Standing').selectOption('warned');
    await adminPage.getByRole('link', { name: 'Prairie Partners' }).click();
    await expect.poll(() => adminPage.getByRole('heading', { name: 'Prairie Partners' }).count(), { timeout: 15_000 }).toBe(1);
    await adminPage.getByLabel('Kind of notice').selectOption('termination');
    await adminPage.getByRole('button', { name: 'Terminate provider' }).click();
    await expect.poll(() => adminPage.getByText('Give the reason: the provider reads it').count()).toBeGreaterThan(0);
    await adminPage.getByLabel('Reason').fill('Confirmations late again after the warning.');
    await adminPage.getByRole('button', { name: 'Terminate provider' }).click();
    const confirm = adminPage.getByRole('dialog', { name: 'Terminate Prairie Partners?' });
    await expect.poll(() => confirm.getByText(/offerings will be withdrawn/).count(), { timeout: 15_000 }).toBe(1);
    expect(await confirm.getByText(/may appeal within 30 days/).count()).toBe(1);
    await shot(adminPage, '24-terminate-confirm');
    await confirm.getByRole('button', { name: 'Terminate provider' }).click();
    await expect
      .poll(
        () =>
          adminPage
            .getByRole('status')
            .getByText(/Termination recorded/)
            .count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    expect(await adminPage.getByText('Terminated', { exact: true }).count()).toBeGreaterThan(0);

    const provider = await newContext(browser, 390);
    const providerPage = await provider.newPage();
    await signIn(providerPage, 'prairie@ser.demo');
    await providerPage.waitForURL((url) => url.pathname === '/bodies/ser/provider', { timeout: 15_000 });
    await providerPage.getByRole('button', { name: /^Appeal the termination of/ }).click();
    const appeal = providerPage.getByRole('dialog', { name: 'Appeal the termination' });
    await appeal.getByLabel('Grounds for the appeal').fill('Too late');
    await appeal.getByRole('button', { name: 'File appeal' }).click();
    await expect.poll(() => appeal.getByText('Say why, in at least 10 characters').count()).toBeGreaterThan(0);
    await appeal
      .getByLabel('Grounds for the appeal')
      .fill('The confirmations were sent within 30 days; the mail server logs attached to our e-mail show it.');
    await appeal.getByRole('button', { name: 'File appeal' }).click();
    await expect.poll(() => providerPage.getByText('Open: the committee is deciding').count(), { timeout: 15_000 }).toBe(1);
    expect(await overflow(providerPage)).toBeLessThanOrEqual(1);
    await shot(providerPage, '25-phone-appeal-filed');

    await adminPage.getByRole('link', { name: 'Provider appeals' }).click();
    const card = adminPage
      .getByRole('listitem')
      .filter({ has: adminPage.getByRole('heading', { name: 'Appeal of Prairie Partners' }) });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    await card.getByLabel(/^SER Admin/).check();
    await card.getByLabel(/^SER Reviewer/).check();
    await card.getByRole('button', { name: 'Name the committee' }).click();
    await expect.poll(() => card.getByText(/odd number of members/).count()).toBeGreaterThan(0);
    await card.getByLabel(/^SER Reviewer/).uncheck();
    await card.getByRole('button', { name: 'Name the committee' }).click();
    await expect.poll(() => card.getByText('SER Admin (you): not voted yet').count(), { timeout: 15_000 }).toBe(1);
    await card.getByLabel(/^Overturn the termination/).check();
    await card.getByLabel('Comment').fill('The logs show the confirmations went out on time.');
    await card.getByRole('button', { name: 'Record vote' }).click();
    await expect
      .poll(
        () =>
          adminPage
            .getByRole('status')
            .getByText(/the termination was overturned/)
            .count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    await shot(adminPage, '26-appeal-decided');

    await providerPage.reload();
    await expect
      .poll(() => providerPage.getByText('Decided: the termination was overturned').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await providerPage.getByText('In good standing').count()).toBe(1);
    await provider.close();
    await admin.close();
  }, 120_000);
});
