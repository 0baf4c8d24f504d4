import { IdParams } from '../common.js';
import {
  MailPreferences,
  OutboxList,
  OutboxListQuery,
  OutboxMail,
  OutboxMailDetail,
  UnsubscribeBody,
  Unsubscribed,
  UpdateMailPreferencesBody,
} from '../mail.js';
import { NoBody } from '../common.js';
import { defineRoutes } from './define.js';

const tags = ['mail'] as const;

/** Mail preferences, one-click unsubscribe, and the outbox admins watch. */
export const mailApi = defineRoutes({
  getMailPreferences: { tags, summary: 'Which mails you get', response: { 200: MailPreferences } },
  updateMailPreferences: { tags, summary: 'Choose which mails you get', body: UpdateMailPreferencesBody, response: { 200: MailPreferences } },
  unsubscribeMail: {
    tags,
    summary: 'Stop one kind of mail with the token from its unsubscribe link (no session; the same as the one-click POST mail apps send)',
    description:
      'Every mail that is not an answer to your own request carries `List-Unsubscribe: <https://…/unsubscribe/TOKEN>` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): mail apps POST to that address, and the page there calls this. The token is signed, names the person (or the share link, or the address) and the kind of mail, and never expires.',
    body: UnsubscribeBody,
    response: { 200: Unsubscribed },
    errors: ['not_found', 'too_many_requests'],
  },
  listMails: {
    tags,
    summary: 'The outbox of this workspace, newest first (admins): what was sent, what waits, what failed',
    query: OutboxListQuery,
    response: { 200: OutboxList },
  },
  getMail: { tags, summary: 'One mail with its text and HTML parts and headers (admins; single-use links are hidden once mail is really sent)', params: IdParams, response: { 200: OutboxMailDetail } },
  retryMail: {
    tags,
    summary: 'Send a dead mail again (admins): its attempts start over, with the same Message-ID',
    params: IdParams,
    body: NoBody,
    response: { 200: OutboxMail },
    errors: ['rule_violation'],
  },
});
