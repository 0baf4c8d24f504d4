import { describe, expect, it } from 'vitest';
import { Client } from '../../test/factories.js';
import { testApp } from '../../test/harness.js';
import { DEMO_PASSWORD, demoEmail } from './catalogue.js';

// A demo workspace of its own: these tests answer retrospectives, which the other demo tests need not see.
const { app } = await testApp();

type Row = { opportunity: { id: string; name: string; status: string }; rep: { name: string } };

describe('the demo’s retrospectives', () => {
  it('hold a lucky win and an unlucky loss, placed by what the data shows', async () => {
    const manager = new Client(app);
    await manager.post('/api/v1/demo/session', {});
    const team = (await manager.get('/api/v1/teams')).data.data[0];
    const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const list = (await manager.get(`/api/v1/teams/${team.id}/retrospectives?from=${yearAgo}&to=${today}`)).data;
    // The admin answers neither side of a team that has its manager: the score shows at once.
    const admin = new Client(app);
    expect((await admin.post('/api/v1/session', { email: demoEmail('admin'), password: DEMO_PASSWORD })).statusCode).toBe(201);
    const placed = async (name: string, status: string) => {
      const row = (list.deals as Row[]).find((d) => d.opportunity.name === name && d.opportunity.status === status && d.rep.name === 'Jonas Weber');
      expect(row, `${name} (${status})`).toBeDefined();
      return (await admin.get(`/api/v1/opportunities/${row!.opportunity.id}/retrospective`)).data;
    };
    const lucky = await placed('Capacity planning', 'won');
    expect(lucky.placement.byData).toBe('lucky_win');
    expect(lucky.process.components.find((c: { part: string }) => c.part === 'advancesWon')).toMatchObject({ successes: 0, n: 4 });
    const unlucky = await placed('Demand forecasting pilot', 'lost');
    expect(unlucky.placement.byData).toBe('unlucky_loss');
    expect(unlucky.process.verdict).toBe('sound');
    // Every closed deal of the year is listed, each rep's by name.
    expect(list.deals.length).toBeGreaterThan(20);
    expect(list.processWins.summary).toMatch(/\.$/);
  });

  it('gives the weekly charts something to say: the real change it holds, and routine variation, in words', async () => {
    const manager = new Client(app);
    await manager.post('/api/v1/demo/session', {});
    const team = (await manager.get('/api/v1/teams')).data.data[0];
    // The last year, whatever day it is: a quarter's first days would have little to chart.
    const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const page = (await manager.get(`/api/v1/teams/${team.id}/coaching?from=${yearAgo}&to=${today}`)).data;
    expect(page.reps.map((r: { rep: { name: string } }) => r.rep.name)).toEqual([...page.reps.map((r: { rep: { name: string } }) => r.rep.name)].sort((a, b) => a.localeCompare(b)));
    // The real change the demo holds: Emily's calls of the last weeks were written up after the fact.
    const emily = page.reps.find((r: { rep: { name: string } }) => r.rep.name === 'Emily Carter');
    const hers = (await manager.get(`/api/v1/users/${emily.rep.id}/coaching?from=${yearAgo}&to=${today}`)).data.measures.plannedAhead;
    expect(hers.chart.summary.join(' ')).toMatch(/beyond the lower limit: a real change, worth asking about/);
    expect(page.measures.plannedAhead.chart.summary.join(' ')).toMatch(/a real change, worth asking about|a sustained shift, worth asking about/);
    for (const key of ['plannedAhead', 'advances', 'sellerKept', 'customerKept']) {
      expect(page.measures[key].n, key).toBeGreaterThan(5);
      expect(page.measures[key].chart.summary.join(' '), key).toMatch(/routine variation — no week stands out|a real change, worth asking about|a sustained shift, worth asking about/);
    }
  });
});
