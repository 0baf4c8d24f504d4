import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('account planning: a yearly target against the objectives', () => {
  it('the manager sets a rep’s yearly target and sees the gap, for the rep and the team', async () => {
    const headers = { origin: baseUrl };
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const api = adminContext.request;
    const signup = await api.post(`${baseUrl}/api/v1/signup`, {
      headers,
      data: { workspaceName: 'Northwind Analytics', name: 'Ada Admin', email: 'ada@northwind.example', password: 'admin passphrase here', timeZone: 'UTC' },
    });
    expect(signup.status()).toBe(201);
    // The fiscal year starts this month, so the objectives below (due in the next weeks) fall in the current year whatever the date.
    const fiscal = (await (await api.get(`${baseUrl}/api/v1/workspace/fiscal-year`)).json()) as { version: number };
    const month = new Date().getUTCMonth() + 1;
    expect((await api.patch(`${baseUrl}/api/v1/workspace/fiscal-year`, { headers, data: { fiscalYearStartMonth: month, version: fiscal.version } })).status()).toBe(200);

    const join = async (role: 'manager' | 'rep', name: string, email: string, teamId: string | null) => {
      const invite = (await (await api.post(`${baseUrl}/api/v1/invites`, { headers, data: { email, role, teamId } })).json()) as { url: string };
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const res = await context.request.post(`${baseUrl}/api/v1/invites/accept`, {
        headers,
        data: { token: new URL(invite.url).pathname.split('/').pop(), name, password: `${role} passphrase here`, timeZone: 'UTC' },
      });
      expect(res.status()).toBe(201);
      return { context, id: ((await res.json()) as { user: { id: string } }).user.id };
    };
    const manager = await join('manager', 'Maya Manager', 'maya@northwind.example', null);
    const team = (await (await api.post(`${baseUrl}/api/v1/teams`, { headers, data: { name: 'North', managerId: manager.id } })).json()) as { id: string };
    const rep = await join('rep', 'Rita Rep', 'rita@northwind.example', team.id);

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
    await adminContext.close();
    await manager.context.close();
    await rep.context.close();
  });
});
