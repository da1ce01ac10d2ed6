import { describe, expect, it } from 'vitest';
import { expectFits, journeys, shot } from './journey';

const app = journeys();

describe('a certificant\u2019s notices', () => {
  it('opens them from the navigation, reads the courtesy statement, and turns reminders off but not mandatory notices', async () => {
    const { context, page } = await app.signedIn('sam@namss.demo', 390);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: /My notices/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Notices', exact: true }).count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => page.getByText('You alone are responsible for your deadlines; this reminder is a courtesy.').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await shot(page, 'notices-01-inbox');
    await expectFits(page);

    await page.getByRole('link', { name: 'Choose which you receive by e-mail' }).click();
    await expect
      .poll(() => page.getByRole('switch', { name: 'Reminders before the renewal is due' }).count(), { timeout: 15_000 })
      .toBe(1);
    const lapsed = page.getByRole('switch', { name: 'The certification has lapsed' });
    expect(await lapsed.isDisabled()).toBe(true);
    expect(await lapsed.isChecked()).toBe(true);
    expect(await page.getByText(/sends this notice to every certificant\./).count()).toBeGreaterThan(0);
    await page.getByRole('switch', { name: 'Reminders before the renewal is due' }).uncheck({ force: true });
    await page.getByRole('button', { name: 'Save choices' }).click();
    await expect.poll(() => page.getByText('Your choices are saved.').count(), { timeout: 15_000 }).toBe(1);
    await page.reload();
    await expect
      .poll(() => page.getByRole('switch', { name: 'Reminders before the renewal is due' }).isChecked(), { timeout: 15_000 })
      .toBe(false);
    await shot(page, 'notices-02-preferences');
    await expectFits(page);
    await context.close();
  }, 90_000);
});
