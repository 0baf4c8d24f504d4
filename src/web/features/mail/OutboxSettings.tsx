import { useState } from 'react';
import { MAIL_STATUSES, type MailStatus, type OutboxMail } from '../../../shared/mail';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../../app/session';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';
import { useMail, useOutbox, useRetryMail } from './api';

const TONES = { pending: 'warning', sent: 'success', dead: 'danger', skipped: 'neutral' } as const;
const LABELS: Record<MailStatus, string> = { pending: 'Waiting', sent: 'Sent', dead: 'Gave up', skipped: 'Turned off' };

/**
 * The outbox (admins): every mail of the workspace, newest first. Without SMTP this is the
 * development mail page — nothing leaves the server, and each mail can be read here in full. Mails
 * that gave up after their attempts can be sent again.
 */
export function OutboxSettings() {
  const me = useMe();
  const [status, setStatus] = useState<MailStatus | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  const mails = useOutbox(status || undefined);
  return (
    <>
      <Card title="Outbox">
        {mails.data?.delivery === 'outbox_only' ? (
          <p className="field-hint">
            Development mail: this server has no <code>SMTP_URL</code>, so no email leaves it. Every email waits here, where you can read it and
            follow its links.
          </p>
        ) : (
          <p className="field-hint">Emails are sent through SMTP. One that failed is retried with growing waits; after its last attempt it gives up, and you can send it again.</p>
        )}
        {mails.data && mails.data.dead > 0 ? <FormAlert message={`${mails.data.dead} ${mails.data.dead === 1 ? 'email gave up' : 'emails gave up'} after all attempts.`} /> : null}
        <SelectField
          label="Show"
          options={MAIL_STATUSES.map((s) => ({ value: s, label: LABELS[s] }))}
          placeholder="All emails"
          value={status}
          onChange={(v: string) => setStatus(v as MailStatus | '')}
          name="status"
        />
        {mails.isPending ? <SkeletonLines lines={5} /> : null}
        {mails.isError ? <ErrorState error={mails.error} onRetry={() => void mails.refetch()} /> : null}
        {mails.data && mails.data.data.length === 0 ? <EmptyState title="No emails" /> : null}
        {mails.data && mails.data.data.length > 0 ? (
          <ul className="mail-list">
            {mails.data.data.map((m) => (
              <MailRow key={m.id} mail={m} timeZone={me.user.timeZone} open={open === m.id} onToggle={() => setOpen(open === m.id ? null : m.id)} />
            ))}
          </ul>
        ) : null}
      </Card>
    </>
  );
}

function MailRow({ mail: m, timeZone, open, onToggle }: { mail: OutboxMail; timeZone: string; open: boolean; onToggle: () => void }) {
  const retry = useRetryMail();
  return (
    <li className="mail-row">
      <div className="mail-row-head">
        <button type="button" className="link-button mail-subject" aria-expanded={open} onClick={onToggle}>
          {m.subject}
        </button>
        <Badge tone={TONES[m.status]}>{LABELS[m.status]}</Badge>
      </div>
      <div className="row-sub">
        To {m.to.name ? `${m.to.name} <${m.to.address}>` : m.to.address} · {formatDateTime(m.createdAt, timeZone)}
        {m.attempts ? ` · ${m.attempts} ${m.attempts === 1 ? 'attempt' : 'attempts'}` : ''}
        {m.lastError && m.status !== 'sent' ? ` · last error: ${m.lastError}` : ''}
      </div>
      {m.status === 'dead' ? (
        <Button variant="secondary" busy={retry.isPending} onClick={() => retry.mutate(m.id)}>
          Send again
        </Button>
      ) : null}
      {open ? <MailBody id={m.id} /> : null}
    </li>
  );
}

function MailBody({ id }: { id: string }) {
  const mail = useMail(id);
  if (mail.isPending) return <SkeletonLines lines={4} />;
  if (mail.isError) return <ErrorState error={mail.error} onRetry={() => void mail.refetch()} />;
  const d = mail.data;
  return (
    <div className="mail-body">
      <dl className="mail-headers">
        {d.headers.map((h) => (
          <div key={h.name}>
            <dt>{h.name}</dt>
            <dd>{h.value}</dd>
          </div>
        ))}
      </dl>
      {d.text === null ? (
        <p className="field-hint">This email carries a single-use link for its recipient alone, so its text is not shown here.</p>
      ) : (
        <>
          <h3 className="mail-part">Plain text</h3>
          <pre className="mail-text" tabIndex={0}>
            {d.text}
          </pre>
          {d.html ? (
            // Its source: rendering it here would need inline styles, which this app's Content-Security-Policy refuses.
            <details>
              <summary>HTML part (source)</summary>
              <pre className="mail-text" tabIndex={0}>
                {d.html}
              </pre>
            </details>
          ) : null}
        </>
      )}
    </div>
  );
}
