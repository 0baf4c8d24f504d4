import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/server/core/config.js';
import { verifySignature } from '../src/server/features/webhooks/signature.js';
import { createWebhookWorker } from '../src/server/features/webhooks/worker.js';
import { startReceiver } from '../src/server/test/webhook-receiver.js';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance } from './support.js';

// The receiver is on 127.0.0.1: this server allows private addresses, as development does.
const env = { WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '200' };
const { baseUrl, db } = await startAdvance(env);
const worker = createWebhookWorker({ db, config: parseConfig({ ...env, LOG_LEVEL: 'silent' }) });
worker.start();
afterAll(() => worker.stop());
const browser = await launchBrowser();

describe('an admin connects a webhook', () => {
  it('adds an endpoint, keeps the secret shown once, sends a test and reads the signed delivery in the log', async () => {
    const receiver = await startReceiver();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const signup = await context.request.post(`${baseUrl}/api/v1/signup`, {
      headers: { origin: baseUrl },
      data: { workspaceName: 'Harbor Freight Systems', name: 'Ada Admin', email: 'ada@harbor.example', password: 'admin passphrase here', timeZone: 'Europe/London' },
    });
    expect(signup.status()).toBe(201);
    const { page, errors } = await newPage(context);
    await page.goto(`${baseUrl}/settings/webhooks`);
    await action(page, 'Add endpoint').click();
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByLabel('Description').fill('CRM sync');
    await page.getByLabel('A commitment was done').check();
    await page.getByLabel('An opportunity was won').check();
    expect(await axe(page, 'webhooks: add endpoint')).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Add endpoint' }).click();

    const secretField = page.getByLabel('Secret', { exact: true });
    await expect.poll(() => secretField.inputValue()).toMatch(/^whsec_/);
    const secret = await secretField.inputValue();
    await screenshot(page, 'webhooks-secret');
    await action(page, 'I have stored it').click();
    await expect.poll(() => page.getByRole('heading', { name: 'CRM sync' }).isVisible()).toBe(true);
    // Shown once: the page now holds only its first characters.
    expect(await page.content()).not.toContain(secret);

    await action(page, 'Send test').click();
    await expect.poll(() => page.getByText(/HTTP 200/).first().isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'webhook.test' }).getByText('Delivered', { exact: true }).isVisible()).toBe(true);
    expect(receiver.hits).toHaveLength(1);
    expect(verifySignature(secret, String(receiver.hits[0].headers['advance-signature']), receiver.hits[0].body)).toBe(true);

    await page.getByRole('button', { name: 'webhook.test' }).click();
    await expect.poll(() => page.getByText(/Advance-Event-Id header/).isVisible()).toBe(true);
    await screenshot(page, 'webhooks-log');
    expect(await axe(page, 'webhooks: delivery log')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
