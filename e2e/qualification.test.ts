import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The text a field's error (or hint) shows, as assistive tech reads it: the element its aria-describedby names. */
async function descriptionOf(page: Page, label: string): Promise<string> {
  const id = await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby');
  return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? '') : '';
}

describe('qualifying a deal behind the stage gate', () => {
  it('the admin sets the sweet spot and a gate; a move into the gated stage is refused beside the stage; with evidence recorded the move goes through', async () => {
    const headers = { origin: baseUrl };
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const signup = await context.request.post(`${baseUrl}/api/v1/signup`, {
      headers,
      data: { workspaceName: 'Northwind Analytics', name: 'Ada Admin', email: 'ada@northwind.example', password: 'admin passphrase here', timeZone: 'UTC' },
    });
    expect(signup.status()).toBe(201);
    const account = (await (await context.request.post(`${baseUrl}/api/v1/accounts`, { headers, data: { name: 'Globex' } })).json()) as { id: string };
    expect((await context.request.post(`${baseUrl}/api/v1/contacts`, { headers, data: { accountId: account.id, name: 'Carla Buyer' } })).status()).toBe(201);
    const deal = (await (
      await context.request.post(`${baseUrl}/api/v1/opportunities`, {
        headers,
        data: { accountId: account.id, name: 'Munich plant rollout', amount: { amountMinor: 12_000_000, currency: 'EUR' }, closeDate: inDays(90) },
      })
    ).json()) as { id: string };

    // Settings: one sweet-spot criterion, and the gate at Proposal.
    const { page, errors } = await newPage(context);
    await page.goto(`${baseUrl}/settings/stages`);
    // A new stage: an empty name is refused beside the field, then the stage is added at the end.
    await action(page, 'Add stage').click();
    await expect.poll(() => page.getByLabel('New stage').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('New stage').fill('Security review');
    await action(page, 'Add stage').click();
    await expect.poll(() => page.getByLabel('New stage').inputValue()).toBe('');
    await expect.poll(() => page.getByRole('button', { name: 'Archive stage Security review' }).isVisible()).toBe(true);
    await page.getByLabel('New criterion').fill('Runs more than one plant');
    await action(page, 'Add criterion').click();
    await expect.poll(() => page.getByLabel('Name of criterion 1').inputValue()).toBe('Runs more than one plant');
    await page.getByLabel('Require an evidenced commitment to change').selectOption({ label: 'From “Proposal” on' });
    await action(page, 'Save stage gate').click();
    await expect.poll(() => page.getByText(/Saved\. On: moving a deal into “Proposal” or a later stage needs an evidenced commitment to change\./).isVisible()).toBe(true);
    expect(await axe(page, 'settings: stages and qualification')).toEqual([]);
    await screenshot(page, 'qualification-settings');

    // The rep's move into Proposal is refused, and the page says why beside the stage.
    await page.goto(`${baseUrl}/opportunities/${deal.id}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Qualification' }).isVisible()).toBe(true);
    await action(page, 'Edit').click();
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Proposal' });
    await expect.poll(() => page.getByText('From “Proposal” on, a deal needs an evidenced commitment to change.').isVisible()).toBe(true);
    await page.getByRole('region', { name: 'Edit opportunity' }).getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByLabel('Stage', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(page, 'Stage')).toBe(
      'Moving this deal to “Proposal” needs an evidenced commitment to change. None is recorded yet: record what the customer said or did to show they will change, who said it and when.',
    );
    expect(await page.getByRole('link', { name: 'Record the commitment to change' }).isVisible()).toBe(true);
    expect(await axe(page, 'opportunity: stage gate refusal')).toEqual([]);
    await screenshot(page, 'qualification-refused');

    // Record the evidence from the link beside the stage: the qualification form opens.
    await page.getByRole('link', { name: 'Record the commitment to change' }).click();
    const form = page.getByRole('region', { name: 'Edit qualification' });
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.getByLabel('Runs more than one plant').selectOption({ label: 'Met' });
    await form.getByLabel('Commitment to change', { exact: true }).selectOption({ label: 'Evidenced' });
    await form.getByLabel('Evidence').fill('Their COO put the rollout in the board plan for Q3');
    await form.getByLabel('Who said it').selectOption({ label: 'Carla Buyer' });
    await form.getByLabel('Said on').fill(today());
    await form.getByLabel('What not changing costs them').fill('Two plants keep reporting by hand: a week of work every month');
    await form.getByLabel('Per month (EUR)').fill('8,000');
    expect(await axe(page, 'opportunity: qualification form')).toEqual([]);
    await screenshot(page, 'qualification-form');
    await form.getByRole('button', { name: 'Save changes' }).click();
    const card = page.getByRole('region', { name: 'Qualification' });
    await expect.poll(() => card.getByText('Evidenced', { exact: true }).isVisible()).toBe(true);
    expect(await card.getByText('Their COO put the rollout in the board plan for Q3').isVisible()).toBe(true);
    expect(await card.getByText(/Said by Carla Buyer on/).isVisible()).toBe(true);
    expect(await card.getByText('1 of 1 met').isVisible()).toBe(true);

    // The same move, saved again from the still-open form, now goes through.
    await page.getByRole('region', { name: 'Edit opportunity' }).getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Edit opportunity' }).count()).toBe(0);
    const saved = (await (await context.request.get(`${baseUrl}/api/v1/opportunities/${deal.id}`)).json()) as { stage: { name: string } };
    expect(saved.stage.name).toBe('Proposal');
    await expect.poll(() => page.getByRole('region', { name: 'History' }).getByText('changed commitment to change: “None yet” → “Evidenced”').isVisible()).toBe(true);
    await screenshot(page, 'qualification-evidenced');
    expect(await axe(page, 'opportunity: qualified')).toEqual([]);

    // The refused move is the one failed request, logged by the browser as such; nothing else went wrong.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    await context.close();
  });
});
