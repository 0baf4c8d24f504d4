import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { unlinkable } from './compose.js';
import { renderMail, type MailData } from './templates.js';

// Pure rendering: no app, no database.
const BASE = 'https://advance.example.com';
const links = { base: BASE, unsubscribeUrl: `${BASE}/unsubscribe/t0ken`, secret: null };
const HOSTILE = 'Log in at www.evil.example/login, https://evil.example or write to a@b.example';
const LEGIT = 'Send pricing to jane@acme.com';
const person = { name: 'Rita Rep', timeZone: 'America/Los_Angeles' };
const item = { title: HOSTILE, context: LEGIT, path: '/plans/p1', dueDate: '2026-06-11' };

// Someone else's words in every kind of block: list items, paragraphs, a quote, the subject.
const mails: MailData[] = [
  { ...person, kind: 'due_tomorrow', date: '2026-06-11', items: [item] },
  { ...person, kind: 'must_do_soon', item: { ...item, mustDo: true } },
  { ...person, kind: 'date_waiting', item, fromDate: '2026-06-11', toDate: '2026-06-20', reason: HOSTILE, requestedBy: 'Carla Customer' },
  { ...person, kind: 'customer_activity', planTitle: HOSTILE, path: '/plans/p1', actorName: 'Carla Customer', events: [`Carla Customer commented: ${HOSTILE}`] },
  { ...person, kind: 'customer_reminder', planTitle: LEGIT, sellerName: 'Rita Rep', when: 'tomorrow', items: [{ title: HOSTILE, dueDate: '2026-06-11' }], linkSentAt: '2026-06-01T09:00:00Z' },
];

/** What mail clients link in text nobody marked as a link: a scheme, "www.", a host name with a dot, an address. */
const LINKIFIABLE = /[a-z][\w+.-]*:\/\/|www\.|[\p{L}\p{N}-]+\.\p{L}{2,}|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]/iu;
const OWN_URL = new RegExp(`${BASE.replace(/[.]/g, '\\.')}/\\S*`, 'g');
const withoutJoiners = (s: string) => s.replaceAll('\u2060', '');

describe('someone else’s words in a mail', () => {
  it('keep their text (the joiners are invisible) but no mail client finds an address in them', () => {
    expect(unlinkable(HOSTILE)).toBe(
      'Log in at www\u2060.\u2060evil\u2060.\u2060example\u2060/\u2060login, https\u2060:\u2060\u2060/\u2060\u2060/\u2060evil\u2060.\u2060example or write to a\u2060@\u2060b\u2060.\u2060example',
    );
    expect(withoutJoiners(unlinkable(HOSTILE))).toBe(HOSTILE);
    expect(unlinkable(HOSTILE)).not.toMatch(LINKIFIABLE);
    // Full-width forms that browsers read as a dot, a colon or an at sign.
    expect(unlinkable('evil\u3002example \uff20x')).toBe('evil\u2060\u3002\u2060example \u2060\uff20\u2060x');
  });

  it('are rendered unlinkable in the text and the HTML of every mail, while Advance’s own links stay links', async () => {
    for (const data of mails) {
      const { subject, text, html } = renderMail(data, links);
      // Still there to read.
      expect(withoutJoiners(text)).toContain(HOSTILE);
      expect(withoutJoiners(subject)).toContain(HOSTILE);

      // Text part: nothing linkifiable but Advance's own addresses, which are written whole.
      expect(text).toContain(`${BASE}/unsubscribe/t0ken`);
      expect(text.replace(OWN_URL, '')).not.toMatch(LINKIFIABLE);
      // A real linkifier agrees: mailparser's (linkify-it, every top-level domain, @mentions) finds only Advance's links.
      const parsed = await simpleParser(`Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${text}`);
      const linked = [...(parsed.textAsHtml ?? '').matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      expect(linked.length).toBeGreaterThan(0);
      for (const href of linked) expect(href.startsWith(`${BASE}/`), href).toBe(true);

      // HTML part: every <a> is Advance's, and the rest of the text holds no address.
      const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href.startsWith(`${BASE}/`), href).toBe(true);
      const visible = html
        .replace(/<title>.*?<\/title>/s, '')
        .replace(/<a href="[^"]*"[^>]*>(.*?)<\/a>/gs, (_, inner: string) => inner.replace(OWN_URL, ''))
        .replace(/<[^>]+>/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"');
      expect(visible, data.kind).not.toMatch(LINKIFIABLE);
      expect(withoutJoiners(visible)).toContain(HOSTILE);
    }
  });

  it('leaves the facts that are not words alone: links to the app, dates and times in the recipient’s zone, the account’s own address', () => {
    const due = renderMail(mails[0], links);
    expect(due.text).toContain(`${BASE}/plans/p1`);
    expect(due.html).toContain(`<a href="${BASE}/plans/p1"`);
    expect(due.html).toContain(`<a href="${BASE}/today"`);
    expect(due.text).toContain('due tomorrow, Thu 11 Jun 2026');
    const changed = renderMail({ ...person, kind: 'password_changed', email: 'rita@acme.example', changedAt: '2026-06-10T16:05:00Z' }, links);
    expect(changed.text).toContain('The password of the Advance account rita@acme.example was changed on 10 Jun 2026, 09:05 (America/Los Angeles)');
    expect(changed.html).toContain(`<a href="${BASE}/forgot-password"`);
  });
});
