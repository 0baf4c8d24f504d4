import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db/connect.js';
import type { MailOutboxTable } from '../../core/db/schema.js';
import type { Composed } from './compose.js';
import { serverSecret } from './secrets.js';
import { ON_REQUEST, renderMail, type MailData } from './templates.js';
import { addressHash, messageIdFor, signUnsubscribe, type UnsubscribeTarget } from './tokens.js';

/** How an outbox row becomes the mail that is sent (or shown on the development mail page). */

export type Rendered = Composed & { messageId: string; unsubscribeUrl: string | null; headers: { name: string; value: string }[] };

type Row = Pick<MailOutboxTable, 'kind' | 'data' | 'base_url' | 'dedupe_key' | 'user_id' | 'share_link_id' | 'to_address'>;

/**
 * Where links point: PUBLIC_URL, else the address of the signed-in request that caused the mail
 * (mails an anonymous caller asks for keep none: features/auth/routes.ts), else the address the
 * development mail page is read at, else this server.
 */
export function baseUrlOf(config: Config, row: Pick<MailOutboxTable, 'base_url'>, readerBase?: string): string {
  return config.publicUrl ?? row.base_url ?? readerBase ?? `http://localhost:${config.port}`;
}

function unsubscribeTarget(row: Row, data: MailData): UnsubscribeTarget | null {
  if (ON_REQUEST.has(data.kind)) return null;
  if (data.kind === 'customer_link' || data.kind === 'customer_reminder') return row.share_link_id ? { type: 'share_link', shareLinkId: row.share_link_id } : null;
  if (row.user_id) return { type: 'user', userId: row.user_id, kind: data.kind };
  return { type: 'address', addressHash: addressHash(row.to_address), kind: data.kind };
}

export const UNSUBSCRIBE_KEY = 'unsubscribe-hmac';

export async function renderRow(db: Db, config: Config, row: Row, readerBase?: string): Promise<Rendered> {
  const stored = JSON.parse(row.data) as MailData & { secret?: string | null };
  const base = baseUrlOf(config, row, readerBase);
  const target = unsubscribeTarget(row, stored);
  const unsubscribeUrl = target ? `${base}/unsubscribe/${signUnsubscribe(target, await serverSecret(db, UNSUBSCRIBE_KEY))}` : null;
  const composed = renderMail(stored, { base, unsubscribeUrl, secret: stored.secret ?? null });
  const messageId = messageIdFor(row.dedupe_key, config.mail.domain);
  const headers = [{ name: 'Message-ID', value: messageId }];
  if (unsubscribeUrl) {
    headers.push({ name: 'List-Unsubscribe', value: `<${unsubscribeUrl}>` }, { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' });
  }
  return { ...composed, messageId, unsubscribeUrl, headers };
}
