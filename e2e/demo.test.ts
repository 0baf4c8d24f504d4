import { describe, expect, it } from 'vitest';
import { action, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

describe('the demo workspace', () => {
  it('opens from the first page and shows a team’s real-looking data', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const { page, errors } = await newPage(context);
    await page.goto(baseUrl);
    await expect.poll(() => page.getByRole('heading', { name: /Welcome to Advance/ }).isVisible()).toBe(true);
    await screenshot(page, 'first-run');
    await action(page, 'Explore the demo workspace').click();
    await expect.poll(() => page.getByText('Northwind Demo').first().isVisible(), { timeout: 15_000 }).toBe(true);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Opportunities' }).click();
    const rows = page.getByRole('region', { name: 'Opportunity list' }).getByRole('link');
    await expect.poll(() => rows.count()).toBeGreaterThan(20);
    await screenshot(page, 'opportunities');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
    const accounts = page.getByRole('region', { name: 'Account list' }).getByRole('link');
    await expect.poll(() => accounts.count()).toBeGreaterThan(20);
    await screenshot(page, 'accounts');
    await accounts.first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'History' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Contacts' }).isVisible()).toBe(true);
    await screenshot(page, 'account');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await expect.poll(() => page.getByText(/EMEA|team/i).first().isVisible()).toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    await screenshot(page, 'today');

    expect(errors).toEqual([]);
    await context.close();
  });
});
