import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance, teamWorkspace } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

describe('goals: a why found on the ladder, a what goal and its one tiny next step', () => {
  it('a rep climbs a ladder to its end, sets a goal with a first step, completes it with a lesson and a next step; the manager sees the goal, not the why', async () => {
    const { manager, rep, close } = await teamWorkspace(browser, baseUrl, { workspaceName: 'Northwind Goals', domain: 'goals.example' });

    // Rita opens Goals from the navigation and starts her why ladder.
    const { page, errors } = await newPage(rep.context);
    await page.goto(`${baseUrl}/today`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'My goals' }).isVisible()).toBe(true);
    expect(await axe(page, 'my goals (empty)')).toEqual([]);
    await page.getByLabel('What do you want to achieve?').fill('hit my quota');
    await action(page, 'Find my why').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Your why' }).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Private: only you see this').isVisible()).toBe(true);

    // Each answer becomes the next rung; the question is asked of it.
    for (const answer of ['a bigger commission', 'pay off the mortgage', 'security for my family']) {
      await page.getByLabel('Your answer').fill(answer);
      await action(page, 'Add answer').click();
      await expect.poll(() => page.locator('.ladder-ask').innerText()).toContain(answer);
    }
    expect(await axe(page, 'the why ladder, climbing')).toEqual([]);
    // The same answer again, in other words' clothing: the ladder ends and proposes it.
    await page.getByLabel('Your answer').fill('Security for my family!');
    await action(page, 'Add answer').click();
    await expect.poll(() => page.getByText('The same as answer 4: the answer has stopped changing.').isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Your why, in your words').inputValue()).toBe('security for my family');
    await page.getByLabel('Your why, in your words').fill('Security for my family');
    await action(page, 'Save my why').click();
    await expect.poll(() => page.locator('.why-text').first().innerText()).toBe('Security for my family');
    await screenshot(page, 'goals-ladder');
    expect(await axe(page, 'the why ladder, ended')).toEqual([]);

    // A what goal, measured by Advance, serving that why, with its first tiny step.
    await page.goto(`${baseUrl}/goals/new`);
    await expect.poll(() => page.getByRole('heading', { name: 'New goal' }).isVisible()).toBe(true);
    // Sent empty, the form says what each field needs, beside it.
    await action(page, 'Set goal').click();
    await expect.poll(() => page.getByText('The goal is required.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('The first step is required.').isVisible()).toBe(true);
    await page.getByLabel('Goal', { exact: true }).fill('Plan the outcome of every customer call');
    await page.getByLabel('Measured by').selectOption({ label: 'Advance rate (advances out of interactions with a result)' });
    await page.getByLabel('Target rate (%)').fill('60');
    await page.getByLabel('Stretch goal').check();
    await page.getByLabel('The why it serves').selectOption({ label: 'Security for my family' });
    await page.getByLabel('Your first tiny step').fill('Write the outcome for tomorrow’s call with Globex');
    expect(await axe(page, 'new goal form')).toEqual([]);
    await action(page, 'Set goal').click();
    await expect.poll(() => page.getByRole('heading', { name: /Plan the outcome of every customer call/ }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.next-step').innerText()).toBe('Write the outcome for tomorrow’s call with Globex');
    await expect.poll(() => page.getByText('Too few to judge yet').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/n = 0/).isVisible()).toBe(true);
    expect(await axe(page, 'a goal')).toEqual([]);

    // Done: what was learned and the next step, in one action.
    await action(page, 'Done — what did you learn?').click();
    const dialog = page.getByRole('dialog', { name: 'Step done' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('What did you learn?').fill('Writing it down made me ask for the next meeting.');
    await dialog.getByLabel('Your next tiny step').fill('Plan Thursday’s demo outcome');
    expect(await axe(page, 'complete a step')).toEqual([]);
    await dialog.getByRole('button', { name: 'Save and take the next step' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.locator('.next-step').innerText()).toBe('Plan Thursday’s demo outcome');
    const log = page.getByRole('region', { name: 'Steps so far' });
    await expect.poll(() => log.innerText()).toContain('Write the outcome for tomorrow’s call with Globex');
    await expect.poll(() => log.innerText()).toContain('Learned: Writing it down made me ask for the next meeting.');
    const today = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date());
    expect(await log.innerText()).toContain(today);
    await expect.poll(() => page.getByRole('link', { name: 'Security for my family' }).isVisible()).toBe(true);
    // The target can change (a versioned edit of what changed only).
    await action(page, 'Edit').click();
    const edit = page.getByRole('dialog', { name: 'Edit goal' });
    await edit.getByLabel('Target rate (%)').fill('70');
    expect(await axe(page, 'edit a goal')).toEqual([]);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Target 70 %').isVisible()).toBe(true);
    // Its history: who did what and when — the step done with its lesson, the target changed.
    const history = page.getByRole('region', { name: 'History' });
    await expect.poll(() => history.innerText()).toContain('completed the step “Write the outcome for tomorrow’s call with Globex”');
    await expect.poll(() => history.innerText()).toContain('Learned: “Writing it down made me ask for the next meeting.”');
    await expect.poll(() => history.innerText()).toContain('changed target: “60” → “70”');
    const goalUrl = page.url();
    await screenshot(page, 'goals-goal');
    expect(await axe(page, 'a goal with its step log')).toEqual([]);

    // The step is on Today.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    const steps = page.getByRole('region', { name: 'Your next steps' });
    await expect.poll(() => steps.innerText()).toContain('Plan Thursday’s demo outcome');
    expect(await axe(page, 'today with the next steps')).toEqual([]);

    // Maya, her manager, coaches the goal but cannot see the why Rita keeps private.
    const { page: mayaPage, errors: mayaErrors } = await newPage(manager.context);
    await mayaPage.goto(`${baseUrl}/goals?rep=${rep.id}`);
    await expect.poll(() => mayaPage.getByRole('heading', { name: 'Rita Rep’s goals' }).isVisible()).toBe(true);
    await expect.poll(() => mayaPage.getByRole('link', { name: 'Plan the outcome of every customer call' }).isVisible()).toBe(true);
    await expect.poll(() => mayaPage.getByText('Nothing shared').isVisible()).toBe(true);
    expect(await mayaPage.content()).not.toContain('Security for my family');
    expect(await axe(mayaPage, 'a rep’s goals (manager)')).toEqual([]);
    // The goal's page and its history for Maya: every step, never the why it serves.
    await mayaPage.goto(goalUrl);
    await expect.poll(() => mayaPage.getByRole('region', { name: 'History' }).innerText()).toContain('set the next step: “Plan Thursday’s demo outcome”');
    expect(await mayaPage.content()).not.toContain('Security for my family');
    expect(await axe(mayaPage, 'a rep’s goal with its history (manager)')).toEqual([]);
    const ladders = (await (await manager.context.request.get(`${baseUrl}/api/v1/why-ladders?ownerId=${rep.id}`)).json()) as { data: unknown[] };
    expect(ladders.data).toEqual([]);

    expect(errors).toEqual([]);
    expect(mayaErrors).toEqual([]);
    await close();
  });
});
