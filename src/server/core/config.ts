import path from 'node:path';
import { z } from 'zod';

/** What Fastify's trustProxy takes: no proxy, a number of hops, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

/**
 * Every setting Advance reads from the environment, parsed once at boot.
 * Each variable is documented here and in the README ("Configuration").
 */
const envSchema = z.object({
  /** TCP port the HTTP server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; 0.0.0.0 to accept connections from other machines. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** postgres://user:pass@host:5432/db to use PostgreSQL; unset for the embedded SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for SQLite)')
    .optional(),
  /** Folder for the SQLite database file (ignored with DATABASE_URL). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** The address people use to reach Advance, e.g. https://advance.example.com. Used for links and
   *  the Origin check; https turns on Secure, __Host- cookies. */
  PUBLIC_URL: z
    .string()
    .url()
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** fatal | error | warn | info | debug | trace | silent */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A session ends after this many minutes without a request. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 90).default(60 * 24 * 7),
  /** A session ends this many hours after sign-in, however active. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24 * 30),
  /** An invite link works for this many hours. */
  INVITE_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  /** Offer the demo workspace on the first page ("true"/"false"). */
  DEMO_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Failed sign-ins for one account from one IP address before each further try from there waits,
   *  1 s after the next failure, then 2 s, 4 s… up to 15 minutes (a growing delay, not a lock). */
  SIGNIN_FREE_FAILURES_PER_ACCOUNT_IP: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins for one account from all addresses within 15 minutes before addresses that have
   *  failed on it must wait too; an address with no failure on the account (its owner's) still gets in. */
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(50),
  /** Failed sign-ins from one IP address, across accounts, within 15 minutes before 429. */
  SIGNIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  /** Workspaces created (with SMTP_URL: sign-up emails sent) from one IP address per hour; refused sign-ups do not count… */
  SIGNUP_MAX_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** …they have their own allowance: refused sign-ups (address taken, common password) from one IP address per hour. */
  SIGNUP_MAX_FAILURES_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Invite links that do not work (unknown, expired, revoked, used) one IP address may try in 15 minutes
   *  (looking them up and accepting them together) before it gets 429 for any invite link. */
  INVITE_TOKEN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(10),
  /** Invites one workspace may create per hour, those refused (the address has an account) included. */
  INVITES_MAX_PER_WORKSPACE_PER_HOUR: z.coerce.number().int().min(1).default(50),
  /** Share links one workspace may send by email per hour (links without an email are not counted). */
  SHARE_LINK_EMAILS_MAX_PER_WORKSPACE_PER_HOUR: z.coerce.number().int().min(1).default(50),
  /** Demo sessions started from one IP address per hour. */
  DEMO_SESSION_MAX_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Writes (ticks, dates, comments, commitments) one share link may make per minute… */
  GUEST_WRITES_PER_LINK_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** …and share-link writes from one IP address per minute, whatever the link. */
  GUEST_WRITES_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Fetches of one calendar feed (a person's, or a share link's) per minute: calendar apps poll every few hours… */
  CALENDAR_FEED_REQUESTS_PER_TOKEN_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** …and calendar feed fetches from one IP address per minute, whatever the feed. */
  CALENDAR_FEED_REQUESTS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** Comments customers may post on one plan in 24 hours (all its links together). */
  GUEST_COMMENTS_PER_PLAN_PER_DAY: z.coerce.number().int().min(1).default(100),
  /** Customer-side commitments one plan takes in 24 hours, by either side: past it, the customer's page may add none until the oldest is a day old. */
  GUEST_COMMITMENTS_PER_PLAN_PER_DAY: z.coerce.number().int().min(1).default(50),
  /** Whole-workspace exports (a zip of everything) an admin may start per workspace per hour. */
  WORKSPACE_EXPORTS_PER_HOUR: z.coerce.number().int().min(1).default(5),
  /** Requests with a wrong API token one IP address may make in 15 minutes before it gets 429. */
  API_TOKEN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  /** How long a request waits for another with the same Idempotency-Key to finish before 409. */
  IDEMPOTENCY_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /**
   * Which X-Forwarded-For hops to trust, for the client's address (rate limits, logs, audit). "false"
   * (default): none. "true" or a number: that many proxies in front (true = 1, one load balancer) —
   * the client's address is the one the nearest trusted proxy appended, never an entry the client
   * wrote itself. Or the proxies' addresses: a comma-separated list of IPs or CIDRs.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): TrustProxy => {
      const t = v.trim().toLowerCase();
      if (t === 'false' || t === '0' || t === '') return false;
      if (t === 'true') return 1;
      if (/^[0-9]+$/.test(t)) return Math.min(Number(t), 10);
      const list = t.split(',').map((x) => x.trim()).filter(Boolean);
      if (list.length > 0 && list.every((x) => /^[0-9a-f:.]+(\/[0-9]{1,3})?$/.test(x))) return list;
      ctx.addIssue({ code: 'custom', message: 'Use false, true (one proxy), a number of proxies, or a comma-separated list of proxy IPs or CIDRs.' });
      return z.NEVER;
    }),
  /** After SIGTERM, milliseconds /readyz answers 503 before the server stops accepting connections,
   *  so a load balancer stops sending traffic first. */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  /** After that, milliseconds in-flight requests get to finish before the process exits anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** smtp://user:pass@host:587 or smtps://…:465 (nodemailer's URL form). Unset: mail stays in the outbox,
   *  where admins read it on the development mail page (Settings → Email). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL (leave unset to keep mail in the outbox)')
    .refine((v) => URL.canParse(v), 'must be a valid URL')
    .optional(),
  /** The From of every mail: `Advance <advance@example.com>` or a bare address. Its domain also names
   *  the Message-IDs. Default: advance@ the PUBLIC_URL host (or localhost). */
  MAIL_FROM: z.string().min(3).max(320).optional(),
  /** A mail that failed this many times stops being retried (dead letter; an admin can retry it). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** How long a worker holds a claimed mail before another instance may take it over (seconds). */
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  /** How often the mail worker looks for mail to send and for reminders that are due (milliseconds). */
  MAIL_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /** A password reset link works for this many minutes. */
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 7).default(60),
  /** A sign-up confirmation link (SMTP_URL set) works for this many hours. */
  SIGNUP_CONFIRM_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
  /** Password reset requests from one IP address per hour (and at most 5 per email address an hour). */
  PASSWORD_RESET_MAX_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Allow webhook endpoints on http:// and on private, loopback and link-local addresses ("true"/"false").
   *  Off by default: only https:// to public addresses. For development and tests only. */
  WEBHOOKS_ALLOW_PRIVATE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** A webhook delivery that failed this many times stops being retried (dead; an admin can retry it). */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** How long Advance waits for a receiver's answer (seconds); slower counts as a failed attempt. */
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  /** How often the webhook worker looks for deliveries that are due (milliseconds). */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2_000),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  publicUrl: string | undefined;
  secureCookies: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  inviteTtlMs: number;
  demoEnabled: boolean;
  signinFreeFailuresPerAccountIp: number;
  signinMaxFailuresPerAccount: number;
  signinMaxFailuresPerIp: number;
  signupMaxPerIpPerHour: number;
  signupMaxFailuresPerIpPerHour: number;
  inviteTokenMaxFailuresPerIp: number;
  invitesMaxPerWorkspacePerHour: number;
  shareLinkEmailsMaxPerWorkspacePerHour: number;
  demoSessionMaxPerIpPerHour: number;
  guestWritesPerLinkPerMinute: number;
  guestWritesPerIpPerMinute: number;
  guestCommentsPerPlanPerDay: number;
  guestCommitmentsPerPlanPerDay: number;
  workspaceExportsPerHour: number;
  apiTokenMaxFailuresPerIp: number;
  calendarFeedRequestsPerTokenPerMinute: number;
  calendarFeedRequestsPerIpPerMinute: number;
  idempotencyWaitMs: number;
  trustProxy: TrustProxy;
  shutdownDelayMs: number;
  shutdownGraceMs: number;
  env: 'development' | 'production' | 'test';
  mail: MailConfig;
  webhooks: WebhooksConfig;
};

export type WebhooksConfig = {
  /** http:// and private addresses allowed (development, tests). */
  allowPrivate: boolean;
  maxAttempts: number;
  timeoutMs: number;
  /** A claimed delivery is held this long: longer than a request may take. */
  leaseMs: number;
  pollMs: number;
};

export type MailConfig = {
  /** Unset: nothing is sent; mail waits in the outbox (the development mail page shows it). */
  smtpUrl: string | undefined;
  /** The From header, e.g. `Advance <advance@example.com>`. */
  from: string;
  /** The domain of the From address: Message-IDs are `<…@domain>`. */
  domain: string;
  maxAttempts: number;
  leaseMs: number;
  pollMs: number;
  passwordResetTtlMs: number;
  signupConfirmTtlMs: number;
  passwordResetMaxPerIpPerHour: number;
};

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // Links in mails are built from PUBLIC_URL. Without it they would have to come from the Host of a
  // request, which whoever sends the request writes: a server that really mails must know its address.
  if (e.SMTP_URL && !e.PUBLIC_URL && e.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration:\n  PUBLIC_URL: required with SMTP_URL — the links in emails point at it (e.g. https://advance.example.com), never at the Host a request names.');
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'advance.sqlite') },
    dataDir,
    publicUrl: e.PUBLIC_URL,
    secureCookies: e.PUBLIC_URL?.startsWith('https://') ?? false,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    inviteTtlMs: e.INVITE_TTL_HOURS * 3_600_000,
    demoEnabled: e.DEMO_ENABLED,
    signinFreeFailuresPerAccountIp: e.SIGNIN_FREE_FAILURES_PER_ACCOUNT_IP,
    signinMaxFailuresPerAccount: e.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
    signinMaxFailuresPerIp: e.SIGNIN_MAX_FAILURES_PER_IP,
    signupMaxPerIpPerHour: e.SIGNUP_MAX_PER_IP_PER_HOUR,
    signupMaxFailuresPerIpPerHour: e.SIGNUP_MAX_FAILURES_PER_IP_PER_HOUR,
    inviteTokenMaxFailuresPerIp: e.INVITE_TOKEN_MAX_FAILURES_PER_IP,
    invitesMaxPerWorkspacePerHour: e.INVITES_MAX_PER_WORKSPACE_PER_HOUR,
    shareLinkEmailsMaxPerWorkspacePerHour: e.SHARE_LINK_EMAILS_MAX_PER_WORKSPACE_PER_HOUR,
    demoSessionMaxPerIpPerHour: e.DEMO_SESSION_MAX_PER_IP_PER_HOUR,
    guestWritesPerLinkPerMinute: e.GUEST_WRITES_PER_LINK_PER_MINUTE,
    guestWritesPerIpPerMinute: e.GUEST_WRITES_PER_IP_PER_MINUTE,
    guestCommentsPerPlanPerDay: e.GUEST_COMMENTS_PER_PLAN_PER_DAY,
    guestCommitmentsPerPlanPerDay: e.GUEST_COMMITMENTS_PER_PLAN_PER_DAY,
    workspaceExportsPerHour: e.WORKSPACE_EXPORTS_PER_HOUR,
    apiTokenMaxFailuresPerIp: e.API_TOKEN_MAX_FAILURES_PER_IP,
    calendarFeedRequestsPerTokenPerMinute: e.CALENDAR_FEED_REQUESTS_PER_TOKEN_PER_MINUTE,
    calendarFeedRequestsPerIpPerMinute: e.CALENDAR_FEED_REQUESTS_PER_IP_PER_MINUTE,
    idempotencyWaitMs: e.IDEMPOTENCY_WAIT_MS,
    trustProxy: e.TRUST_PROXY,
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    env: e.NODE_ENV,
    mail: mailConfig(e),
    webhooks: {
      allowPrivate: e.WEBHOOKS_ALLOW_PRIVATE,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      timeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
      leaseMs: Math.max(60_000, e.WEBHOOK_TIMEOUT_SECONDS * 1000 * 4),
      pollMs: e.WEBHOOK_POLL_MS,
    },
  };
}

function mailConfig(e: z.infer<typeof envSchema>): MailConfig {
  const host = e.PUBLIC_URL ? new URL(e.PUBLIC_URL).hostname : 'localhost';
  const from = e.MAIL_FROM ?? `Advance <advance@${host}>`;
  const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  const domain = address.split('@')[1];
  if (!domain || !/^[^\s@<>]+@[^\s@<>]+$/.test(address)) {
    throw new ConfigError('Invalid configuration:\n  MAIL_FROM: must be an address (advance@example.com) or a name and address (Advance <advance@example.com>)');
  }
  return {
    smtpUrl: e.SMTP_URL,
    from,
    domain: domain.toLowerCase(),
    maxAttempts: e.MAIL_MAX_ATTEMPTS,
    leaseMs: e.MAIL_LEASE_SECONDS * 1000,
    pollMs: e.MAIL_POLL_MS,
    passwordResetTtlMs: e.PASSWORD_RESET_TTL_MINUTES * 60_000,
    signupConfirmTtlMs: e.SIGNUP_CONFIRM_TTL_HOURS * 3_600_000,
    passwordResetMaxPerIpPerHour: e.PASSWORD_RESET_MAX_PER_IP_PER_HOUR,
  };
}
