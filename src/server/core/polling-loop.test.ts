import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextWait, pollingLoop } from './polling-loop.js';

/** A round the test ends by hand: `rounds` counts the ones begun, `finish()` ends the current one. */
function controlledRounds() {
  const ends: Array<(fail?: Error) => void> = [];
  const state = {
    rounds: 0,
    inProgress: 0,
    round: () => {
      state.rounds += 1;
      state.inProgress += 1;
      return new Promise<void>((resolve, reject) => {
        ends.push((fail) => {
          state.inProgress -= 1;
          if (fail) reject(fail);
          else resolve();
        });
      });
    },
    finish: async (fail?: Error) => {
      ends.shift()?.(fail);
      await vi.advanceTimersByTimeAsync(0);
    },
  };
  return state;
}

describe('the polling loop of the outbox workers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a round every pollMs after the previous one ends, never two at once', async () => {
    const r = controlledRounds();
    const loop = pollingLoop({ round: r.round, pollMs: 1_000, failure: 'round failed' });
    loop.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(r.rounds).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.rounds).toBe(1);
    // A slow round: nothing else starts while it runs.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(r.rounds).toBe(1);
    await r.finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(r.rounds).toBe(2);
    await r.finish();
    await loop.stop();
  });

  it('stop waits for the round in progress, and no round starts after it', async () => {
    const r = controlledRounds();
    const loop = pollingLoop({ round: r.round, pollMs: 100, failure: 'round failed' });
    loop.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(r.inProgress).toBe(1);
    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    await r.finish();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.rounds).toBe(1);
    // Kicking a stopped loop does nothing; starting it again polls again.
    loop.kick();
    expect(r.rounds).toBe(1);
    loop.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(r.rounds).toBe(2);
    await r.finish();
    await loop.stop();
  });

  it('a kick runs a round now, or once more right after the one in progress', async () => {
    const r = controlledRounds();
    const loop = pollingLoop({ round: r.round, pollMs: 60_000, failure: 'round failed' });
    loop.start();
    loop.kick();
    expect(r.rounds).toBe(1);
    loop.kick();
    loop.kick();
    expect(r.rounds).toBe(1);
    await r.finish();
    // The kicks while it ran make one more round, at once.
    expect(r.rounds).toBe(2);
    await r.finish();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(r.rounds).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.rounds).toBe(3);
    await r.finish();
    await loop.stop();
  });

  it('backs off after failed rounds, logging each, and polls at its pace again once a round succeeds', async () => {
    const r = controlledRounds();
    const errors: unknown[] = [];
    const loop = pollingLoop({ round: r.round, pollMs: 1_000, maxBackoffMs: 4_000, failure: 'round failed', log: { error: (o) => errors.push(o) } });
    loop.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(r.rounds).toBe(1);
    const waitsAfterFailure = [2_000, 4_000, 4_000];
    for (const wait of waitsAfterFailure) {
      const before = r.rounds;
      await r.finish(new Error('database down'));
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(r.rounds).toBe(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(r.rounds).toBe(before + 1);
    }
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatchObject({ err: expect.objectContaining({ message: 'database down' }) });
    await r.finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(r.rounds).toBe(5);
    await r.finish();
    await loop.stop();
  });

  it('waits pollMs without failures, doubling per failure up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 60].map((f) => nextWait(2_000, f, 60_000))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    // A poll longer than the cap is never shortened.
    expect(nextWait(120_000, 3, 60_000)).toBe(120_000);
  });
});
