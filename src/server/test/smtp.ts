import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { closeWhenDone } from './cleanup.js';

/** One message as the SMTP server received it: parsed, with its raw headers at hand. */
export type Received = { parsed: ParsedMail; raw: string; to: string[]; messageId: string; header: (name: string) => string | undefined };

/**
 * A real SMTP server (the smtp-server package) on a random local port, keeping every message it
 * accepts. `refuse` makes it answer a temporary failure (451) while it returns true; `onAccepted`
 * runs right after it has answered 250 for a message.
 */
export async function startSmtp(opts: { refuse?: () => boolean; onAccepted?: (m: Received) => void } = {}) {
  const messages: Received[] = [];
  let refuse = opts.refuse ?? (() => false);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse()) {
          const err = Object.assign(new Error('Try again later'), { responseCode: 451 });
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          const headerBlock = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
          const header = (name: string) => headerBlock.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.slice(name.length + 1).trim();
          const m: Received = { parsed, raw, to: session.envelope.rcptTo.map((r) => r.address), messageId: parsed.messageId ?? '', header };
          messages.push(m);
          callback();
          opts.onAccepted?.(m);
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  closeWhenDone(close);
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    setRefuse(fn: () => boolean) {
      refuse = fn;
    },
    close,
  };
}

/** Waits until `check` holds (the worker runs in the background in some tests). */
export async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
