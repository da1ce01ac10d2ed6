import { describe, expect, it } from 'vitest';
import { e2eNow } from './e2e-server';
import { expectFits, journeys, shot } from './journey';

const app = journeys();

/**
 * NAMSS's renewal season, on the journeys' date (November 2026): Dana has met
 * the requirements and renews; staff record her check and approve; the public
 * lookup then shows the next cycle's dates.
 */
describe('a renewal', () => {
  it('a certificant renews, staff record the check and approve, and the good-standing lookup shows the new dates', async () => {
    // Dana applies: her activities are pre-selected, the fee is quoted from the policy.
    const dana = await app.signedIn('dana@namss.demo');
    await dana.page.getByRole('link', { name: 'My renewals' }).first().click();
    await dana.page.getByRole('link', { name: 'Renewal of CPCS' }).click();
    await expect.poll(() => dana.page.getByRole('button', { name: 'Submit application' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await dana.page.getByText(/\$425\.00/).count()).toBeGreaterThan(0);
    await shot(dana.page, '30-renewal-application');
    await dana.page.getByRole('button', { name: 'Submit application' }).click();
    const invoiceLink = dana.page.getByRole('link', { name: /^NAMSS-2026-\d{6}$/ });
    await expect.poll(() => invoiceLink.count(), { timeout: 15_000 }).toBe(1);
    const invoiceNumber = (await invoiceLink.textContent())!;
    expect(await dana.page.getByText('not paid yet').count()).toBeGreaterThan(0);
    await shot(dana.page, '31-renewal-submitted');
    await dana.context.close();

    // The check arrives: dated today, the whole fee, from Dana.
    const admin = await app.signedIn('admin@namss.demo');
    await admin.page.getByRole('link', { name: 'Invoices', exact: true }).click();
    await admin.page.getByRole('link', { name: invoiceNumber }).click();
    const check = admin.page.getByRole('form', { name: 'Record a check' });
    await expect.poll(() => check.count(), { timeout: 15_000 }).toBe(1);
    await check.getByLabel('Check number').fill('2291');
    await check.getByLabel(/^Amount/).fill('425.00');
    await check.getByLabel('Date written on the check').fill(e2eNow().toISOString().slice(0, 10));
    await check.getByLabel('Name on the check').fill('Dana Whitfield');
    await shot(admin.page, '32-record-check');
    await check.getByRole('button', { name: 'Record the check' }).click();
    await expect.poll(() => admin.page.getByText('Paid', { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await admin.context.close();

    // A reviewer approves the paid application from the queue.
    const reviewer = await app.signedIn('reviewer@namss.demo');
    await reviewer.page.getByRole('link', { name: 'Renewal applications' }).click();
    await reviewer.page.getByRole('link', { name: 'Dana Whitfield · CPCS' }).click();
    const approve = reviewer.page.getByRole('button', { name: 'Approve renewal' });
    await expect.poll(() => approve.count(), { timeout: 15_000 }).toBe(1);
    // The random draw may pick any application for audit: then each certificate is checked and accepted first.
    const accept = reviewer.page.getByRole('button', { name: 'Accept', exact: true });
    const items = await accept.count();
    for (let i = 0; i < items; i++) {
      await accept.nth(i).click();
      await expect.poll(() => reviewer.page.getByText('accepted', { exact: true }).count(), { timeout: 15_000 }).toBe(i + 1);
    }
    await expect.poll(() => approve.isEnabled(), { timeout: 15_000 }).toBe(true);
    await shot(reviewer.page, '33-staff-renewal');
    await approve.click();
    await expect.poll(() => reviewer.page.getByText('Approved', { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await reviewer.context.close();

    // Anyone: Dana is in good standing through the end of the next cycle.
    const visitor = await app.visitor('/standing/namss?q=Dana%20Whitfield');
    const person = visitor.page
      .getByRole('listitem')
      .filter({ has: visitor.page.getByRole('heading', { name: 'Dana Whitfield' }) });
    await expect.poll(() => person.count(), { timeout: 15_000 }).toBe(1);
    const cpcs = person.getByRole('listitem').filter({ hasText: 'CPCS' });
    expect(await cpcs.getByText('In good standing', { exact: true }).count()).toBe(1);
    expect(await cpcs.getByText('Valid through').locator('xpath=following-sibling::dd').textContent()).toBe('Dec 1, 2029');
    await shot(visitor.page, '34-good-standing-renewed');
    await visitor.page.setViewportSize({ width: 390, height: 900 });
    await expectFits(visitor.page);
    await visitor.context.close();
  }, 120_000);
});
