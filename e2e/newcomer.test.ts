import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

describe('a newcomer', () => {
  it('signs up, creates an account, a contact and an opportunity, signs out and in, and finds them by search', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const { page, errors } = await newPage(context);
    await page.goto(baseUrl);

    await action(page, 'Create your workspace').click();
    await screenshot(page, 'sign-up');
    await page.getByLabel('Workspace name').fill('Kestrel Analytics');
    await page.getByLabel('Your name').fill('Nora Newcomer');
    await page.getByLabel('Email').fill('nora@kestrel.example');
    await page.getByLabel('Password').fill('a sentence is a fine password');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect.poll(() => page.url()).not.toMatch(/sign-?up|welcome/);
    await expect.poll(() => page.getByText('Kestrel Analytics').first().isVisible()).toBe(true);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
    await action(page, 'New account').click();
    await page.getByLabel('Name', { exact: true }).fill('Globex Logistics');
    await page.getByLabel('Domain', { exact: true }).fill('globex-logistics.example');
    await page.getByLabel('Industry', { exact: true }).fill('Freight & logistics');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Globex Logistics' }).isVisible()).toBe(true);

    await action(page, 'Add contact').click();
    await page.getByLabel('Name', { exact: true }).fill('Hana Okafor');
    await page.getByLabel('Title', { exact: true }).fill('VP Operations');
    await page.getByLabel('Email', { exact: true }).fill('hana@globex-logistics.example');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => page.getByText('Hana Okafor').first().isVisible()).toBe(true);

    await page.goto(`${baseUrl}/accounts`);
    await page.getByRole('link', { name: 'Globex Logistics' }).first().click();
    await expect.poll(() => page.getByText('Hana Okafor').first().isVisible()).toBe(true);
    await action(page, 'Add opportunity').click();
    await page.getByLabel('Name', { exact: true }).fill('Warehouse rollout');
    await page.getByLabel('Amount', { exact: true }).fill('48,000');
    await page.getByLabel('Close date', { exact: true }).fill(new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Create opportunity' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Warehouse rollout' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/48,000/).first().isVisible()).toBe(true);
    await screenshot(page, 'opportunity');
    expect(await axe(page, 'an opportunity (new)')).toEqual([]);

    // Sign out, then back in.
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).or(page.getByRole('button', { name: 'Sign out' })).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    await screenshot(page, 'sign-in');
    expect(await axe(page, 'sign-in')).toEqual([]);
    await page.getByLabel('Email').fill('nora@kestrel.example');
    await page.getByLabel('Password').fill('a sentence is a fine password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);

    // Search finds the account and the opportunity.
    // Type into the one search box and submit; if the shell was still settling and the field was
    // re-rendered empty, type again (as a person would).
    const searchFor = async (term: string) => {
      const box = page.getByLabel('Search accounts, contacts, opportunities and plans').first();
      for (let attempt = 0; attempt < 3; attempt++) {
        await box.fill(term);
        await box.press('Enter');
        try {
          await expect.poll(() => page.url(), { timeout: 5_000 }).toContain(`/search?q=${term}`);
          return;
        } catch {
          // try again
        }
      }
      throw new Error(`search for ${term} did not reach the results page`);
    };
    await searchFor('globex');
    await expect.poll(() => page.getByRole('link', { name: /Globex Logistics/ }).first().isVisible()).toBe(true);
    await searchFor('warehouse');
    await expect.poll(() => page.getByRole('link', { name: /Warehouse rollout/ }).first().isVisible()).toBe(true);
    await page.getByRole('link', { name: /Warehouse rollout/ }).first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'Warehouse rollout' }).isVisible()).toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });
});
