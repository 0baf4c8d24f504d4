import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

const EMAIL = 'pia@fabrikam.example';
const OLD = 'an old passphrase here';
const NEW = 'a fresh passphrase now';

describe('password and sessions', () => {
  it('on a phone, a rep changes their password in settings (errors beside the fields), the laptop is signed out, then signs out everywhere else', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const signup = await phone.request.post(`${baseUrl}/api/v1/signup`, {
      headers: { origin: baseUrl },
      data: { workspaceName: 'Fabrikam', name: 'Pia Phone', email: EMAIL, password: OLD, timeZone: 'Europe/Berlin' },
    });
    expect(signup.status()).toBe(201);
    // The same person, signed in on a laptop too.
    const laptop = await browser.newContext();
    expect((await laptop.request.post(`${baseUrl}/api/v1/session`, { headers: { origin: baseUrl }, data: { email: EMAIL, password: OLD } })).status()).toBe(201);

    const { page, errors } = await newPage(phone);
    await page.goto(`${baseUrl}/settings/profile`);
    const card = page.getByRole('region', { name: 'Password' });
    await expect.poll(() => card.getByLabel('Current password').isVisible()).toBe(true);

    // Checked in the page first: the confirmation must match.
    await card.getByLabel('Current password').fill('not the password');
    await card.getByLabel('New password', { exact: true }).fill(NEW);
    await card.getByLabel('Confirm new password').fill('a fresh passphrase no');
    await action(page, 'Change password').click();
    await expect.poll(() => card.getByText('The two new passwords differ. Type the same one twice.').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('confirmPassword');

    // Then by the server: a wrong current password, beside its field.
    await card.getByLabel('Confirm new password').fill(NEW);
    await action(page, 'Change password').click();
    await expect.poll(() => card.getByText('This is not your current password.').isVisible()).toBe(true);
    expect(await card.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    expect(await axe(page, 'settings: password error (390 px)')).toEqual([]);

    await card.getByLabel('Current password').fill(OLD);
    await action(page, 'Change password').click();
    await expect.poll(() => card.getByText(/Your password is changed/).isVisible()).toBe(true);
    expect(await card.getByLabel('Current password').inputValue()).toBe('');
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axe(page, 'settings: password changed (390 px)')).toEqual([]);
    await screenshot(page, 'password-changed-phone');

    // The laptop's session is over; the phone's goes on.
    expect((await laptop.request.get(`${baseUrl}/api/v1/session`)).status()).toBe(401);
    expect((await phone.request.get(`${baseUrl}/api/v1/session`)).status()).toBe(200);
    expect((await laptop.request.post(`${baseUrl}/api/v1/session`, { headers: { origin: baseUrl }, data: { email: EMAIL, password: OLD } })).status()).toBe(401);
    expect((await laptop.request.post(`${baseUrl}/api/v1/session`, { headers: { origin: baseUrl }, data: { email: EMAIL, password: NEW } })).status()).toBe(201);

    // Sign out everywhere else: the count in the confirmation; the laptop is out again.
    const sessions = page.getByRole('region', { name: 'Sessions' });
    await expect.poll(() => sessions.getByText(/API tokens and your calendar feed URL keep working/).isVisible()).toBe(true);
    await action(page, 'Sign out of all other sessions').click();
    await expect.poll(() => sessions.getByText('Signed out of 1 other session. This one stays signed in.').isVisible()).toBe(true);
    expect((await laptop.request.get(`${baseUrl}/api/v1/session`)).status()).toBe(401);
    expect(await axe(page, 'settings: other sessions signed out (390 px)')).toEqual([]);
    await page.reload();
    await expect.poll(() => page.getByRole('region', { name: 'Password' }).isVisible()).toBe(true);

    // The wrong current password's 400, as the browser logs every refused request.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await laptop.close();
    await phone.close();
  });
});
