import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

describe('the demo workspace', () => {
  it('opens from the first page and shows a team’s real-looking data; the manager sees the team', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const { page, errors } = await newPage(context);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await page.goto(baseUrl);
    await expect.poll(() => page.getByRole('heading', { name: /Welcome to Advance/ }).isVisible()).toBe(true);
    await screenshot(page, 'first-run');
    expect(await axe(page, 'first run')).toEqual([]);
    await action(page, 'Explore the demo workspace').click();
    await expect.poll(() => page.getByText('Northwind Demo').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Confirm or re-date' }).isVisible()).toBe(true);
    // A manager's Today opens on the team, and asks him first for the outcome of yesterday's meeting.
    expect(await page.getByRole('radio', { name: 'My team' }).isChecked()).toBe(true);
    await expect.poll(() => page.getByText('Record the outcome · 1 interaction').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Your advance rate/).first().isVisible()).toBe(true);
    expect(await axe(page, 'Today')).toEqual([]);

    await nav.getByRole('link', { name: 'Opportunities' }).click();
    const rows = page.getByRole('region', { name: 'Opportunity list' }).getByRole('link');
    await expect.poll(() => rows.count()).toBeGreaterThan(20);
    await screenshot(page, 'opportunities');
    expect(await axe(page, 'opportunities')).toEqual([]);
    await rows.first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'History' }).isVisible()).toBe(true);
    const dealUrl = page.url();
    // Deals are qualified: the card says how well the deal fits and what the customer committed to.
    await expect.poll(() => page.getByText('Sweet-spot fit').isVisible()).toBe(true);
    // …and its calls: each with the outcome planned for it and what came of it.
    await expect.poll(() => page.getByRole('region', { name: 'Latest results' }).isVisible()).toBe(true);
    expect(await axe(page, 'an opportunity')).toEqual([]);

    await nav.getByRole('link', { name: 'Accounts' }).click();
    const accounts = page.getByRole('region', { name: 'Account list' }).getByRole('link');
    await expect.poll(() => accounts.count()).toBeGreaterThan(20);
    await screenshot(page, 'accounts');
    await accounts.first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'History' }).isVisible()).toBe(true);
    const accountUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { name: 'Contacts' }).isVisible()).toBe(true);
    await screenshot(page, 'account');
    expect(await axe(page, 'a customer (account)')).toEqual([]);

    await nav.getByRole('link', { name: 'Team' }).click();
    await expect.poll(() => page.getByText(/EMEA|team/i).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('region', { name: 'People', exact: true }).isVisible()).toBe(true);
    expect(await axe(page, 'team')).toEqual([]);

    // Account planning: each rep's yearly target against their objectives, and what is still to find.
    await nav.getByRole('link', { name: 'Account planning' }).click();
    const planning = page.getByRole('region', { name: 'EMEA Mid-Market: each rep’s target and gap' });
    await expect.poll(() => planning.getByRole('row', { name: /Emily Carter/ }).innerText()).toMatch(/£[\d,]+ to find/);
    await expect.poll(() => planning.getByRole('row').count()).toBe(5);
    expect(await axe(page, 'account planning (team)')).toEqual([]);

    // Check-ins: months of 1:1s with each rep, with the answers handed in and the actions kept.
    await nav.getByRole('link', { name: 'Check-ins' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Sophie Laurent', exact: true }).isVisible()).toBe(true);
    const held = page.getByRole('region', { name: 'History' }).getByRole('listitem');
    await expect.poll(() => held.count()).toBeGreaterThan(10);
    expect(await held.filter({ hasText: 'Held' }).first().innerText()).toMatch(/answers handed in/);
    expect(await axe(page, 'check-ins (manager)')).toEqual([]);
    // Coaching: beside each rep's process, how their goals moved.
    await nav.getByRole('link', { name: 'Coaching' }).click();
    // The team's figures, not the closed deals listed further down (Sophie's rows there too).
    const figures = page.getByRole('region', { name: /each rep’s figures/ });
    await expect.poll(() => figures.getByRole('row', { name: /Sophie Laurent/ }).innerText()).toMatch(/\d of 3 active goals moved/);

    // Focus: the team's chased deals, each with its reasons in plain words and the next moves.
    await nav.getByRole('link', { name: 'Focus' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Focus', level: 1 }).isVisible()).toBe(true);
    const solvent = page.getByRole('article', { name: 'Analytics add-on' }).filter({ hasText: 'Solvent Chemie' });
    await expect.poll(() => solvent.getByText('4 calls in a row without an advance').isVisible()).toBe(true);
    expect(await solvent.getByRole('region', { name: 'Suggested next moves' }).getByText('Walk away.').isVisible()).toBe(true);
    await screenshot(page, 'focus-team');
    expect(await axe(page, 'focus (team)')).toEqual([]);

    // The manager opens Plans and sees the team: each rep's row, and their plans in the list.
    await nav.getByRole('link', { name: 'Plans' }).click();
    const summary = page.getByRole('region', { name: 'Your team at a glance' });
    await expect.poll(() => summary.getByRole('rowheader', { name: 'Emily Carter' }).isVisible()).toBe(true);
    await expect.poll(() => summary.getByRole('rowheader', { name: 'Marcus Reid' }).isVisible()).toBe(true);
    const planRows = page.getByRole('region', { name: 'Plan list' }).getByRole('row');
    await expect.poll(() => planRows.count()).toBeGreaterThan(8);
    await screenshot(page, 'plans-team');
    expect(await axe(page, 'plans (my team)')).toEqual([]);
    await page.getByRole('radio', { name: 'Mine' }).check();
    await expect.poll(() => summary.count()).toBe(0);
    await expect.poll(async () => (await planRows.count()) < 8).toBe(true);

    // Unread notifications show in the shell; the list marks them all read.
    const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
    await expect.poll(() => bell.isVisible()).toBe(true);
    await bell.click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Notifications' }).isVisible()).toBe(true);
    expect(await axe(page, 'notifications')).toEqual([]);
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Notifications', exact: true }).isVisible()).toBe(true);

    await nav.getByRole('link', { name: 'Today' }).click();
    await screenshot(page, 'today');

    // On a phone, what customers did comes before the long lists, and the menu takes focus.
    await page.setViewportSize({ width: 390, height: 844 });
    const customers = page.getByRole('heading', { name: 'From your customers' });
    const confirm = page.getByRole('heading', { name: 'Confirm or re-date' });
    await expect.poll(async () => ((await customers.boundingBox())?.y ?? 1e9) < ((await confirm.boundingBox())?.y ?? 0)).toBe(true);
    // …and stays short: the latest five, and the eight deals closing soonest, each with a link to the rest.
    expect(await page.locator('.today-side .notifications > li').count()).toBeLessThanOrEqual(5);
    expect(await page.locator('.today-side .row-item').count()).toBeLessThanOrEqual(8);
    await page.getByRole('button', { name: 'Navigation' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label') ?? null)).toBe('Main');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Navigation');
    // A deal's and a customer's page fit the phone: card headers with several actions wrap, so the
    // browser has no reason to zoom the page out.
    const fitsThePhone = () => page.evaluate(() => document.documentElement.scrollWidth <= 390);
    await page.goto(dealUrl);
    await expect.poll(() => page.getByRole('heading', { name: 'Interactions' }).isVisible()).toBe(true);
    await expect.poll(() => action(page, 'Export interactions').isVisible()).toBe(true);
    expect(await fitsThePhone()).toBe(true);
    await page.goto(accountUrl);
    await expect.poll(() => page.getByRole('heading', { name: 'Contacts' }).isVisible()).toBe(true);
    await expect.poll(() => action(page, 'Add contact').isVisible()).toBe(true);
    expect(await fitsThePhone()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 860 });
    // The wider page loads cards of its own: let them arrive first, or a card asked for while the
    // reset replaces the session is answered 401 (the old session is gone), which the check below counts.
    await page.waitForLoadState('networkidle');

    // "Reset demo" puts the story back as of today.
    await page.getByRole('region', { name: 'Demo workspace' }).getByRole('button', { name: 'Reset demo' }).click();
    await page.getByRole('button', { name: 'Yes, reset' }).click();
    await expect.poll(() => page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).isVisible(), { timeout: 20_000 }).toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });
});
