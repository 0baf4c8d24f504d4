/**
 * A mail is written once, as blocks, and rendered twice: plain text and HTML, so the two parts
 * always say the same thing. Everything that goes into the HTML is escaped here.
 */
export type Block =
  | { p: string }
  | { button: { url: string; label: string } }
  | { list: { text: string; url?: string }[] }
  | { quote: string }
  | { small: string };

export type Composed = { subject: string; text: string; html: string };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * Someone's words, as no mail client turns into a link: a WORD JOINER (U+2060: invisible, no line
 * break) on each side of every dot, colon, at sign and slash, and of their full-width forms (which
 * browsers read as the same). Mail clients link `evil.example/login`, `https://…` and `x@y.z` in plain
 * text, so a title a share-link holder wrote would reach the seller as a genuine Advance email with a
 * phishing link; refusing such text would refuse "Send pricing to jane@acme.com". Both sides, as
 * linkifiers differ: a joiner before the dot is what was tested across mail clients (Validity), but
 * linkify-it (mailparser, markdown-it) reads a joiner as part of a host name — which browsers then
 * drop, so `evil\u2060.com` opens evil.com — and only one after the dot leaves no top-level domain to find.
 */
export const unlinkable = (s: string) => s.replace(/[.:@/\u3002\uff0e\uff61\uff1a\uff20\uff0f]/g, '\u2060$&\u2060');

/** Text that may hold a URL: URLs become links in the HTML part, the rest is escaped. */
function linkify(s: string): string {
  return s
    .split(/(https?:\/\/[^\s<>"]+)/g)
    .map((part, i) => (i % 2 === 1 ? `<a href="${escapeHtml(part)}" style="color:#1d4ed8">${escapeHtml(part)}</a>` : escapeHtml(part)))
    .join('');
}

function textOf(block: Block): string {
  if ('p' in block) return block.p;
  if ('button' in block) return `${block.button.label}: ${block.button.url}`;
  if ('list' in block) return block.list.map((i) => `- ${i.text}${i.url ? `\n  ${i.url}` : ''}`).join('\n');
  if ('quote' in block) return block.quote.split('\n').map((l) => `> ${l}`).join('\n');
  return block.small;
}

function htmlOf(block: Block): string {
  if ('p' in block) return `<p style="margin:0 0 16px">${linkify(block.p)}</p>`;
  if ('button' in block) {
    return `<p style="margin:0 0 20px"><a href="${escapeHtml(block.button.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(block.button.label)}</a></p>`;
  }
  if ('list' in block) {
    const items = block.list.map((i) => `<li style="margin:0 0 6px">${i.url ? `<a href="${escapeHtml(i.url)}" style="color:#1d4ed8">${escapeHtml(i.text)}</a>` : escapeHtml(i.text)}</li>`);
    return `<ul style="margin:0 0 16px;padding-left:20px">${items.join('')}</ul>`;
  }
  if ('quote' in block) return `<blockquote style="margin:0 0 16px;padding-left:12px;border-left:3px solid #cbd5e1;color:#334155">${escapeHtml(block.quote).replace(/\n/g, '<br>')}</blockquote>`;
  return `<p style="margin:0 0 8px;font-size:13px;color:#64748b">${linkify(block.small)}</p>`;
}

/** Renders a mail: its body blocks, then a footer (why you get it, how to stop it). */
export function compose(subject: string, body: Block[], footer: Block[] = []): Composed {
  const text = [...body.map(textOf), ...(footer.length ? ['--', ...footer.map(textOf)] : [])].join('\n\n') + '\n';
  const html = [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f8fafc;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">',
    '<p style="margin:0 0 20px;font-weight:700;color:#1d4ed8">Advance</p>',
    ...body.map(htmlOf),
    footer.length ? `<div style="border-top:1px solid #e2e8f0;margin-top:24px;padding-top:12px">${footer.map(htmlOf).join('')}</div>` : '',
    '</div></body></html>',
  ].join('\n');
  return { subject, text, html };
}
