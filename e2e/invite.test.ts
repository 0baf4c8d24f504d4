import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
// A server that sends mail (nothing listens on port 2: the mails wait in the outbox, read here from the
// database). It needs its PUBLIC_URL, so its port is chosen first.
const mailingPort = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(port));
  });
});
const mailing = await startAdvance({ SMTP_URL: 'smtp://127.0.0.1:2', PUBLIC_URL: `http://127.0.0.1:${mailingPort}`, PORT: String(mailingPort) });
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

  it('a rep who forgot their password gets a reset link by email (read on the admin’s development mail page), sets a new one and signs in', async () => {
    const headers = { origin: baseUrl };
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const signup = await adminContext.request.post(`${baseUrl}/api/v1/signup`, {
      headers,
      data: { workspaceName: 'Lakeside Analytics', name: 'Lena Admin', email: 'lena@lakeside.example', password: 'admin passphrase here', timeZone: 'Europe/Berlin' },
    });
    expect(signup.status()).toBe(201);
    const invite = await adminContext.request.post(`${baseUrl}/api/v1/invites`, { headers, data: { email: 'ola@lakeside.example', role: 'rep' } });
    const token = new URL((await invite.json()).url as string).pathname.split('/').pop();
    const joined = await (await browser.newContext()).request.post(`${baseUrl}/api/v1/invites/accept`, { headers, data: { token, name: 'Ola Rep', password: 'the old passphrase' } });
    expect(joined.status()).toBe(201);

    // Ola, signed out, cannot remember the password.
    const repContext = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const { page: rep, errors: repErrors } = await newPage(repContext);
    await rep.goto(baseUrl);
    await action(rep, 'Forgot password?').click();
    await expect.poll(() => rep.getByRole('heading', { name: 'Forgot your password?' }).isVisible()).toBe(true);
    await rep.getByLabel('Email').fill('ola@lakeside.example');
    await action(rep, 'Send the reset link').click();
    await expect.poll(() => rep.getByRole('heading', { name: 'Check your email' }).isVisible()).toBe(true);
    expect(await axe(rep, 'forgot password: check your email')).toEqual([]);

    // No SMTP here: the mail waits in the outbox, and the admin reads it on the development mail page.
    const { page: admin, errors: adminErrors } = await newPage(adminContext);
    await admin.goto(`${baseUrl}/settings/email`);
    const subject = admin.getByRole('button', { name: 'Reset your Advance password' });
    await expect.poll(() => subject.isVisible()).toBe(true);
    await expect.poll(() => admin.getByText('To Ola Rep <ola@lakeside.example>').first().isVisible()).toBe(true);
    await subject.click();
    const text = admin.locator('pre.mail-text').first();
    await expect.poll(() => text.textContent()).toMatch(/\/reset-password\//);
    await expect.poll(() => admin.getByText('Message-ID').isVisible()).toBe(true);
    expect(await axe(admin, 'development mail page (outbox)')).toEqual([]);
    await screenshot(admin, 'outbox');
    const resetUrl = /(http\S+\/reset-password\/[A-Za-z0-9_-]+)/.exec((await text.textContent()) ?? '')![1];

    // Ola follows the link, chooses a new password and signs in with it.
    await rep.goto(resetUrl);
    await expect.poll(() => rep.getByRole('heading', { name: 'Choose a new password' }).isVisible()).toBe(true);
    expect(await axe(rep, 'reset password')).toEqual([]);
    await rep.getByLabel('New password').fill('a fresh passphrase for ola');
    await action(rep, 'Set the new password').click();
    await expect.poll(() => rep.getByRole('heading', { name: 'Your password is changed' }).isVisible()).toBe(true);
    await action(rep, 'Go to sign in').click();
    await rep.getByLabel('Email').fill('ola@lakeside.example');
    await rep.getByLabel('Password').fill('a fresh passphrase for ola');
    await action(rep, 'Sign in').click();
    await expect.poll(() => rep.url()).toContain('/today');
    await expect.poll(() => rep.getByRole('heading', { name: /, Ola$/ }).isVisible()).toBe(true);

    // The link was single use.
    const { page: again } = await newPage(await browser.newContext());
    await again.goto(resetUrl);
    await expect.poll(() => again.getByRole('heading', { name: 'This reset link can’t be used' }).isVisible()).toBe(true);

    expect(repErrors).toEqual([]);
    expect(adminErrors).toEqual([]);
    await adminContext.close();
    await repContext.close();
  });

  it('on a server that sends mail, the admin’s invitation goes only to the invited address, and its owner joins from the email', async () => {
    const { baseUrl: url, db } = mailing;
    const headers = { origin: url };
    const secretFor = async (kind: string, to: string) => {
      const row = await db.selectFrom('mail_outbox').select('data').where('kind', '=', kind).where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
      return JSON.parse(row.data).secret as string;
    };
    // The admin's workspace: sign-up confirms the address by email there.
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const requested = await adminContext.request.post(`${url}/api/v1/signup-requests`, {
      headers,
      data: { workspaceName: 'Quay Logistics', name: 'Quinn Admin', email: 'quinn@quay.example', password: 'admin passphrase here', timeZone: 'Europe/Dublin' },
    });
    expect(requested.status()).toBe(202);
    expect((await adminContext.request.post(`${url}/api/v1/signup-requests/confirm`, { headers, data: { token: await secretFor('signup_confirm', 'quinn@quay.example') } })).status()).toBe(201);

    const { page: admin, errors: adminErrors } = await newPage(adminContext);
    await admin.goto(`${url}/team`);
    await admin.getByLabel('Email', { exact: true }).fill('uma@quay.example');
    await admin.getByLabel('Role', { exact: true }).selectOption({ label: 'Rep' });
    await action(admin, 'Send invitation').click();
    await expect.poll(() => admin.getByText('Invitation sent to uma@quay.example').isVisible()).toBe(true);
    // No link to copy: only the invitation email carries it.
    expect(await admin.getByLabel('Invite link').count()).toBe(0);
    expect(await admin.locator('input[value*="/invite/"]').count()).toBe(0);
    expect(await axe(admin, 'invitation sent (server sends mail)')).toEqual([]);

    // Uma opens the link from her email and joins.
    const { page: rep, errors: repErrors } = await newPage(await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }));
    await rep.goto(`${url}/invite/${await secretFor('invitation', 'uma@quay.example')}`);
    await expect.poll(() => rep.getByText('Quay Logistics').first().isVisible()).toBe(true);
    await rep.getByLabel('Your name').fill('Uma Rep');
    // A weak password: the server's reason shows at the field.
    await rep.getByLabel('Password').fill('password ');
    await action(rep, 'Join workspace').click();
    await expect.poll(() => rep.getByText('This password is on a list of commonly used passwords.', { exact: false }).isVisible()).toBe(true);
    await rep.getByLabel('Password').fill('rep passphrase here');
    await action(rep, 'Join workspace').click();
    await expect.poll(() => rep.url()).not.toContain('/invite/');

    await admin.reload();
    await expect.poll(() => admin.getByText('Uma Rep').first().isVisible()).toBe(true);
    expect(adminErrors).toEqual([]);
    // The refused password is the browser's only error: its 400.
    expect(repErrors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await adminContext.close();
  });
});
