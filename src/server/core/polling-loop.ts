/**
 * The loop of the workers that poll a table of leased rows (the mail outbox, webhook deliveries,
 * imports): each instance runs one, and the rows' leases (`claimed_until` + a claim token, in each
 * worker) keep two instances from holding the same row. The loop only says when a round runs:
 *
 * - a round every `pollMs` after the previous one ends, never two at once;
 * - `kick()` runs one now (or right after the one in progress) instead of waiting for the poll;
 * - a round that throws is logged and the next waits twice as long as the last, up to
 *   `maxBackoffMs`, so a database that is down is not hammered nor the log flooded; the first round
 *   that ends well brings back `pollMs`;
 * - `stop()` ends the loop and resolves when the round in progress (if any) has ended.
 *
 * The timer never keeps the process alive (`unref`).
 */
export type PollingLoopOptions = {
  /** Runs one round; what it resolves to is ignored. */
  round: () => Promise<unknown>;
  pollMs: number;
  /** The longest wait after failed rounds in a row (default: a minute, or pollMs when longer). */
  maxBackoffMs?: number;
  /** Logged with a failed round's error. */
  failure: string;
  log?: { error: (o: object, m: string) => void };
};

export type PollingLoop = {
  start: () => void;
  kick: () => void;
  stop: () => Promise<void>;
};

/** The wait before the next round after `failures` failed rounds in a row. */
export function nextWait(pollMs: number, failures: number, maxBackoffMs: number): number {
  if (failures <= 0) return pollMs;
  return Math.min(Math.max(pollMs, maxBackoffMs), pollMs * 2 ** Math.min(failures, 30));
}

export function pollingLoop(opts: PollingLoopOptions): PollingLoop {
  const maxBackoffMs = opts.maxBackoffMs ?? Math.max(60_000, opts.pollMs);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  let failures = 0;

  function round(): void {
    if (running) {
      again = true;
      return;
    }
    running = opts
      .round()
      .then(
        () => {
          failures = 0;
        },
        (err: unknown) => {
          failures += 1;
          opts.log?.error({ err }, opts.failure);
        },
      )
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          round();
        } else schedule();
      });
  }

  function schedule(): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(round, nextWait(opts.pollMs, failures, maxBackoffMs));
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      again = false;
      schedule();
    },
    kick() {
      if (stopped) return;
      if (timer) clearTimeout(timer);
      timer = null;
      round();
    },
    async stop() {
      stopped = true;
      again = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
