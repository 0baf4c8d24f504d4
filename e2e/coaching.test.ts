import fs from 'node:fs';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();
const headers = { origin: baseUrl };

/** A moment ago, but never before today's midnight (UTC, the workspace's zone): inside the current quarter whatever the date. */
const justNow = () => new Date(Math.max(Date.now() - 60_000, Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`))).toISOString();

async function post(api: APIRequestContext, path: string, data: unknown, status = 201) {
  const res = await api.post(`${baseUrl}${path}`, { headers, data });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(status);
  return res.json();
}

/** A workspace (zone UTC) with its admin; people join by invitation, each in a browser context of their own. */
async function workspace(name: string) {
  const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const slug = name.toLowerCase().replace(/\W+/g, '');
  await post(admin.request, '/api/v1/signup', { workspaceName: name, name: 'Ada Admin', email: `ada@${slug}.example`, password: 'admin passphrase here', timeZone: 'UTC' });
  const join = async (role: 'manager' | 'rep', person: string, teamId: string | null): Promise<{ context: BrowserContext; id: string }> => {
    const invite = await post(admin.request, '/api/v1/invites', { email: `${person.split(' ')[0].toLowerCase()}@${slug}.example`, role, teamId });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const me = await post(context.request, '/api/v1/invites/accept', { token: new URL(invite.url).pathname.split('/').pop(), name: person, password: `${role} passphrase here`, timeZone: 'UTC' });
    return { context, id: me.user.id };
  };
  return { admin, join };
}

/** `of` calls logged just now, `advanced` of them advances and the rest continuations. */
async function calls(api: APIRequestContext, accountId: string, counts: { advanced: number; of: number }) {
  for (let i = 0; i < counts.of; i++) {
    const call = await post(api, '/api/v1/interactions', { kind: 'call', accountId, startsAt: justNow(), timeZone: 'UTC', alreadyHappened: true, outcomeKind: 'trial', outcomeStatement: 'They agree to a pilot' });
    const body = i < counts.advanced ? { result: 'advanced', agreed: 'A two-week pilot', version: call.version } : { result: 'continuation', version: call.version };
    await post(api, `/api/v1/interactions/${call.id}/result`, body, 200);
  }
}

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('coaching: process first, differences only where a test finds them', () => {
  it('a manager opens the team page, sees one flagged difference with its test named, and a rep’s charts on a phone', async () => {
    const { admin, join } = await workspace('Northwind Coaching');
    const manager = await join('manager', 'Maya Manager', null);
    const team = await post(admin.request, '/api/v1/teams', { name: 'North', managerId: manager.id });
    const zoe = await join('rep', 'Zoe Zhang', team.id);
    const alice = await join('rep', 'Alice Adams', team.id);
    const bob = await join('rep', 'Bob Brown', team.id);
    // Advances this quarter: Alice 16 of 20, Bob 7 of 20, Zoe 8 of 20 — only Alice's differs from the rest (z = 3.11).
    for (const [who, advanced] of [
      [alice, 16],
      [bob, 7],
      [zoe, 8],
    ] as const) {
      const account = await post(who.context.request, '/api/v1/accounts', { name: `Customer of ${who.id.slice(-4)}` });
      await calls(who.context.request, account.id, { advanced, of: 20 });
    }

    // Alice's deal won this quarter with no plan, no commitment to change, no call on it: a lucky win. She answers first.
    const globex = await post(alice.context.request, '/api/v1/accounts', { name: 'Globex' });
    const deal = await post(alice.context.request, '/api/v1/opportunities', { accountId: globex.id, name: 'Globex renewal', amount: { amountMinor: 4_000_000, currency: 'USD' }, closeDate: justNow().slice(0, 10) });
    expect((await alice.context.request.patch(`${baseUrl}/api/v1/opportunities/${deal.id}`, { headers, data: { status: 'won', version: deal.version } })).status()).toBe(200);
    const yes = { plannedOutcomes: 'yes', advancesWon: 'yes', customerKept: 'yes', mutualPlan: 'partly', changeCommitment: 'yes' };
    await post(alice.context.request, `/api/v1/opportunities/${deal.id}/retrospective`, { answers: yes, processJudgement: 'sound', lesson: 'Persistence pays', version: 0 }, 200);

    const { page, errors } = await newPage(manager.context);
    await page.goto(`${baseUrl}/today`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coaching' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Coaching · North' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.coaching-figures tbody tr').count()).toBe(3);
    // By name, never by a figure: Alice, Bob, Zoe.
    expect(await page.locator('.coaching-figures tbody th').allInnerTexts()).toEqual(['Alice Adams', 'Bob Brown', 'Zoe Zhang']);
    // One figure is highlighted, Alice's advance rate, with the words of the test and its numbers.
    await expect.poll(() => page.locator('.coaching-figures .flagged').count()).toBe(1);
    const flagged = await page.getByRole('row', { name: /Alice Adams/ }).locator('.flagged').innerText();
    expect(flagged).toMatch(/80 % \[58–92 %\] · n = 20/);
    expect(flagged).toMatch(/higher than the rest of the team: 80 % vs 38 % \(n = 40\), z = 3\.11, p = 0\.002/);
    expect(await page.getByRole('row', { name: /Bob Brown/ }).innerText()).toMatch(/35 % \[18–57 %\] · n = 20/);
    // How each rep's goals moved, beside the process: nobody has set one yet.
    expect(await page.getByRole('row', { name: /Bob Brown/ }).innerText()).toMatch(/No active goal\s+0 steps done/);
    await expect.poll(() => page.locator(".coaching-foot").innerText()).toMatch(/highlighted \(“Differs”\) only when the two-proportion z-test \(pooled, two-sided\) at α = 0\.05 tells it apart/);
    await expect.poll(() => page.getByText('Listed by name, never ranked.').isVisible()).toBe(true);
    // The team's charts say what they can in words (a quarter's first week is not over yet, or is routine).
    await expect.poll(() => page.getByRole('heading', { name: 'The team’s process, week by week' }).isVisible()).toBe(true);
    await screenshot(page, 'coaching-team');
    expect(await axe(page, 'team coaching')).toEqual([]);

    // The manager opens Alice's retrospective on the won deal: her answers stay hidden until he answers too.
    await page.getByRole('link', { name: 'Globex renewal' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Retrospective · Globex renewal' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Your answers first' }).isVisible()).toBe(true);
    for (const question of ['Did each call have its outcome planned before it happened?', 'Did the calls win advances the customer agreed to?', 'Did the customer keep their commitments?', 'Was there a mutual plan agreed with the customer?', 'Had the customer committed to change, with evidence?']) {
      await page.getByRole('group', { name: question }).getByLabel('No').check();
    }
    await page.getByRole('group', { name: 'Looking at the process alone, was it sound?' }).getByLabel('Weak').check();
    await page.getByLabel('What did you learn?').fill('No plan and no commitment: we cannot count on this again.');
    expect(await axe(page, 'retrospective questions')).toEqual([]);
    await page.getByRole('button', { name: 'Save my answers and see what the data shows' }).click();
    await expect.poll(() => page.getByText(/Lucky win: won despite a weak process/).isVisible()).toBe(true);
    expect(await page.locator('.quadrant-here').innerText()).toMatch(/Lucky win\s+placed here by the data, the manager/);
    expect(await page.locator('.quadrant', { hasText: 'Earned win' }).innerText()).toMatch(/placed here by the rep/);
    await expect.poll(() => page.getByText('Persistence pays').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/0 % — a weak process/).isVisible()).toBe(true);
    await screenshot(page, 'retrospective-lucky-win');
    expect(await axe(page, 'a lucky win’s retrospective')).toEqual([]);
    // The lesson becomes a learning goal in one step.
    await expect.poll(() => page.getByLabel('Goal', { exact: true }).inputValue()).toBe('No plan and no commitment: we cannot count on this again.');
    await page.getByLabel('First tiny step, for today').fill('List my deals without an evidenced commitment');
    await page.getByRole('button', { name: 'Create the learning goal' }).click();
    await expect.poll(() => page.getByText('Your lesson is now a learning goal:').isVisible()).toBe(true);
    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { name: 'Coaching · North' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('row', { name: /Globex renewal/ }).innerText()).toMatch(/Lucky win/);
    // Does the process predict wins? One closed deal cannot tell.
    await expect.poll(() => page.getByText('Not enough closed deals to tell yet.').isVisible()).toBe(true);

    // On a phone, Alice's own page: the process first, outcomes last, each chart with its numbers.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Alice Adams' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Coaching · Alice Adams' }).isVisible()).toBe(true);
    const sections = await page.locator('h2.coaching-section').allInnerTexts();
    expect(sections).toEqual(['Process', 'Goals', 'Outcomes']);
    await expect.poll(() => page.getByRole('region', { name: 'Goal progress' }).innerText()).toMatch(/No active goal yet/);
    const advance = page.getByRole('region', { name: 'Advance rate' });
    await expect.poll(() => advance.locator('.measure-figure').innerText()).toBe('80 %');
    expect(await advance.innerText()).toMatch(/16 advances of 20 results \(n = 20\); 95 % interval 58 %–92 %/);
    await advance.getByText('Numbers behind the chart').click();
    await expect.poll(() => advance.getByRole('table').isVisible()).toBe(true);
    const download = page.waitForEvent('download');
    await advance.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('alice-adams-advances.csv');
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'coaching-rep-phone');
    expect(await axe(page, 'a rep’s coaching (phone)')).toEqual([]);

    // A rep sees only their own page; another rep's figures are refused.
    const { page: zoePage, errors: zoeErrors } = await newPage(zoe.context);
    await zoePage.goto(`${baseUrl}/coaching`);
    await expect.poll(() => zoePage.getByRole('heading', { name: 'My coaching figures' }).isVisible()).toBe(true);
    expect((await zoe.context.request.get(`${baseUrl}/api/v1/users/${alice.id}/coaching`)).status()).toBe(403);

    expect(errors).toEqual([]);
    expect(zoeErrors).toEqual([]);
    for (const c of [admin, manager.context, zoe.context, alice.context, bob.context]) await c.close();
  });
});

describe('review mode', () => {
  it('hides every amount and outcome on the main pages while it is on, and says so', async () => {
    const { admin } = await workspace('Halo Review');
    const api = admin.request;
    const account = await post(api, '/api/v1/accounts', { name: 'Globex' });
    const deal = (name: string, amountMinor: number, currency: string) => post(api, '/api/v1/opportunities', { accountId: account.id, name, amount: { amountMinor, currency }, closeDate: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10) });
    await deal('Open pilot', 1_250_000, 'EUR');
    const won = await deal('Signed renewal', 4_000_000, 'USD');
    const lost = await deal('Plant tablets', 900_000, 'GBP');
    await api.patch(`${baseUrl}/api/v1/opportunities/${won.id}`, { headers, data: { status: 'won', version: won.version } });
    await api.patch(`${baseUrl}/api/v1/opportunities/${lost.id}`, { headers, data: { status: 'lost', closeReason: 'They bought from a competitor', version: lost.version } });
    await post(api, `/api/v1/accounts/${account.id}/objectives`, { title: 'Expand to Lyon', kind: 'expansion', target: { amountMinor: 30_000_000, currency: 'USD' }, targetDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10) });
    // An outcome goal measured on won revenue: how far it got is an outcome too.
    const quota = await post(api, '/api/v1/goals', { kind: 'outcome', title: 'Quarter quota', periodPreset: 'this_quarter', measure: 'revenue_won', targetAmount: { amountMinor: 10_000_000, currency: 'USD' }, firstStep: 'Call Globex' });

    const { page, errors } = await newPage(admin);
    // Off: the amounts and outcomes are there (the check below can see them).
    await page.goto(`${baseUrl}/opportunities/${won.id}`);
    await expect.poll(() => page.getByText('$40,000').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Won', { exact: true }).first().isVisible()).toBe(true);
    await page.goto(`${baseUrl}/goals`);
    await expect.poll(() => page.locator('main').innerText()).toMatch(/Quarter quota[\s\S]*\(n = 1\)[\s\S]*of the way/);

    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('button', { name: 'Review mode: hide amounts and outcomes' }).click();
    const banner = page.getByRole('region', { name: 'Review mode' });
    await expect.poll(() => banner.isVisible()).toBe(true);

    const AMOUNT = /[$€£]\s?\d|\d[\d,.]*\s?(EUR|USD|GBP)\b/;
    const OUTCOME = /\bWon\b|\bLost\b|Walked away|Win rate|competitor|of the way/;
    const pages: [string, string, RegExp][] = [
      ['Opportunities', '/opportunities', /Open pilot/],
      ['a won deal', `/opportunities/${won.id}`, /Signed renewal/],
      ['a lost deal', `/opportunities/${lost.id}`, /Plant tablets/],
      ['the account', `/accounts/${account.id}`, /Globex/],
      ['search', '/search?q=globex', /Globex/],
      ['Today', '/today', /Deals (past their close date or )?closing in 30 days/],
      ['Account planning', '/planning', /Account planning|objectives/i],
      ['Goals', '/goals', /Quarter quota/],
      ['an outcome goal', `/goals/${quota.id}`, /Hidden in review mode/],
      ['Coaching', '/coaching', /Coaching|coaching figures/],
    ];
    for (const [name, path, ready] of pages) {
      await page.goto(`${baseUrl}${path}`);
      await expect.poll(() => page.locator('main').innerText(), { message: name }).toMatch(ready);
      await page.waitForLoadState('networkidle');
      const text = await page.locator('main').innerText();
      expect(text, `${name} shows an amount in review mode`).not.toMatch(AMOUNT);
      expect(text, `${name} shows an outcome in review mode`).not.toMatch(OUTCOME);
      expect(await banner.isVisible(), `${name} without the banner`).toBe(true);
    }
    expect(await page.locator('main').innerText()).toMatch(/Outcomes are hidden in review mode/);
    await screenshot(page, 'review-mode-coaching');
    expect(await axe(page, 'coaching in review mode')).toEqual([]);

    // A file exported while it is on leaves out what the screen hides.
    await page.goto(`${baseUrl}/opportunities?archived=all`);
    await expect.poll(() => page.locator('main').innerText()).toMatch(/Open pilot/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv).toMatch(/Signed renewal/);
    expect(csv, 'the review-mode file shows an amount').not.toMatch(/amount|\d{3,}\.\d\d/);
    expect(csv, 'the review-mode file shows an outcome').not.toMatch(/,won,|,lost,|competitor/i);
    await page.goto(`${baseUrl}/coaching`);
    await expect.poll(() => page.locator('main').innerText()).toMatch(/Outcomes are hidden in review mode/);

    // Off again: the outcome is back.
    await banner.getByRole('button', { name: 'Turn off' }).click();
    await page.goto(`${baseUrl}/opportunities/${won.id}`);
    await expect.poll(() => page.getByText('$40,000').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await admin.close();
  });
});
