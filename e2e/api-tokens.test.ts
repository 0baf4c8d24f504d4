import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

describe('API tokens', () => {
  it('a rep makes a read-only token in their settings, copies it once, a script reads with it and is refused a write, then the rep revokes it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const signup = await context.request.post(`${baseUrl}/api/v1/signup`, {
      headers: { origin: baseUrl },
      data: { workspaceName: 'Northwind Traders', name: 'Nadia Rep', email: 'nadia@northwind.example', password: 'a long passphrase here', timeZone: 'America/New_York' },
    });
    expect(signup.status()).toBe(201);
    await context.request.post(`${baseUrl}/api/v1/accounts`, { headers: { origin: baseUrl }, data: { name: 'Contoso Freight' } });

    const { page, errors } = await newPage(context);
    await page.goto(`${baseUrl}/settings/profile`);
    const card = page.getByRole('region', { name: 'API tokens' });
    await expect.poll(() => card.getByLabel('Token name').isVisible()).toBe(true);
    await expect.poll(() => card.getByText('No tokens yet.').isVisible()).toBe(true);

    // A date before today (in New York) is refused beside its field, before anything is sent.
    await card.getByLabel('Token name').fill('Spreadsheet sync');
    await card.getByLabel('Access').selectOption('read');
    await card.getByLabel('Last day it works').fill('2020-01-01');
    await action(page, 'Create token').click();
    await expect.poll(() => card.getByText(/Pick today .* or a later date/).isVisible()).toBe(true);

    await card.getByLabel('Last day it works').fill('2030-06-30');
    await action(page, 'Create token').click();
    const secretField = card.getByLabel('Your new API token');
    await expect.poll(() => secretField.inputValue()).toMatch(/^adv_[A-Za-z0-9_-]{43}$/);
    const secret = await secretField.inputValue();
    await action(page, 'Copy').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const list = card.getByRole('list', { name: 'Your API tokens' });
    await expect.poll(() => list.getByText('Spreadsheet sync').isVisible()).toBe(true);
    await expect.poll(() => list.getByText(/never used/).isVisible()).toBe(true);
    expect(await axe(page, 'settings with a new API token')).toEqual([]);
    await screenshot(page, 'api-tokens');

    // Shown once: after "Done" it is gone from the page for good.
    await action(page, 'Done — I have copied it').click();
    expect(await card.getByLabel('Your new API token').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    // A script, with no cookie: it reads, and a write is refused for a read-only token.
    const script = await browser.newContext();
    const auth = { authorization: `Bearer ${secret}` };
    const read = await script.request.get(`${baseUrl}/api/v1/accounts`, { headers: auth });
    expect(read.status()).toBe(200);
    expect((await read.json()).data.map((a: { name: string }) => a.name)).toEqual(['Contoso Freight']);
    const write = await script.request.post(`${baseUrl}/api/v1/accounts`, { headers: auth, data: { name: 'Not allowed' } });
    expect(write.status()).toBe(403);

    // The list shows the use; revoking asks once more, then the token stops working.
    await page.reload();
    await expect.poll(() => list.getByText(/last used/).isVisible()).toBe(true);
    await action(page, 'Revoke the token “Spreadsheet sync”').click();
    await action(page, 'Revoke “Spreadsheet sync”').click();
    await expect.poll(() => card.getByText('No tokens yet.').isVisible()).toBe(true);
    expect((await script.request.get(`${baseUrl}/api/v1/accounts`, { headers: auth })).status()).toBe(401);

    expect(errors).toEqual([]);
    await script.close();
    await context.close();
  });
});
