import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD, SCREENSHOTS, launchBrowser, newContext, startE2EServer } from './e2e-server';

/**
 * What every journey file needs: the real server with the demo and Chromium, started before its
 * journeys and stopped after, and someone's browser (a fresh context), signed in or not.
 */
export function journeys() {
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

  /** A new visitor's browser on the app's page at `path` (else a blank one), at this width (a phone: 390). */
  async function visitor(path?: string, width?: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, width);
    const page = await context.newPage();
    if (path !== undefined) await page.goto(`${server.url}${path}`);
    return { context, page };
  }

  async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Leaving the page before the sign-in answer arrives would cancel it.
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  return {
    /** The server's address, once started. */
    url: () => server.url,
    visitor,
    /** A demo user's browser, signed in and on the page the sign-in leads to. */
    async signedIn(email: string, width?: number) {
      const opened = await visitor(undefined, width);
      await signIn(opened.page, email);
      return opened;
    },
  };
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** How far the page is wider than the window, in pixels. */
export const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The page fits its window's width (once it has laid itself out again after a resize). */
export async function expectFits(page: Page) {
  await expect.poll(() => overflow(page)).toBeLessThanOrEqual(1);
}

/** A one-page PDF saying `text`: a certificate, a resume. */
export async function pdf(text: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage().drawText(text);
  return Buffer.from(await document.save());
}
