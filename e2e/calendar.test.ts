import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

/** A calendar date `days` from today in UTC (the test's zone). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('calendar feeds', () => {
  it('a rep gets a calendar URL once, replaces and turns it off; the customer adds their own side from the share page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const headers = { origin: baseUrl };
    const post = async (url: string, data: object) => {
      const res = await context.request.post(`${baseUrl}${url}`, { headers, data });
      expect(res.status(), `${url}: ${await res.text()}`).toBe(201);
      return res.json();
    };
    await post('/api/v1/signup', { workspaceName: 'Northbay Robotics', name: 'Rita Rep', email: 'rita@northbay.example', password: 'a long enough passphrase', timeZone: 'UTC' });
    const account = await post('/api/v1/accounts', { name: 'Globex Foods' });
    const deal = await post('/api/v1/opportunities', { accountId: account.id, name: 'Globex rollout', amount: { amountMinor: 4_800_000, currency: 'EUR' }, closeDate: inDays(60) });
    const plan = await post(`/api/v1/opportunities/${deal.id}/plan`, { title: 'Globex rollout plan', targetDate: inDays(50) });
    await post(`/api/v1/plans/${plan.id}/commitments`, { side: 'seller', title: 'Send the security questionnaire', dueDate: inDays(3) });
    await post(`/api/v1/plans/${plan.id}/commitments`, { side: 'customer', ownerName: 'Carla Chen', title: 'Name the pilot users', dueDate: inDays(5) });
    const link = await post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Carla Chen' });

    // Rita, in her profile, gets her URL: shown once, to copy.
    const { page, errors } = await newPage(context);
    await page.goto(`${baseUrl}/settings/profile`);
    await expect.poll(() => page.getByRole('heading', { name: 'Calendar feed' }).isVisible()).toBe(true);
    await action(page, 'Get my calendar URL').click();
    const box = page.getByLabel('Your calendar feed URL');
    await expect.poll(() => box.inputValue()).toMatch(/\/api\/v1\/calendar-feed\/[A-Za-z0-9_-]{43}\.ics$/);
    const first = await box.inputValue();
    expect(await page.getByRole('link', { name: 'open it in your calendar app' }).getAttribute('href')).toBe(first.replace(/^http:/, 'webcal:'));
    expect(await axe(page, 'profile with the calendar feed URL')).toEqual([]);
    const feed = await context.request.get(first);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const text = await feed.text();
    expect(text).toContain('SUMMARY:Send the security questionnaire');
    expect(text).toContain(`DTSTART;VALUE=DATE:${inDays(3).replace(/-/g, '')}`);
    expect(text).not.toContain('Name the pilot users');

    // Hidden for good once dismissed; the card says the feed is on.
    await page.getByRole('button', { name: 'Done — hide the link' }).click();
    await expect.poll(() => page.getByText('Your feed is on.').isVisible()).toBe(true);
    expect(await page.getByLabel('Your calendar feed URL').count()).toBe(0);

    // A new URL: the old one stops at once.
    await action(page, 'Make a new URL').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Make a new URL' }).click();
    await expect.poll(() => page.getByLabel('Your calendar feed URL').inputValue()).not.toBe(first);
    const second = await page.getByLabel('Your calendar feed URL').inputValue();
    expect((await context.request.get(first)).status()).toBe(404);
    expect((await context.request.get(second)).status()).toBe(200);

    // Turned off: the URL answers 404 and the card offers a new one.
    await action(page, 'Turn off the feed').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Get my calendar URL' }).isVisible()).toBe(true);
    expect((await context.request.get(second)).status()).toBe(404);

    // Carla, on her phone, finds plain links to put her side in her calendar.
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const { page: customer, errors: customerErrors } = await newPage(phone);
    await customer.goto(link.url);
    await expect.poll(() => customer.getByRole('heading', { name: 'Your dates in your calendar' }).isVisible()).toBe(true);
    const subscribe = await customer.getByRole('link', { name: 'Subscribe in your calendar app' }).getAttribute('href');
    const download = await customer.getByRole('link', { name: 'Download once (.ics)' }).getAttribute('href');
    const token = new URL(link.url).pathname.split('/').pop();
    expect(download).toBe(`/api/v1/shared/${token}/calendar.ics`);
    expect(subscribe).toBe(`webcal://${new URL(baseUrl).host}${download}`);
    const ics = await phone.request.get(`${baseUrl}${download}`);
    expect(ics.status()).toBe(200);
    const theirs = await ics.text();
    expect(theirs).toContain('SUMMARY:Name the pilot users');
    expect(theirs).not.toContain('security questionnaire');
    expect(await axe(customer, 'customer plan page with calendar links')).toEqual([]);

    expect(errors).toEqual([]);
    expect(customerErrors).toEqual([]);
    await context.close();
    await phone.close();
  });
});
