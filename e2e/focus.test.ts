import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';
import { rejudgeFlags } from '../src/server/features/focus/stored.js';

const { baseUrl, db } = await startAdvance();
const browser = await launchBrowser();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('focus: a chased deal', () => {
  it('shows on Focus with its reasons and next moves, is found by the flag filter and exported as the list shows it, and leaves the list when the rep walks away; the admin downloads the workspace', async () => {
    const headers = { origin: baseUrl };
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const signup = await context.request.post(`${baseUrl}/api/v1/signup`, {
      headers,
      data: { workspaceName: 'Northwind Analytics', name: 'Olivia Owner', email: 'olivia@northwind.example', password: 'owner passphrase here', timeZone: 'UTC' },
    });
    expect(signup.status()).toBe(201);
    const account = (await (await context.request.post(`${baseUrl}/api/v1/accounts`, { headers, data: { name: 'Globex' } })).json()) as { id: string };
    const deal = async (name: string) => {
      const res = await context.request.post(`${baseUrl}/api/v1/opportunities`, { headers, data: { accountId: account.id, name, amount: { amountMinor: 4_500_000, currency: 'EUR' }, closeDate: inDays(60) } });
      expect(res.status()).toBe(201);
      return (await res.json()) as { id: string };
    };
    const chased = await deal('Munich plant rollout');
    const healthy = await deal('Hamburg pilot');
    // What four calls without an advance, over six weeks, leave on the deal (the interactions and
    // qualification features keep these in the same transaction as a result or an answer).
    await db
      .updateTable('opportunities')
      .set({ no_advance_streak: 4, results_count: 4, created_at: new Date(Date.now() - 45 * 86_400_000 - 60_000).toISOString() })
      .where('id', '=', chased.id)
      .execute();
    await db.updateTable('opportunities').set({ results_count: 2, change_commitment: 'evidenced' }).where('id', '=', healthy.id).execute();
    for (const d of [chased, healthy]) await rejudgeFlags(db, d.id);

    const { page, errors } = await newPage(context);
    await page.goto(`${baseUrl}/today`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Focus' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Focus', level: 1 }).isVisible()).toBe(true);
    const card = page.getByRole('article', { name: 'Munich plant rollout' });
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await page.getByRole('article', { name: 'Hamburg pilot' }).count()).toBe(0);
    // Each flag with its reason in plain words, the figures with their n, the next moves.
    await expect.poll(() => card.getByText('4 calls in a row without an advance').isVisible()).toBe(true);
    expect(await card.getByText('No commitment to change after 45 days and 4 calls').isVisible()).toBe(true);
    expect(await card.getByText('4 in a row without an advance, of 4 calls with a result').isVisible()).toBe(true);
    expect(await card.getByText('None recorded').isVisible()).toBe(true);
    const moves = card.getByRole('region', { name: 'Suggested next moves' });
    expect(await moves.getByText('Ask for a commitment.').isVisible()).toBe(true);
    expect(await moves.getByText('Talk through the cost of inaction.').isVisible()).toBe(true);
    expect(await moves.getByText('Walk away.').isVisible()).toBe(true);
    await screenshot(page, 'focus');
    expect(await axe(page, 'focus page')).toEqual([]);

    // The opportunity list finds it by its flag, and says why.
    await page.goto(`${baseUrl}/opportunities`);
    await expect.poll(() => page.getByRole('link', { name: 'Hamburg pilot' }).isVisible()).toBe(true);
    await page.getByLabel('Flag').selectOption({ label: 'Calls without an advance' });
    await expect.poll(() => page.getByRole('link', { name: 'Hamburg pilot' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: 'Munich plant rollout' }).isVisible()).toBe(true);
    expect(await page.getByText('4 calls in a row without an advance').isVisible()).toBe(true);
    // "Export CSV" downloads the list as filtered on screen: the chased deal with its flag, not the other.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^opportunities-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Munich plant rollout');
    expect(csv).toContain('no_advance_streak');
    expect(csv).not.toContain('Hamburg pilot');
    expect(page.url()).toContain('flag=no_advance_streak');
    expect(await axe(page, 'opportunities filtered by flag')).toEqual([]);

    // The deal's own page shows the same flags with their reasons, the figures and the next moves.
    await page.getByRole('link', { name: 'Munich plant rollout' }).click();
    const own = page.getByRole('article', { name: 'Signs of a chased deal' });
    await expect.poll(() => own.isVisible()).toBe(true);
    expect(await own.getByText('4 calls in a row without an advance').isVisible()).toBe(true);
    expect(await own.getByText('No commitment to change after 45 days and 4 calls').isVisible()).toBe(true);
    const ownMoves = own.getByRole('region', { name: 'Suggested next moves' });
    expect(await ownMoves.getByText('Ask for a commitment.').isVisible()).toBe(true);
    expect(await ownMoves.getByText('Walk away.').isVisible()).toBe(true);
    expect(await own.getByRole('button', { name: 'Walk away from Munich plant rollout' }).isVisible()).toBe(true);
    await screenshot(page, 'opportunity-focus');
    expect(await axe(page, 'opportunity page with its focus flags')).toEqual([]);
    // A healthy deal's page shows none.
    const answered = page.waitForResponse((r) => r.url().includes(`/api/v1/opportunities/${healthy.id}/focus`));
    await page.goto(`${baseUrl}/opportunities/${healthy.id}`);
    expect((await answered).status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { name: 'Hamburg pilot', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByRole('article', { name: 'Signs of a chased deal' }).count()).toBe(0);

    // Walk away: a reason is required; then the deal closes and leaves Focus.
    await page.goto(`${baseUrl}/focus`);
    await card.getByRole('button', { name: 'Walk away from Munich plant rollout' }).click();
    const dialog = page.getByRole('dialog', { name: 'Walk away from “Munich plant rollout”?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Walk away' }).click();
    await expect.poll(() => dialog.getByText('Say why the deal was lost or walked away from.').isVisible()).toBe(true);
    expect(await axe(page, 'walk away dialog')).toEqual([]);
    await dialog.getByLabel('Reason').fill('Four calls and no one who can decide; they see no cost in waiting.');
    await dialog.getByRole('button', { name: 'Walk away' }).click();
    await expect.poll(() => page.getByRole('article', { name: 'Munich plant rollout' }).count()).toBe(0);
    await expect.poll(() => page.getByText('No chased deals').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Walked away from Munich plant rollout.' }).count()).toBe(1);

    // The deal itself says so, with the reason.
    await page.goto(`${baseUrl}/opportunities/${chased.id}`);
    await expect.poll(() => page.getByText('“Four calls and no one who can decide; they see no cost in waiting.”', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('article', { name: 'Signs of a chased deal' }).count()).toBe(0);

    // An admin sets the thresholds in the workspace settings.
    await page.goto(`${baseUrl}/settings/workspace`);
    const thresholds = page.getByRole('region', { name: 'Focus thresholds' });
    await expect.poll(() => thresholds.getByLabel('Calls in a row without an advance').inputValue()).toBe('3');
    await thresholds.getByLabel('Calls in a row without an advance').fill('1');
    await action(page, 'Save thresholds').click();
    await expect.poll(() => thresholds.getByText('Calls in a row without an advance: a whole number from 2 to 20.').isVisible()).toBe(true);
    await thresholds.getByLabel('Calls in a row without an advance').fill('5');
    await thresholds.getByLabel('Days open without a commitment to change').fill('60');
    await action(page, 'Save thresholds').click();
    await expect.poll(() => thresholds.getByText('Focus thresholds saved.').isVisible()).toBe(true);
    expect(await axe(page, 'settings with focus thresholds')).toEqual([]);
    // And the admin takes the whole workspace with them as one zip.
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download workspace (zip)' }).click()]);
    expect(zip.suggestedFilename()).toMatch(/^advance-northwind-analytics-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(fs.readFileSync(await zip.path()).subarray(0, 2).toString()).toBe('PK');
    await expect.poll(() => page.getByRole('status').getByText(/Downloaded advance-northwind-analytics/).isVisible()).toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });
});
