import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../src/domain/dates.js';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();
const headers = { origin: baseUrl };
const today = todayIn('UTC', new Date());

describe('a mutual plan, agreed with the customer', () => {
  it('a rep plans from a template and shares it; the customer ticks and re-dates on a phone; the rep accepts', async () => {
    // Seed through the API: an admin, a rep who joins by invite, and the rep's deal.
    const adminContext = await browser.newContext();
    expect(
      (await adminContext.request.post(`${baseUrl}/api/v1/signup`, {
        headers,
        data: { workspaceName: 'Kite Software', name: 'Ada Admin', email: 'ada@kite.example', password: 'admin passphrase here', timeZone: 'UTC' },
      })).status(),
    ).toBe(201);
    const invite = await (await adminContext.request.post(`${baseUrl}/api/v1/invites`, { headers, data: { email: 'rosa@kite.example', role: 'rep' } })).json();
    const repContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const token = new URL(invite.url).pathname.split('/').pop();
    expect((await repContext.request.post(`${baseUrl}/api/v1/invites/accept`, { headers, data: { token, name: 'Rosa Rep', password: 'rep passphrase here', timeZone: 'UTC' } })).status()).toBe(201);
    const account = await (await repContext.request.post(`${baseUrl}/api/v1/accounts`, { headers, data: { name: 'Umbra Retail', domain: 'umbra.example' } })).json();
    const deal = await (
      await repContext.request.post(`${baseUrl}/api/v1/opportunities`, {
        headers,
        data: { accountId: account.id, name: 'Store analytics pilot', amount: { amountMinor: 6_000_000, currency: 'EUR' }, closeDate: addDays(today, 60) },
      })
    ).json();

    // The rep creates the plan from "Pilot to purchase", starting today: a draft, not judged yet.
    const { page: rep, errors: repErrors } = await newPage(repContext);
    await rep.goto(`${baseUrl}/opportunities/${deal.id}`);
    await action(rep, 'Create a mutual plan').click();
    await rep.getByRole('radio', { name: /Pilot to purchase/ }).check();
    await rep.getByLabel('Title', { exact: true }).fill('Umbra pilot to purchase');
    await rep.getByLabel('Agreed outcome', { exact: true }).fill('Umbra decides on a chain-wide rollout with evidence from three stores');
    await rep.getByLabel('Start date', { exact: true }).fill(today);
    await rep.getByLabel('Target date', { exact: true }).fill(addDays(today, 54));
    await action(rep, 'Create plan').click();
    await expect.poll(() => rep.getByRole('heading', { level: 1, name: 'Umbra pilot to purchase' }).isVisible()).toBe(true);
    await expect.poll(() => rep.getByText('Draft — not judged').first().isVisible()).toBe(true);

    // A mistyped date in the past is refused beside the field, in plain words; nothing changes.
    await action(rep, 'Re-date: Send the pilot plan: scope, users, dates and the decision date').click();
    const dialog = rep.getByRole('dialog');
    await dialog.getByLabel('New date', { exact: true }).fill(addDays(today, -1));
    await dialog.getByLabel('Reason', { exact: true }).fill('Typo');
    await dialog.getByRole('button', { name: 'Re-date', exact: true }).click();
    await expect.poll(() => dialog.getByText(/^Pick today or a later date — .+ has already passed in UTC\.$/).isVisible()).toBe(true);
    expect(await dialog.getByLabel('New date', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Something already kept can be recorded with its past date — only when said so: "Already done".
    await action(rep, 'Add commitment').click();
    const add = rep.getByRole('dialog');
    // The dialog opens on its first field, not on its Close button.
    await expect.poll(() => rep.evaluate(() => document.activeElement?.matches('dialog[open] .dialog-content :is(input, select, textarea)') ?? false)).toBe(true);
    await add.getByLabel('Deliverable', { exact: true }).fill('Discovery call with three store managers');
    const due = add.getByLabel('Due date', { exact: true });
    await due.fill(addDays(today, -2));
    await add.getByRole('button', { name: 'Add commitment', exact: true }).click();
    await expect.poll(() => add.getByText(/^Pick today or a later date — .+ has already passed in UTC\.$/).isVisible()).toBe(true);
    expect(await due.getAttribute('aria-invalid')).toBe('true');
    // The server refused it: focus is on the field to fix, not lost on the page.
    await expect.poll(() => due.evaluate((el) => el === document.activeElement)).toBe(true);
    await add.getByLabel('Already done', { exact: true }).check();
    await add.getByRole('button', { name: 'Add commitment', exact: true }).click();
    await expect.poll(() => add.isVisible()).toBe(false);
    const recorded = rep.getByRole('article', { name: 'Discovery call with three store managers' });
    await expect.poll(() => recorded.innerText()).toMatch(/\bDone\b/);

    // Agreed with the customer, the plan goes active (one click on the draft's note): from a template
    // it is on track from its first minute.
    await action(rep, 'Activate plan').click();
    await expect.poll(() => rep.getByText('On track').first().isVisible()).toBe(true);
    const customerReliability = rep.getByRole('region', { name: 'Customer side reliability' });
    await expect.poll(() => customerReliability.innerText()).toMatch(/Nothing to judge yet/);
    // Written down two days late, it still counts as kept on time: recording is not slipping.
    await expect.poll(() => rep.getByRole('region', { name: 'Seller side reliability' }).innerText()).toMatch(/100% kept on time/);

    // One link per recipient, shown once.
    await rep.getByLabel('Recipient’s name', { exact: true }).fill('Una Umbra');
    await action(rep, 'Create link').click();
    const linkBox = rep.getByRole('textbox', { name: 'Share link for Una Umbra' });
    await expect.poll(() => linkBox.inputValue()).toMatch(/\/p\//);
    const shareUrl = await linkBox.inputValue();
    await screenshot(rep, 'plan');
    expect(await axe(rep, 'a plan')).toEqual([]);

    // The customer, on a phone, with no account.
    const customerContext = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const { page: customer, errors: customerErrors } = await newPage(customerContext);
    const scripts: Promise<Buffer>[] = [];
    customer.on('response', (res) => {
      if (res.url().endsWith('.js')) scripts.push(res.body());
    });
    const response = await customer.goto(shareUrl);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    expect(response?.headers()['x-robots-tag']).toMatch(/noindex/);
    expect(response?.headers()['cache-control']).toBe('no-store');
    await expect.poll(() => customer.getByText(/chain-wide rollout/).first().isVisible()).toBe(true);
    await customer.waitForLoadState('networkidle');
    const shareKb = (await Promise.all(scripts)).reduce((sum, b) => sum + gzipSync(b).length, 0) / 1024;
    console.log(`customer plan page JavaScript: ${shareKb.toFixed(1)} KB gzipped`);
    expect(shareKb).toBeLessThan(50);

    const criteria = customer.getByRole('checkbox', { name: /Agree the pilot’s success criteria in writing/ });
    await criteria.check();
    await expect.poll(() => criteria.isChecked()).toBe(true);
    // A date already gone is refused beside the field on the customer's phone too; then a real one.
    await action(customer, /Propose a new date for .Provide test accounts/).click();
    const newDate = customer.getByLabel('New date', { exact: true });
    await newDate.fill(addDays(today, -2));
    await customer.getByLabel('Reason', { exact: true }).fill('Our IT lead is away until next week');
    await action(customer, 'Send new date').click();
    await expect.poll(() => customer.getByText(/^Pick today or a later date — .+ has already passed in UTC\.$/).isVisible()).toBe(true);
    expect(await newDate.getAttribute('aria-invalid')).toBe('true');
    await newDate.fill(addDays(today, 10));
    await action(customer, 'Send new date').click();
    await expect.poll(() => customer.getByText(/waiting|proposed|asked/i).first().isVisible()).toBe(true);
    await screenshot(customer, 'customer-plan');
    expect(await axe(customer, 'the customer’s page (phone)')).toEqual([]);

    // The rep sees the proposal and accepts it; the customer's kept word shows, with its n.
    await rep.reload();
    await action(rep, /Accept new date for .Provide test accounts/).click();
    const confirm = rep.getByRole('dialog').getByRole('button', { name: /Accept/ });
    if (await confirm.count()) await confirm.first().click();
    await expect.poll(() => rep.getByText(/Provide test accounts/).first().isVisible()).toBe(true);
    await action(rep, 'Mark done: Send the pilot plan: scope, users, dates and the decision date').click();
    await expect.poll(() => rep.getByText('On track').first().isVisible()).toBe(true);
    await screenshot(rep, 'plan-on-track');
    await expect.poll(() => customerReliability.innerText()).toMatch(/100% kept on time/);
    await expect.poll(() => customerReliability.innerText()).toMatch(/n = 1 judged · weight 2 \(must-dos count double\)/);
    // The customer's page says the date moved, from when, who asked and why.
    await customer.reload();
    await expect.poll(() => customer.getByText(/^Moved from .+, asked by Una Umbra \(.+\): “Our IT lead is away until next week”$/).isVisible()).toBe(true);

    // The plan's history says who did what and when — the customer's actions under their name — and
    // a change the rep makes shows at its top, before → after.
    const history = rep.getByRole('region', { name: 'History' });
    await expect.poll(() => history.innerText()).toMatch(/Una Umbra \(customer\) ticked “Agree the pilot’s success criteria in writing/);
    await expect.poll(() => history.innerText()).toMatch(/Una Umbra \(customer\) asked to move “Provide test accounts/);
    await expect.poll(() => history.innerText()).toMatch(/Rosa Rep accepted the new date for “Provide test accounts/);
    await expect.poll(() => history.innerText()).toMatch(/Rosa Rep created a share link for Una Umbra/);
    await expect.poll(() => history.innerText()).toMatch(/Rosa Rep changed status: “Draft” → “Active”/);
    await action(rep, 'Edit plan').click();
    await rep.getByLabel('Title', { exact: true }).fill('Umbra pilot to rollout');
    await action(rep, 'Save changes').click();
    await expect.poll(() => history.getByRole('listitem').first().innerText()).toMatch(/^RR\s+Rosa Rep changed title: “Umbra pilot to purchase” → “Umbra pilot to rollout”\s+just now$/);
    await history.getByRole('heading', { name: 'History' }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(rep, 'plan-history');
    expect(await axe(rep, 'a plan with its history')).toEqual([]);

    // The past dates tried on purpose are refused with 422, which the browser logs; nothing else may fail.
    const unexpected = (errors: string[]) => errors.filter((e) => !/status of 422/.test(e));
    expect(repErrors.some((e) => /status of 422/.test(e))).toBe(true);
    expect(unexpected(repErrors)).toEqual([]);
    expect(unexpected(customerErrors)).toEqual([]);
    await Promise.all([adminContext.close(), repContext.close(), customerContext.close()]);
  });

  it('on a phone, the Create-plan dialog keeps Create plan and Cancel within reach, and passes axe', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    expect(
      (await phone.request.post(`${baseUrl}/api/v1/signup`, {
        headers,
        data: { workspaceName: 'Pocket Co', name: 'Pia Phone', email: 'pia@pocket.example', password: 'phone passphrase here', timeZone: 'UTC' },
      })).status(),
    ).toBe(201);
    const account = await (await phone.request.post(`${baseUrl}/api/v1/accounts`, { headers, data: { name: 'Orbit Foods' } })).json();
    const deal = await (
      await phone.request.post(`${baseUrl}/api/v1/opportunities`, {
        headers,
        data: { accountId: account.id, name: 'Orbit rollout', amount: { amountMinor: 2_500_000, currency: 'EUR' }, closeDate: addDays(today, 45) },
      })
    ).json();
    const { page, errors } = await newPage(phone);
    await page.goto(`${baseUrl}/opportunities/${deal.id}`);
    await action(page, 'Create a mutual plan').click();
    const dialog = page.getByRole('dialog', { name: 'Create a mutual plan' });
    // The longest form: every template listed, and a template chosen (it adds the start date).
    const template = dialog.getByRole('radio', { name: /Pilot to purchase/ });
    await template.check();
    await expect.poll(() => dialog.getByLabel('Start date', { exact: true }).isVisible()).toBe(true);

    // Each button is on screen and nothing covers it: as the dialog opens (first field in view), and
    // scrolled to its end. Scrolling inside the dialog is fine; a button below the fold is not.
    const create = dialog.getByRole('button', { name: 'Create plan', exact: true });
    const cancel = dialog.getByRole('button', { name: 'Cancel', exact: true });
    const viewport = page.viewportSize() ?? { width: 390, height: 844 };
    const reachable = (button: typeof create) =>
      button.evaluate((el, vp) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= vp.height && r.right <= vp.width && hit !== null && el.contains(hit);
      }, viewport);
    await dialog.getByLabel('Title', { exact: true }).focus();
    for (const button of [create, cancel]) expect(await reachable(button)).toBe(true);
    await dialog.getByLabel('Target date', { exact: true }).scrollIntoViewIfNeeded();
    for (const button of [create, cancel]) expect(await reachable(button)).toBe(true);
    await screenshot(page, 'create-plan-phone');
    expect(await axe(page, 'the Create-plan dialog (phone)')).toEqual([]);

    // And they work: Cancel closes it; Create plan makes the plan.
    await cancel.tap();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await action(page, 'Create a mutual plan').click();
    await dialog.getByRole('radio', { name: /Pilot to purchase/ }).check();
    await create.tap();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Orbit/ }).isVisible()).toBe(true);
    await expect.poll(() => page.url()).toMatch(/\/plans\//);
    expect(errors).toEqual([]);
    await phone.close();
  });
});
