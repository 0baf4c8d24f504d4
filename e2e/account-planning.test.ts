import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance, teamWorkspace } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('account planning: a yearly target against the objectives', () => {
  it('the manager sets a rep’s yearly target and sees the gap, for the rep and the team', async () => {
    const { headers, adminContext, api, manager, rep, close } = await teamWorkspace(browser, baseUrl, { workspaceName: 'Northwind Analytics', domain: 'northwind.example' });
    // The fiscal year starts this month, so the objectives below (due in the next weeks) fall in the current year whatever the date.
    const fiscal = (await (await api.get(`${baseUrl}/api/v1/workspace/fiscal-year`)).json()) as { version: number };
    const month = new Date().getUTCMonth() + 1;
    expect((await api.patch(`${baseUrl}/api/v1/workspace/fiscal-year`, { headers, data: { fiscalYearStartMonth: month, version: fiscal.version } })).status()).toBe(200);

    // The rep's objectives for the year: 300 000 and 250 000 dollars, and 100 000 euros (kept apart).
    const account = (await (await rep.context.request.post(`${baseUrl}/api/v1/accounts`, { headers, data: { name: 'Globex' } })).json()) as { id: string };
    for (const [title, amountMinor, currency, days] of [
      ['Renew the EMEA contract', 30_000_000, 'USD', 20],
      ['Open the plant in Lyon', 25_000_000, 'USD', 40],
      ['Their German subsidiary', 10_000_000, 'EUR', 50],
    ] as const) {
      const made = await rep.context.request.post(`${baseUrl}/api/v1/accounts/${account.id}/objectives`, {
        headers,
        data: { title, kind: 'expansion', target: { amountMinor, currency }, targetDate: inDays(days) },
      });
      expect(made.status()).toBe(201);
    }

    // The manager opens Account planning from the navigation: her team, rep by rep.
    const { page, errors } = await newPage(manager.context);
    await page.goto(`${baseUrl}/today`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account planning' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Account planning' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('row', { name: /Rita Rep/ }).isVisible()).toBe(true);
    expect(await page.getByRole('row', { name: /Rita Rep/ }).innerText()).toMatch(/not set/);

    // She opens Rita's year and sets the target.
    await page.getByRole('link', { name: 'Rita Rep' }).click();
    await expect.poll(() => page.getByText('$550,000').isVisible()).toBe(true);
    await action(page, 'Set target').click();
    await page.getByLabel(/Rita Rep’s target for FY\d{4}/).fill('1,000,000');
    await action(page, 'Save target').click();
    await expect.poll(() => page.getByText('$450,000 to find').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('$1,000,000').first().isVisible()).toBe(true);
    // The euro objective is shown apart, never added to the dollar target.
    await expect.poll(() => page.getByText(/€100,000/).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Open the plant in Lyon' }).isVisible()).toBe(true);
    await screenshot(page, 'planning-rep');
    expect(await axe(page, 'a rep’s account planning (manager)')).toEqual([]);

    // Back on the team: Rita's gap and the team's total.
    await action(page, 'Team planning').click();
    await expect.poll(() => page.getByRole('row', { name: /Rita Rep/ }).innerText()).toMatch(/\$450,000 to find/);
    await expect.poll(() => page.getByText(/Target \$1,000,000, objectives \$550,000: \$450,000 to find/).isVisible()).toBe(true);
    await screenshot(page, 'planning-team');
    expect(await axe(page, 'team account planning')).toEqual([]);

    // The admin finds the fiscal year among the workspace settings.
    const { page: adminPage, errors: adminErrors } = await newPage(adminContext);
    await adminPage.goto(`${baseUrl}/settings/workspace`);
    await expect.poll(() => adminPage.getByRole('heading', { name: 'Fiscal year' }).isVisible()).toBe(true);
    await expect.poll(() => adminPage.getByLabel('Currency of yearly targets').inputValue()).toBe('USD');
    expect(await axe(adminPage, 'workspace settings with the fiscal year')).toEqual([]);

    expect(errors).toEqual([]);
    expect(adminErrors).toEqual([]);
    await close();
  });
});
