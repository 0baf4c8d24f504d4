import type { Dialog as BrowserDialog, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance, teamWorkspace } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

/** The app's own question, asked before typed work is lost. */
const leaveQuestion = (page: Page) => page.getByRole('alertdialog', { name: 'Leave without saving?' });

describe('unsaved changes: the app asks before typed work is lost, and only then', () => {
  it('asks on a link, Back, Escape in a dialog and a reload; Stay keeps the text, Leave goes on; a saved form leaves without a question', async () => {
    const { rep, close } = await teamWorkspace(browser, baseUrl, { workspaceName: 'Northwind Unsaved', domain: 'unsaved.example' });
    const { page, errors } = await newPage(rep.context);
    // Every browser question (beforeunload) is recorded and refused: the page stays.
    const browserDialogs: string[] = [];
    page.on('dialog', (d: BrowserDialog) => {
      browserDialogs.push(d.type());
      void d.dismiss();
    });
    const nav = page.getByRole('navigation', { name: 'Main' });
    const whatYouWant = page.getByLabel('What do you want to achieve?');
    // The side navigation has caught up with the address (its links are drawn for the page shown): a
    // link clicked before that is drawn for the page before, and React Router replaces the entry
    // instead of adding one when it links to where it thinks it is.
    const onToday = () => expect.poll(() => nav.getByRole('link', { name: 'Today' }).getAttribute('aria-current')).toBe('page');

    // Nothing typed: a link goes at once, without a question.
    await page.goto(`${baseUrl}/goals`);
    await expect.poll(() => page.getByRole('heading', { name: 'My goals' }).isVisible()).toBe(true);
    await nav.getByRole('link', { name: 'Today' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/today');
    await onToday();
    expect(await leaveQuestion(page).count()).toBe(0);

    // Typed, then a sidebar link: the question, with Stay focused; Stay keeps the text.
    await nav.getByRole('link', { name: 'Goals' }).click();
    await expect.poll(() => whatYouWant.isVisible()).toBe(true);
    await whatYouWant.fill('Be home for dinner by six');
    await nav.getByRole('link', { name: 'Today' }).click();
    await expect.poll(() => leaveQuestion(page).isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Stay');
    expect(await leaveQuestion(page).innerText()).toContain('not saved yet');
    await screenshot(page, 'unsaved-leave-question');
    expect(await axe(page, 'leave without saving?')).toEqual([]);
    await leaveQuestion(page).getByRole('button', { name: 'Stay' }).click();
    await expect.poll(() => leaveQuestion(page).isVisible()).toBe(false);
    expect(new URL(page.url()).pathname).toBe('/goals');
    expect(await whatYouWant.inputValue()).toBe('Be home for dinner by six');

    // Back asks too; Escape on the question is Stay.
    await page.evaluate(() => history.back());
    await expect.poll(() => leaveQuestion(page).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => leaveQuestion(page).isVisible()).toBe(false);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/goals');
    expect(await whatYouWant.inputValue()).toBe('Be home for dinner by six');

    // A reload (or a closed tab) gets the browser's own question; refused, the text stays.
    expect(browserDialogs).toEqual([]);
    void page.reload({ timeout: 5_000 }).catch(() => undefined);
    await expect.poll(() => browserDialogs).toEqual(['beforeunload']);
    expect(await whatYouWant.inputValue()).toBe('Be home for dinner by six');

    // Leave goes where the link leads.
    await nav.getByRole('link', { name: 'Today' }).click();
    await expect.poll(() => leaveQuestion(page).isVisible()).toBe(true);
    await leaveQuestion(page).getByRole('button', { name: 'Leave' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/today');
    await onToday();
    await expect.poll(() => leaveQuestion(page).isVisible()).toBe(false);
    // Nothing unsaved any more: a reload happens without a question.
    await page.reload();
    await expect.poll(() => nav.isVisible()).toBe(true);
    expect(browserDialogs).toEqual(['beforeunload']);

    // A form that saves, then opens what it made: no question on the way.
    await page.goto(`${baseUrl}/goals/new`);
    await expect.poll(() => page.getByRole('heading', { name: 'New goal' }).isVisible()).toBe(true);
    await page.getByLabel('Goal', { exact: true }).fill('Plan the outcome of every customer call');
    await page.getByLabel('Your first tiny step').fill('Write the outcome for tomorrow’s call with Globex');
    await action(page, 'Set goal').click();
    await expect.poll(() => page.getByRole('heading', { name: /Plan the outcome of every customer call/ }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toMatch(/^\/goals\/[0-9a-f-]+$/);
    expect(await leaveQuestion(page).count()).toBe(0);

    // A dialog with typed text: Escape asks before it closes; Stay keeps it open with the text.
    await action(page, 'Done — what did you learn?').click();
    const stepDone = page.getByRole('dialog', { name: 'Step done' });
    const lesson = stepDone.getByLabel('What did you learn?');
    await expect.poll(() => stepDone.isVisible()).toBe(true);
    await lesson.fill('Writing the outcome down made me ask for the next meeting.');
    await page.keyboard.press('Escape');
    await expect.poll(() => leaveQuestion(page).isVisible()).toBe(true);
    expect(await axe(page, 'leave without saving? (over a dialog)')).toEqual([]);
    await leaveQuestion(page).getByRole('button', { name: 'Stay' }).click();
    await expect.poll(() => leaveQuestion(page).isVisible()).toBe(false);
    expect(await stepDone.isVisible()).toBe(true);
    expect(await lesson.inputValue()).toBe('Writing the outcome down made me ask for the next meeting.');
    // Its Close button asks the same; Leave closes it.
    await stepDone.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => leaveQuestion(page).isVisible()).toBe(true);
    await leaveQuestion(page).getByRole('button', { name: 'Leave' }).click();
    await expect.poll(() => stepDone.isVisible()).toBe(false);
    // What the dialog held is given up: leaving the page now asks nothing.
    await nav.getByRole('link', { name: 'Today' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/today');
    await onToday();
    expect(await leaveQuestion(page).count()).toBe(0);
    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { name: /Plan the outcome of every customer call/ }).isVisible()).toBe(true);

    // Opened and closed untouched, a dialog closes at once, by Escape or by Close.
    await action(page, 'Done — what did you learn?').click();
    await expect.poll(() => stepDone.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => stepDone.isVisible()).toBe(false);
    expect(await leaveQuestion(page).count()).toBe(0);

    // Saved in the dialog, then away: no question.
    await action(page, 'Done — what did you learn?').click();
    await expect.poll(() => stepDone.isVisible()).toBe(true);
    await lesson.fill('Asking for the next step early works.');
    await stepDone.getByLabel('Your next tiny step').fill('Plan Thursday’s demo outcome');
    await stepDone.getByRole('button', { name: 'Save and take the next step' }).click();
    await expect.poll(() => stepDone.isVisible()).toBe(false);
    await expect.poll(() => page.locator('.next-step').innerText()).toBe('Plan Thursday’s demo outcome');
    await nav.getByRole('link', { name: 'Goals' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'My goals' }).isVisible()).toBe(true);
    expect(await leaveQuestion(page).count()).toBe(0);

    // A form that stays on its page once saved (the profile): leaving it afterwards asks nothing.
    await page.goto(`${baseUrl}/settings/profile`);
    const name = page.getByLabel('Name', { exact: true });
    await expect.poll(() => name.inputValue()).toBe('Rita Rep');
    await name.fill('Rita R. Rep');
    await action(page, 'Save profile').click();
    await expect.poll(() => page.getByText('Your profile is saved.').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.user-menu-name').innerText()).toBe('Rita R. Rep');
    await nav.getByRole('link', { name: 'Today' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/today');
    await onToday();
    expect(await leaveQuestion(page).count()).toBe(0);
    expect(browserDialogs).toEqual(['beforeunload']);

    // Back with typed text, then Leave: the step back happens after all, and Forward returns.
    await nav.getByRole('link', { name: 'Goals' }).click();
    await whatYouWant.fill('Coach two reps a week');
    await page.goBack();
    await expect.poll(() => leaveQuestion(page).isVisible()).toBe(true);
    // The step back is undone: the address is the page's again.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/goals');
    await leaveQuestion(page).getByRole('button', { name: 'Leave' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/today');
    await onToday();
    await page.goForward();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/goals');
    await expect.poll(() => whatYouWant.isVisible()).toBe(true);
    expect(await leaveQuestion(page).count()).toBe(0);

    expect(errors).toEqual([]);
    await close();
  });
});
