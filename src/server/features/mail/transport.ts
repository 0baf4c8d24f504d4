import nodemailer from 'nodemailer';
import type { MailConfig } from '../../core/config.js';

/**
 * nodemailer's SMTP transport for SMTP_URL (smtp:// with STARTTLS when offered, smtps:// for TLS),
 * or null when mail is not configured. Its timeouts stay well inside the worker's lease, so a hung
 * connection fails the attempt (and is retried) before another instance could take the mail over.
 */
export function smtpTransport(mail: MailConfig) {
  if (!mail.smtpUrl) return null;
  const limit = Math.max(5_000, Math.floor(mail.leaseMs / 3));
  return nodemailer.createTransport({ url: mail.smtpUrl, connectionTimeout: limit, greetingTimeout: limit, socketTimeout: limit });
}
