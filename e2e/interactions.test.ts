import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('an interaction with a planned outcome', () => {
  it('the rep plans a call with its outcome, records it advanced with two agreed actions, and they appear on the mutual plan', async () => {
    const headers = { origin: baseUrl };
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const signup = await context.request.post(`${baseUrl}/api/v1/signup`, {
      headers,
      data: { workspaceName: 'Northwind Analytics', name: 'Olivia Owner', email: 'olivia@northwind.example', password: 'owner passphrase here', timeZone: 'UTC' },
    });
    expect(signup.status()).toBe(201);
    const post = async (url: string, data: unknown) => {
      const res = await context.request.post(`${baseUrl}${url}`, { headers, data });
      expect(res.status(), `${url}: ${await res.text()}`).toBe(201);
      return (await res.json()) as { id: string };
    };
    const account = await post('/api/v1/accounts', { name: 'Globex' });
    await post('/api/v1/contacts', { accountId: account.id, name: 'Carla Buyer' });
    const deal = await post('/api/v1/opportunities', { accountId: account.id, name: 'Lyon rollout', amount: { amountMinor: 12_000_000, currency: 'EUR' }, closeDate: inDays(90) });
    const plan = await post(`/api/v1/opportunities/${deal.id}/plan`, { title: 'Lyon pilot plan', targetDate: inDays(60) });

    const { page, errors } = await newPage(context);
    await page.goto(`${baseUrl}/opportunities/${deal.id}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Interactions' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Too few to judge').first().isVisible()).toBe(true);
    expect(await axe(page, 'opportunity page with interactions')).toEqual([]);
    await action(page, 'Plan an interaction').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Plan an interaction' }).isVisible()).toBe(true);

    // A call "right now" (this minute, on the UTC clock the rep chose): no planned outcome, no call.
    const now = new Date(Date.now() - 60_000).toISOString();
    await page.getByLabel('Day').fill(now.slice(0, 10));
    // A day without a time: said beside Time, in the form's words, where focus goes — not the contract's message beside Day.
    const time = page.getByLabel('Time', { exact: true });
    await action(page, 'Plan it').click();
    await expect.poll(() => page.getByText('Choose the time it starts.').isVisible()).toBe(true);
    await expect.poll(() => time.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByText(/Use a date and time/).count()).toBe(0);
    expect(await page.getByLabel('Day').getAttribute('aria-invalid')).toBeNull();
    await time.fill(now.slice(11, 16));
    await expect.poll(() => page.getByText('Choose the time it starts.').count()).toBe(0);
    await action(page, 'Plan it').click();
    await expect.poll(() => page.getByText('Answer “What will the customer agree to by the end of this call?” before you plan it.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Choose the kind of advance you are aiming for.').isVisible()).toBe(true);
    expect(await axe(page, 'plan an interaction, with field errors')).toEqual([]);

    await page.getByLabel('Kind of advance').selectOption({ label: 'Trial or pilot' });
    await page.getByLabel('What will the customer agree to by the end of this call?').fill('They agree to a 30-day pilot at the Lyon plant');
    await page.getByLabel('Carla Buyer').check();
    await action(page, 'Plan it').click();
    await expect.poll(() => page.url()).toContain('/interactions/');
    await expect.poll(() => page.getByRole('heading', { name: /Call with Globex/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('They agree to a 30-day pilot at the Lyon plant').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('group', { name: 'How did it go?' }).isVisible()).toBe(true);
    expect(await axe(page, 'interaction page, result to record')).toEqual([]);

    // Nothing chosen: the form asks how it went, and the message goes once it is answered.
    await action(page, 'Record the result').click();
    await expect.poll(() => page.getByText(/^Say how it went/).isVisible()).toBe(true);
    // It advanced: what they agreed to, and two actions, one on each side.
    await page.getByLabel(/^Advanced/).check();
    await expect.poll(() => page.getByText(/^Say how it went/).count()).toBe(0);
    await page.getByLabel('What did the customer agree to?').fill('A 30-day pilot starting on the 1st');
    await action(page, 'Add an agreed action').click();
    await action(page, 'Add an agreed action').click();
    const first = page.getByRole('group', { name: 'Action 1' });
    await first.getByLabel('Agreed action').fill('Send the pilot agreement');
    await first.getByLabel('Due').fill(inDays(3));
    const second = page.getByRole('group', { name: 'Action 2' });
    await second.getByLabel('Agreed action').fill('Name the pilot team');
    await second.getByLabel('Whose').selectOption({ label: 'Customer side' });
    await second.getByLabel('Owner').selectOption({ label: 'Carla Buyer' });
    await second.getByLabel('Due').fill(inDays(7));
    await expect.poll(() => page.getByText('They go on the mutual plan “Lyon pilot plan”', { exact: false }).isVisible()).toBe(true);
    expect(await axe(page, 'record the result with agreed actions')).toEqual([]);
    await screenshot(page, 'interaction-record-result');
    await action(page, 'Record the result').click();

    await expect.poll(() => page.getByRole('heading', { name: 'Agreed actions' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Result recorded').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('A 30-day pilot starting on the 1st').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Send the pilot agreement' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Name the pilot team' }).isVisible()).toBe(true);
    // Its history says what happened, in words.
    await expect.poll(() => page.getByText('recorded the result: advanced').isVisible()).toBe(true);
    expect(await axe(page, 'interaction page, advanced')).toEqual([]);
    await screenshot(page, 'interaction-advanced');

    // On the plan, where the customer sees their side.
    await page.getByRole('link', { name: 'Send the pilot agreement' }).click();
    await expect.poll(() => page.url()).toContain(`/plans/${plan.id}`);
    await expect.poll(() => page.getByText('Send the pilot agreement').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Name the pilot team').first().isVisible()).toBe(true);
    expect(await axe(page, 'plan with the agreed actions')).toEqual([]);

    // Today says the advance rate honestly: one result is too few to judge.
    await page.goto(`${baseUrl}/today`);
    await expect.poll(() => page.getByText('Your advance rate:').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('1 advance of 1 interaction with a result — a rate needs at least 5.').isVisible()).toBe(true);
    expect(await axe(page, 'today with interactions')).toEqual([]);

    expect(errors).toEqual([]);
    await context.close();
  });
});
