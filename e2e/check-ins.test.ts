import { describe, expect, it } from 'vitest';
import { action, axe, launchBrowser, newPage, screenshot, startAdvance, teamWorkspace } from './support.js';

const { baseUrl } = await startAdvance();
const browser = await launchBrowser();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

describe('a check-in', () => {
  it('the rep answers before the meeting; the manager runs it, keeps a private note, records two agreed actions, climbs the why ladder with her, and the rep finds her action on Today and her ladder as her own', async () => {
    const { manager, rep, close } = await teamWorkspace(browser, baseUrl, { workspaceName: 'Northwind Analytics', domain: 'northwind.example' });

    // The manager sets up a weekly check-in with Rita, tomorrow's weekday at 09:00 on her clock.
    const { page, errors } = await newPage(manager.context);
    await page.goto(`${baseUrl}/today`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check-ins' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Set up a check-in' }).isVisible()).toBe(true);
    expect(await axe(page, 'check-ins, nothing set up')).toEqual([]);
    const tomorrow = WEEKDAYS[new Date(Date.now() + 86_400_000).getUTCDay()];
    await page.getByLabel('With').selectOption({ label: 'Rita Rep' });
    await page.getByLabel('How often').selectOption({ label: 'Every week' });
    await page.getByLabel('Day', { exact: true }).selectOption({ label: tomorrow });
    await page.getByLabel('Time').fill('09:00');
    await action(page, 'Set up check-ins').click();
    await expect.poll(() => page.getByText(`Every week on ${tomorrow} at 09:00`).isVisible()).toBe(true);

    // Rita answers the questions before the meeting and hands them in.
    const repView = await newPage(rep.context);
    const rp = repView.page;
    await rp.goto(`${baseUrl}/check-ins`);
    await expect.poll(() => rp.getByRole('heading', { name: 'With Maya Manager' }).isVisible()).toBe(true);
    await rp.getByRole('button', { name: /^Answer the questions/ }).click();
    await expect.poll(() => rp.getByRole('heading', { name: 'Check-in with Maya Manager' }).isVisible()).toBe(true);
    await rp.getByLabel('Which advance did you plan for your most important call, and did you get it?').fill('A pilot at Globex — they said yes to a 30-day trial.');
    await rp.getByLabel('What help do you need?').fill('Practise the pricing conversation.');
    expect(await axe(rp, 'check-in, the rep answers')).toEqual([]);
    await action(rp, 'Hand in to Maya Manager').click();
    await expect.poll(() => rp.getByText('Handed in: Maya Manager can read your answers.').isVisible()).toBe(true);

    // The manager opens it: the answers are in, beside Rita's data.
    await page.reload();
    await expect.poll(() => page.getByText('Answers in').isVisible()).toBe(true);
    await action(page, /^Open the check-in/).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Check-in with Rita Rep' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('A pilot at Globex — they said yes to a 30-day trial.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Rita Rep’s data' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Too few to judge').first().isVisible()).toBe(true);

    // A private note, and a shared one.
    await page.getByRole('textbox', { name: 'New note' }).fill('Rita hesitates on price: coach, do not push.');
    await action(page, 'Add note').click();
    await expect.poll(() => page.getByText('Rita hesitates on price: coach, do not push.').isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'New note' }).fill('Role-play the pricing talk on Friday.');
    await page.getByLabel('Share this note with Rita Rep').check();
    await action(page, 'Add note').click();
    await expect.poll(() => page.getByText('Role-play the pricing talk on Friday.').isVisible()).toBe(true);

    // Two agreed actions: one for Rita, one for the manager herself.
    await page.getByLabel('What will be done').fill('Plan the advance for the Initech call');
    await page.getByLabel('Due').fill(inDays(2));
    await action(page, 'Add action').click();
    await expect.poll(() => page.getByRole('link', { name: 'Plan the advance for the Initech call' }).isVisible()).toBe(true);
    await page.getByLabel('What will be done').fill('Send Rita the pricing role-play');
    await page.getByLabel('Owner').selectOption({ label: 'Maya Manager (you)' });
    await page.getByLabel('Due').fill(inDays(3));
    await action(page, 'Add action').click();
    await expect.poll(() => page.getByRole('link', { name: 'Send Rita the pricing role-play' }).isVisible()).toBe(true);
    // The manager runs the why ladder with Rita; her answers become her own, private ladder.
    await page.getByLabel('Rita Rep’s answer to “What do you want to achieve?”').fill('Hit my quota');
    await action(page, 'Start the ladder').click();
    for (const answer of ['A bigger commission', 'Security for my family', 'security for my family']) {
      const field = page.getByLabel(/^“What will that get you\?”/);
      await expect.poll(() => field.isVisible()).toBe(true);
      await field.fill(answer);
      await action(page, 'Add the answer').click();
      await expect.poll(() => page.getByText(answer, { exact: true }).first().isVisible()).toBe(true);
    }
    await expect.poll(() => page.getByText('Proposed why:').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Security for my family', { exact: true }).first().isVisible()).toBe(true);
    expect(await axe(page, 'check-in, coaching with the why ladder')).toEqual([]);
    await action(page, 'Mark held').click();
    // Held: the session is over, and with it the manager's view of Rita's answers.
    await expect.poll(() => page.getByText(/It is Rita Rep’s, private to them unless they share it/).isVisible()).toBe(true);
    expect(await page.getByText('A bigger commission').count()).toBe(0);
    await expect.poll(() => page.getByText('Held', { exact: true }).first().isVisible()).toBe(true);
    expect(await axe(page, 'check-in, run by the manager')).toEqual([]);
    await screenshot(page, 'check-in');

    // Rita signs in to her Today: her action is there, saying where it was agreed.
    await rp.goto(`${baseUrl}/today`);
    await expect.poll(() => rp.getByRole('link', { name: 'Plan the advance for the Initech call' }).isVisible()).toBe(true);
    await expect.poll(() => rp.getByText(/Agreed in the check-in with Maya Manager/).first().isVisible()).toBe(true);
    expect(await rp.getByRole('link', { name: 'Send Rita the pricing role-play' }).count()).toBe(0);
    expect(await axe(rp, 'today with a check-in action')).toEqual([]);
    // On the check-in, the shared note and never the private one.
    await rp.getByRole('link', { name: 'Plan the advance for the Initech call' }).click();
    await expect.poll(() => rp.getByText('Role-play the pricing talk on Friday.').isVisible()).toBe(true);
    expect(await rp.getByText('Rita hesitates on price').count()).toBe(0);
    expect(await axe(rp, 'check-in, read by the rep')).toEqual([]);
    // Her ladder is hers: she opens it from the check-in.
    await expect.poll(() => rp.getByText('A bigger commission').isVisible()).toBe(true);
    await action(rp, 'Open your why ladder').click();
    await expect.poll(() => rp.url()).toContain('/goals/whys/');
    await expect.poll(() => rp.getByText('Security for my family').first().isVisible()).toBe(true);

    // And the manager sees both actions in the team's history.
    await page.goto(`${baseUrl}/check-ins`);
    await expect.poll(() => page.getByText('0 of 2 actions kept').isVisible()).toBe(true);
    expect(await axe(page, 'check-ins with history')).toEqual([]);

    expect(errors).toEqual([]);
    expect(repView.errors).toEqual([]);
    await close();
  });

  it('two tabs: a stale save keeps what was typed, says so, and saves at the second try — answers, the check-in itself, the questions', async () => {
    const { headers, adminContext, manager, rep, close } = await teamWorkspace(browser, baseUrl, { workspaceName: 'Two Tabs Ltd', domain: 'two-tabs.example' });
    const series = await manager.context.request.post(`${baseUrl}/api/v1/check-in-series`, {
      headers,
      data: { repId: rep.id, cadence: 'weekly', weekday: ((new Date().getUTCDay() + 1) % 7) || 7, time: '09:00' },
    });
    expect(series.status(), await series.text()).toBe(201);

    // Rita opens her check-in in one tab, then in a second one.
    const one = await newPage(rep.context);
    await one.page.goto(`${baseUrl}/check-ins`);
    await one.page.getByRole('button', { name: /^Answer the questions/ }).click();
    await expect.poll(() => one.page.getByRole('heading', { name: 'Check-in with Maya Manager' }).isVisible()).toBe(true);
    const two = await newPage(rep.context);
    await two.page.goto(one.page.url());
    const question = 'What help do you need?';
    await expect.poll(() => two.page.getByLabel(question).isVisible()).toBe(true);
    await one.page.getByLabel(question).fill('Typed in the first tab.');
    await action(one.page, 'Save draft').click();
    await expect.poll(() => one.page.getByText('Saved. Only you can read them until you hand them in.').isVisible()).toBe(true);
    // The second tab read the answers before: its save is refused, and what she typed there stays.
    await two.page.getByLabel(question).fill('Typed in the second tab, and kept.');
    await action(two.page, 'Save draft').click();
    await expect.poll(() => two.page.getByText(/Your answers were changed elsewhere a moment ago/).isVisible()).toBe(true);
    expect(await two.page.getByLabel(question).inputValue()).toBe('Typed in the second tab, and kept.');
    // Saving again saves it, over the other tab's.
    await action(two.page, 'Save draft').click();
    await expect.poll(() => two.page.getByText('Saved. Only you can read them until you hand them in.').isVisible()).toBe(true);
    await one.page.reload();
    await expect.poll(() => one.page.getByLabel(question).inputValue()).toBe('Typed in the second tab, and kept.');

    // Maya marks it held in one tab; the other, read before, is told and shows it as it is now.
    const checkInUrl = one.page.url();
    const held = await newPage(manager.context);
    const stale = await newPage(manager.context);
    for (const p of [held.page, stale.page]) {
      await p.goto(checkInUrl);
      await expect.poll(() => action(p, 'Mark held').isVisible()).toBe(true);
    }
    await action(held.page, 'Mark held').click();
    await expect.poll(() => action(held.page, 'Not held after all').isVisible()).toBe(true);
    await action(stale.page, 'Mark held').click();
    await expect.poll(() => stale.page.getByText('Someone changed this check-in a moment ago — here it is now.').isVisible()).toBe(true);
    await expect.poll(() => action(stale.page, 'Not held after all').isVisible()).toBe(true);

    // The week after's check-in says what was agreed last time — here nothing — with a link to that check-in.
    const [running] = ((await (await manager.context.request.get(`${baseUrl}/api/v1/check-in-series`)).json()) as { data: { id: string; next: { scheduledAt: string } }[] }).data;
    const weekAfter = new Date(Date.parse(running.next.scheduledAt) + 7 * 86_400_000).toISOString();
    const opened = await manager.context.request.post(`${baseUrl}/api/v1/check-in-series/${running.id}/check-ins`, { headers, data: { scheduledAt: weekAfter } });
    expect(opened.ok(), await opened.text()).toBe(true);
    await held.page.goto(`${baseUrl}/check-ins/${((await opened.json()) as { id: string }).id}`);
    await expect.poll(() => held.page.getByText(/Nothing was agreed then\./).isVisible()).toBe(true);
    await expect.poll(() => held.page.getByRole('link', { name: /^check-in of / }).isVisible()).toBe(true);
    expect(await axe(held.page, 'check-in, actions from last time')).toEqual([]);

    // Two admins' tabs on the questions: the second keeps its new question and shows the first's.
    const a = await newPage(adminContext);
    const b = await newPage(adminContext);
    const box = (p: typeof a.page) => p.getByLabel('Questions, one per line');
    for (const p of [a.page, b.page]) {
      await p.goto(`${baseUrl}/check-ins`);
      await expect.poll(() => box(p).inputValue()).toContain(question);
    }
    await box(a.page).fill(`${await box(a.page).inputValue()}\nWhat did you try for the first time?`);
    await action(a.page, 'Save questions').click();
    await expect.poll(() => a.page.getByText('Saved. New check-ins ask these questions.').isVisible()).toBe(true);
    await box(b.page).fill(`${await box(b.page).inputValue()}\nWho should you have met and did not?`);
    await action(b.page, 'Save questions').click();
    await expect.poll(() => b.page.getByText(/Someone else changed the questions a moment ago/).isVisible()).toBe(true);
    expect(await box(b.page).inputValue()).toContain('Who should you have met and did not?');
    await expect.poll(() => b.page.getByRole('list', { name: 'Questions saved meanwhile' }).innerText()).toContain('What did you try for the first time?');
    expect(await axe(b.page, 'check-in questions, saved meanwhile')).toEqual([]);
    await action(b.page, 'Save questions').click();
    await expect.poll(() => b.page.getByText('Saved. New check-ins ask these questions.').isVisible()).toBe(true);
    const template = (await (await adminContext.request.get(`${baseUrl}/api/v1/check-in-template`)).json()) as { questions: { text: string }[] };
    expect(template.questions.map((q) => q.text)).toContain('Who should you have met and did not?');

    // Each refused save answered 409, and nothing else failed.
    for (const errs of [one.errors, held.errors, a.errors]) expect(errs).toEqual([]);
    for (const errs of [two.errors, stale.errors, b.errors]) expect(errs.filter((e) => !e.includes('409'))).toEqual([]);
    await close();
  });
});
