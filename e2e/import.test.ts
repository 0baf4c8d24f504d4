import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();
const FIXTURES = path.resolve('src/server/features/imports/fixtures');

/** Uploads a fixture on Settings → Import and lands on its page (the columns already mapped). */
async function upload(page: Page, fixture: string, holds: string) {
  await page.goto(`${baseUrl}/settings/import`);
  await page.getByLabel('The file holds').selectOption({ label: holds });
  await page.getByLabel('CSV file').setInputFiles({ name: fixture.replace('salesforce-', ''), mimeType: 'text/csv', buffer: fs.readFileSync(path.join(FIXTURES, fixture)) });
  await action(page, 'Upload and preview').click();
  await expect.poll(() => page.url()).toMatch(/\/settings\/import\/[0-9a-f-]{36}$/);
}

async function runToDone(page: Page) {
  await page.getByRole('button', { name: /^Import \d+ rows?$/ }).click();
  await expect.poll(() => page.getByText(/read — done/).isVisible(), { timeout: 20_000 }).toBe(true);
}

describe('importing from Salesforce', () => {
  it('an admin imports the Data Export files with one bad row, watches the progress and opens an imported opportunity', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const headers = { origin: baseUrl };
    const signup = await context.request.post(`${baseUrl}/api/v1/signup`, {
      headers,
      data: { workspaceName: 'Northwind Traders', name: 'Ada Admin', email: 'ada@northwind.example', password: 'admin passphrase here', timeZone: 'Europe/London' },
    });
    expect(signup.status()).toBe(201);
    // The sales team the export's owners are: invited and joined through the API.
    for (const [name, email] of [['Ana Ruiz', 'ana.ruiz@northwind.example'], ['Ben Okafor', 'ben.okafor@northwind.example']]) {
      const invite = await context.request.post(`${baseUrl}/api/v1/invites`, { headers, data: { email, role: 'rep', teamId: null } });
      const token = new URL((await invite.json()).url).pathname.split('/').pop();
      const joined = await (await browser.newContext()).request.post(`${baseUrl}/api/v1/invites/accept`, { headers, data: { token, name, password: 'rep passphrase here' } });
      expect(joined.status()).toBe(201);
    }

    const { page, errors } = await newPage(context);
    await page.goto(`${baseUrl}/settings`);
    await action(page, 'Import').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Import from a CRM' }).isVisible()).toBe(true);
    expect(await axe(page, 'settings, import')).toEqual([]);

    // Users first, so Salesforce's owner ids find Ana and Ben; then the accounts.
    await upload(page, 'salesforce-User.csv', 'Users (to match owners)');
    await runToDone(page);
    await upload(page, 'salesforce-Account.csv', 'Accounts');
    await expect.poll(() => page.getByLabel('The file comes from').inputValue()).toBe('salesforce');
    await runToDone(page);
    await expect.poll(() => page.getByText('3 created · 0 updated · 0 unchanged · 0 skipped').isVisible()).toBe(true);

    // The opportunities: the columns are mapped from Salesforce's names, the preview shows the first rows.
    await upload(page, 'salesforce-Opportunity.csv', 'Opportunities');
    await expect.poll(() => page.getByLabel('Close date').inputValue()).toBe('CloseDate');
    await expect.poll(() => page.getByRole('cell', { name: 'Acme – Line 2 rollout' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Check every row' }).click();
    await expect.poll(() => page.getByText('4 rows: 3 to create, 0 to update, 1 with problems').isVisible()).toBe(true);
    const problem = page.getByRole('row').filter({ hasText: 'not a real date' });
    await expect.poll(() => problem.textContent()).toMatch(/^5CloseDate.*2026-02-30/);
    await screenshot(page, 'import-dry-run');
    expect(await axe(page, 'import, columns, preview and dry run')).toEqual([]);

    await page.getByRole('button', { name: 'Import 4 rows' }).click();
    // The progress bar, then the counts: the bad row is skipped, the others are in.
    await expect.poll(() => page.getByRole('progressbar').count()).toBe(1);
    await expect.poll(() => page.getByText(/4 of 4 rows read — done/).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByRole('progressbar').getAttribute('value')).toBe('4');
    await expect.poll(() => page.getByText('3 created · 0 updated · 0 unchanged · 1 skipped').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('row').filter({ hasText: '0065g00000AbCdHAAV' }).textContent()).toContain('not a real date');
    await screenshot(page, 'import-done');
    expect(await axe(page, 'import, done with a skipped row')).toEqual([]);

    // Left and come back: the import page shows the same result; then opens an imported deal.
    await page.goto(`${baseUrl}/settings/import`);
    await expect.poll(() => page.getByText(/3 created, 0 updated, 1 skipped/).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Opportunity.csv' }).click();
    await page.getByLabel('Show').selectOption({ label: 'Created (3)' });
    await page.getByRole('link', { name: 'Open the opportunity of row 2' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Acme – Line 2 rollout' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Acme, Inc.').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Ana Ruiz').first().isVisible()).toBe(true);
    await screenshot(page, 'imported-opportunity');
    expect(errors).toEqual([]);
  });
});
