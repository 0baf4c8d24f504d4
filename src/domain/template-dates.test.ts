import { describe, expect, it } from 'vitest';
import { todayIn } from './dates.js';
import { planHealth } from './plan-health.js';
import { layOutTemplateDates, type TemplateItem } from './template-dates.js';

const item = (over: Partial<TemplateItem>): TemplateItem => ({ kind: 'commitment', title: 'Step', due: { anchor: 'start', days: 7 }, mustDo: false, today: '2026-12-04', ...over });

describe('laying out a template’s dates', () => {
  it('keeps dates the template gives when they are fair', () => {
    const out = layOutTemplateDates({ startDate: '2026-12-04', targetDate: '2027-01-31', items: [item({}), item({ due: { anchor: 'target', days: -14 }, mustDo: true }), item({ kind: 'milestone', due: null })] });
    expect(out).toEqual({ dates: ['2026-12-11', '2027-01-17', null], adjustments: [] });
  });

  it('moves a must-do due within 3 days of the start to the 3rd day, and says so', () => {
    const out = layOutTemplateDates({ startDate: '2026-12-04', targetDate: '2027-01-31', items: [item({ title: 'Send the summary', due: { anchor: 'start', days: 2 }, mustDo: true }), item({ due: { anchor: 'start', days: 1 } })] });
    expect(out.dates).toEqual(['2026-12-07', '2026-12-05']);
    expect(out.adjustments).toEqual([
      {
        kind: 'commitment',
        title: 'Send the summary',
        from: '2026-12-06',
        to: '2026-12-07',
        reason: 'must_do_too_soon',
        message: '“Send the summary” is due Mon 7 Dec 2026 instead of Sun 6 Dec 2026: a must-do is due at least 3 days after the start, so nobody starts behind.',
      },
    ]);
  });

  it('never produces a date before today where the item is judged (a short target pulls offsets into the past)', () => {
    // Target 10 days out: "45 days before the target" would be 5 weeks ago.
    const out = layOutTemplateDates({ startDate: '2026-12-04', targetDate: '2026-12-14', items: [item({ title: 'Renewal proposal', due: { anchor: 'target', days: -45 } }), item({ kind: 'milestone', title: 'Terms', due: { anchor: 'target', days: -30 }, today: '2026-12-05' })] });
    expect(out.dates).toEqual(['2026-12-04', '2026-12-05']);
    expect(out.adjustments.map((a) => [a.title, a.from, a.to, a.reason])).toEqual([
      ['Renewal proposal', '2026-10-30', '2026-12-04', 'before_today'],
      ['Terms', '2026-11-14', '2026-12-05', 'before_today'],
    ]);
  });

  it('counts a must-do’s 3 days from the owner’s today when their zone is already a day ahead', () => {
    // Start is the creator’s today in Los Angeles (4 Dec); the customer in Auckland is on the 5th.
    const out = layOutTemplateDates({ startDate: '2026-12-04', targetDate: '2027-01-31', items: [item({ due: { anchor: 'start', days: 3 }, mustDo: true, today: '2026-12-05' })] });
    expect(out.dates).toEqual(['2026-12-08']);
  });

  it('gives a plan that is not at risk in its first minute, in either zone', () => {
    // 11:30 UTC on 4 Dec: the 4th in Los Angeles (where the rep starts the plan), the 5th in Auckland.
    const now = new Date('2026-12-04T11:30:00Z');
    const start = todayIn('America/Los_Angeles', now);
    const zones = ['America/Los_Angeles', 'Pacific/Auckland'];
    const items = zones.map((zone) => item({ due: { anchor: 'start', days: 2 }, mustDo: true, today: todayIn(zone, now) }));
    const { dates } = layOutTemplateDates({ startDate: start, targetDate: '2027-01-31', items });
    const commitments = zones.map((zone, i) => ({
      id: `c${i}`, title: 'Must-do', side: 'seller' as const, ownerKey: `user:${i}`, ownerTimeZone: zone, mustDo: true, status: 'open' as const,
      dueDate: dates[i] ?? '', originalDueDate: dates[i] ?? '', doneAt: null, dateChanges: [], createdAt: now.toISOString(),
    }));
    expect(planHealth({ commitments, lastActivityAt: now.toISOString(), now })).toEqual({ status: 'on_track', reasons: [] });
  });
});
