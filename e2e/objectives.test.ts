import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('a strategic objective on an account', () => {
  it('the rep sets an objective, invites a colleague, who is notified, adds an insight and takes a task shown on their Today', async () => {
    const headers = { origin: baseUrl };
    const repContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const signup = await repContext.request.post(`${baseUrl}/api/v1/signup`, {
      headers,
      data: { workspaceName: 'Northwind Analytics', name: 'Olivia Owner', email: 'olivia@northwind.example', password: 'owner passphrase here', timeZone: 'UTC' },
    });
    expect(signup.status()).toBe(201);
    const account = (await (await repContext.request.post(`${baseUrl}/api/v1/accounts`, { headers, data: { name: 'Globex' } })).json()) as { id: string };
    const deal = await repContext.request.post(`${baseUrl}/api/v1/opportunities`, {
      headers,
      data: { accountId: account.id, name: 'Munich plant rollout', amount: { amountMinor: 12_000_000, currency: 'EUR' }, closeDate: inDays(90) },
    });
    expect(deal.status()).toBe(201);
    // A colleague joins through an invite.
    const invite = (await (await repContext.request.post(`${baseUrl}/api/v1/invites`, { headers, data: { email: 'colin@northwind.example', role: 'rep' } })).json()) as { url: string };
    const colleagueContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const joined = await colleagueContext.request.post(`${baseUrl}/api/v1/invites/accept`, {
      headers,
      data: { token: new URL(invite.url).pathname.split('/').pop(), name: 'Colin Colleague', password: 'colleague passphrase', timeZone: 'UTC' },
    });
    expect(joined.status()).toBe(201);

    const { page, errors } = await newPage(repContext);
    await page.goto(`${baseUrl}/accounts/${account.id}`);
    await action(page, 'Add objective').click();
    await page.getByLabel('Objective', { exact: true }).fill('Become their analytics platform in Germany');
    await page.getByLabel('Kind').selectOption({ label: 'New region' });
    await page.getByLabel('Client goal').fill('Cut reporting time for the German plants in half');
    await page.getByLabel('Currency', { exact: true }).selectOption('EUR');
    await page.getByLabel('Financial target').fill('300,000');
    await page.getByLabel('Target date').fill(inDays(120));
    await page.getByLabel(/Munich plant rollout/).check();
    await action(page, 'Set objective').click();
    await expect.poll(() => page.url()).toContain('/objectives/');
    await expect.poll(() => page.getByRole('heading', { name: 'Become their analytics platform in Germany' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('€300,000').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Munich plant rollout' }).isVisible()).toBe(true);

    await page.getByLabel('Invite', { exact: true }).selectOption({ label: 'Colin Colleague' });
    await action(page, 'Invite').click();
    await expect.poll(() => page.getByRole('button', { name: 'Remove Colin Colleague' }).isVisible()).toBe(true);
    await screenshot(page, 'objective-owner');
    expect(await axe(page, 'objective page')).toEqual([]);

    // The colleague is notified, opens the objective, adds an insight and takes a task.
    const { page: colin, errors: colinErrors } = await newPage(colleagueContext);
    await colin.goto(`${baseUrl}/notifications`);
    await colin.getByRole('link', { name: /invited you to contribute to the objective/ }).click();
    await expect.poll(() => colin.getByRole('heading', { name: 'Become their analytics platform in Germany' }).isVisible()).toBe(true);
    await colin.getByLabel('Your insight').fill('They are hiring a data team in Munich');
    await action(colin, 'Add insight').click();
    await expect.poll(() => colin.getByText('They are hiring a data team in Munich', { exact: true }).isVisible()).toBe(true);
    await colin.getByLabel('Task', { exact: true }).fill('Introduce our Munich partner');
    await colin.getByLabel('Due', { exact: true }).fill(inDays(3));
    await action(colin, 'Add task').click();
    await expect.poll(() => colin.getByRole('link', { name: 'Introduce our Munich partner' }).isVisible()).toBe(true);
    // The objective's history tells who invited whom, the insight and the task, in words.
    const history = colin.getByRole('region', { name: 'History' });
    await expect.poll(() => history.innerText()).toMatch(/Olivia Owner invited Colin Colleague to contribute/);
    await expect.poll(() => history.innerText()).toMatch(/Colin Colleague added an insight: “They are hiring a data team in Munich”/);
    await expect.poll(() => history.innerText()).toMatch(/Colin Colleague added task “Introduce our Munich partner” for Colin Colleague, due /);

    await colin.goto(`${baseUrl}/today`);
    await expect.poll(() => colin.getByRole('link', { name: 'Introduce our Munich partner' }).isVisible()).toBe(true);
    await expect.poll(() => colin.getByText('Become their analytics platform in Germany · Globex').isVisible()).toBe(true);
    await action(colin, 'Mark done: Introduce our Munich partner').click();
    await expect.poll(() => colin.getByRole('link', { name: 'Introduce our Munich partner' }).count()).toBe(0);
    await screenshot(colin, 'objective-today');

    expect(errors).toEqual([]);
    expect(colinErrors).toEqual([]);
    await repContext.close();
    await colleagueContext.close();
  });
});
