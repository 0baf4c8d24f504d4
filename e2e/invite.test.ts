import { describe, expect, it } from 'vitest';
import { action, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

describe('an admin and a rep', () => {
  it('the admin invites a rep, who joins and cannot edit the admin’s account', async () => {
    // The admin's workspace and account are seeded through the API, in the admin's browser.
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const headers = { origin: baseUrl };
    const signup = await adminContext.request.post(`${baseUrl}/api/v1/signup`, {
      headers,
      data: { workspaceName: 'Harbor Freight Systems', name: 'Ada Admin', email: 'ada@harbor.example', password: 'admin passphrase here', timeZone: 'Europe/London' },
    });
    expect(signup.status()).toBe(201);
    const account = await adminContext.request.post(`${baseUrl}/api/v1/accounts`, { headers, data: { name: 'Initech Shipping', domain: 'initech.example' } });
    expect(account.status()).toBe(201);
    const accountId = (await account.json()).id as string;

    const { page: admin, errors: adminErrors } = await newPage(adminContext);
    await admin.goto(`${baseUrl}/team`);
    await admin.getByLabel('Email', { exact: true }).fill('riley@harbor.example');
    await admin.getByLabel('Role', { exact: true }).selectOption({ label: 'Rep' });
    await action(admin, 'Create invite link').click();
    const link = admin.getByLabel('Invite link');
    await expect.poll(() => link.inputValue()).toMatch(/\/invite\//);
    const url = await link.inputValue();
    await screenshot(admin, 'team');

    // The rep, in a browser of their own, at phone size.
    const repContext = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const { page: rep, errors: repErrors } = await newPage(repContext);
    await rep.goto(url);
    await expect.poll(() => rep.getByText('Harbor Freight Systems').first().isVisible()).toBe(true);
    await rep.getByLabel('Your name').fill('Riley Rep');
    await rep.getByLabel('Password').fill('rep passphrase here');
    await action(rep, 'Join workspace').click();
    await expect.poll(() => rep.url()).not.toContain('/invite/');

    // Riley reads the admin's account but is offered no way to change it.
    await rep.goto(`${baseUrl}/accounts/${accountId}`);
    await expect.poll(() => rep.getByRole('heading', { name: 'Initech Shipping' }).isVisible()).toBe(true);
    await expect.poll(() => rep.getByText(/View only/).isVisible()).toBe(true);
    expect(await rep.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await rep.getByRole('button', { name: 'Archive' }).count()).toBe(0);
    await screenshot(rep, 'phone');
    // And the server agrees: a write from Riley's session is refused.
    const attempt = await repContext.request.patch(`${baseUrl}/api/v1/accounts/${accountId}`, { headers, data: { name: 'Hijacked', version: 1 } });
    expect(attempt.status()).toBe(403);

    // The invite is used up: opening it again says so.
    const { page: again } = await newPage(await browser.newContext());
    await again.goto(url);
    await expect.poll(() => again.getByText(/expired|already used|no longer/i).first().isVisible()).toBe(true);

    // The admin sees Riley on the team.
    await admin.reload();
    await expect.poll(() => admin.getByText('Riley Rep').first().isVisible()).toBe(true);

    expect(adminErrors).toEqual([]);
    expect(repErrors).toEqual([]);
    await adminContext.close();
    await repContext.close();
  });
});
