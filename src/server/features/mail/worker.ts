import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { afterFailure } from '../../../domain/mail-backoff.js';
import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db/connect.js';
import { pollingLoop } from '../../core/polling-loop.js';
import type { MailOutboxTable } from '../../core/db/schema.js';
import { addressSuppressed, isDemoWorkspace, isPreferenceKind, wantsMail } from './outbox.js';
import { renderRow } from './render.js';
import { scanReminders } from './scan.js';

/**
 * The mail worker: runs inside every app instance (main.ts starts it), and any number of them can
 * share one database. Each round it claims due mails one by one with a conditional update — a
 * lease (`claimed_until`) and a claim token — so a row is only ever held by one worker; sends it;
 * and marks it sent only if its claim still stands. A worker that dies while holding a row loses it
 * when the lease ends and another sends it again, with the same Message-ID (see render.ts): the
 * receiving side keeps one. Failures wait an exponential backoff; after MAIL_MAX_ATTEMPTS the row is
 * dead until an admin retries it.
 */

type SendMail = Pick<Transporter, 'sendMail'>;

export type WorkerOptions = {
  db: Db;
  config: Config;
  /** nodemailer's transport; null = no SMTP: mail waits in the outbox (the scan still queues reminders). */
  transport: SendMail | null;
  log?: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void; error: (o: object, m: string) => void };
  /** Mails claimed per round. */
  batch?: number;
  /** Tests: runs after the SMTP server took the mail and before it is marked sent (a worker that dies there never returns). */
  afterSend?: (row: MailOutboxTable) => Promise<void>;
  random?: () => number;
  /** How often a round also scans for reminders (default 5 minutes; 0 = every round). */
  scanEveryMs?: number;
};

/** What a round did; `lost`: due mails another worker claimed first. */
export type TickResult = { sent: number; failed: number; dead: number; skipped: number; queued: number; lost: number };

export type MailWorker = {
  /** One round: queue the reminders that are due, then send what is due. */
  tick: (now?: Date) => Promise<TickResult>;
  /** Runs `tick` every MAIL_POLL_MS until `stop` (core/polling-loop.ts). */
  start: () => void;
  /** Stops the loop and waits for the round in progress. */
  stop: () => Promise<void>;
};

const ERROR_MAX = 500;

export function createMailWorker(opts: WorkerOptions): MailWorker {
  const { db, config } = opts;
  const batch = opts.batch ?? 20;
  const random = opts.random ?? Math.random;
  const me = randomUUID();
  const scanEveryMs = opts.scanEveryMs ?? 5 * 60_000;
  let lastScan = -Infinity;

  /** Takes one due row if nobody holds it; null when another worker was first. */
  async function claim(id: string, now: Date): Promise<MailOutboxTable | null> {
    const at = now.toISOString();
    const row = await db
      .updateTable('mail_outbox')
      .set({ claimed_until: new Date(now.getTime() + config.mail.leaseMs).toISOString(), claim_token: me, attempts: (eb) => eb('attempts', '+', 1), updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  /** Whether the recipient still wants it: they may have turned the kind off since it was queued. */
  async function stillWanted(row: MailOutboxTable): Promise<boolean> {
    // The demo mails nobody (outbox.ts): a row of it queued before it stopped, or retried, stays unsent.
    if (row.workspace_id && (await isDemoWorkspace(db, row.workspace_id))) return false;
    if (isPreferenceKind(row.kind)) return row.user_id ? wantsMail(db, row.user_id, row.kind) : true;
    if (row.kind === 'customer_reminder' || row.kind === 'customer_link') {
      const link = await db.selectFrom('plan_share_links').select(['revoked_at', 'reminders_stopped_at', 'expires_at']).where('id', '=', row.share_link_id ?? '').executeTakeFirst();
      if (!link || link.revoked_at || Date.parse(link.expires_at) <= Date.now()) return false;
      return row.kind === 'customer_link' || !link.reminders_stopped_at;
    }
    if (row.kind === 'invitation') {
      if (await addressSuppressed(db, row.to_address, 'invitation')) return false;
      const { inviteId } = JSON.parse(row.data) as { inviteId?: string };
      const invite = await db.selectFrom('invites').select(['accepted_at', 'revoked_at']).where('id', '=', inviteId ?? '').executeTakeFirst();
      return !!invite && !invite.accepted_at && !invite.revoked_at;
    }
    return true;
  }

  /** Only the holder of the claim may record the outcome. */
  const mine = (id: string) => db.updateTable('mail_outbox').where('id', '=', id).where('claim_token', '=', me).where('status', '=', 'pending');

  async function deliver(row: MailOutboxTable, transport: SendMail, now: Date, result: TickResult): Promise<void> {
    if (!(await stillWanted(row))) {
      await mine(row.id).set({ status: 'skipped', claimed_until: null, updated_at: new Date().toISOString() }).execute();
      result.skipped += 1;
      return;
    }
    try {
      const mail = await renderRow(db, config, row);
      await transport.sendMail({
        from: config.mail.from,
        to: row.to_name ? { name: row.to_name, address: row.to_address } : row.to_address,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        date: new Date(row.created_at),
        ...(mail.unsubscribeUrl ? { list: { unsubscribe: mail.unsubscribeUrl }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
      });
    } catch (err) {
      const outcome = afterFailure(row.attempts, config.mail.maxAttempts, now, random());
      const message = (err instanceof Error ? err.message : String(err)).slice(0, ERROR_MAX);
      await mine(row.id)
        .set(outcome.dead ? { status: 'dead', claimed_until: null, last_error: message, updated_at: new Date().toISOString() } : { next_attempt_at: outcome.retryAt.toISOString(), claimed_until: null, last_error: message, updated_at: new Date().toISOString() })
        .execute();
      opts.log?.warn({ mailId: row.id, attempts: row.attempts, dead: outcome.dead, err: message }, 'mail not sent');
      if (outcome.dead) result.dead += 1;
      else result.failed += 1;
      return;
    }
    if (opts.afterSend) await opts.afterSend(row);
    const stored = JSON.parse(row.data) as { secret?: string | null };
    const sentAt = new Date().toISOString();
    await mine(row.id)
      .set({
        status: 'sent',
        sent_at: sentAt,
        claimed_until: null,
        last_error: null,
        updated_at: sentAt,
        // A single-use link stays only in the recipient's mailbox.
        ...(row.contains_secret ? { data: JSON.stringify({ ...stored, secret: null }) } : {}),
      })
      .execute();
    result.sent += 1;
  }

  async function tick(now = new Date()): Promise<TickResult> {
    const result: TickResult = { sent: 0, failed: 0, dead: 0, skipped: 0, queued: 0, lost: 0 };
    if (now.getTime() - lastScan >= scanEveryMs) {
      lastScan = now.getTime();
      result.queued = await scanReminders(db, now);
    }
    const transport = opts.transport;
    if (!transport) return result;
    const at = now.toISOString();
    const due = await db
      .selectFrom('mail_outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(batch)
      .execute();
    for (const { id } of due) {
      const row = await claim(id, now);
      if (row) await deliver(row, transport, now, result);
      else result.lost += 1;
    }
    return result;
  }

  const loop = pollingLoop({ round: () => tick(), pollMs: config.mail.pollMs, failure: 'mail round failed', log: opts.log });
  return { tick, start: loop.start, stop: loop.stop };
}
