import { useState } from 'react';
import { MAIL_STATUSES, type MailStatus, type OutboxMail } from '../../../shared/mail';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../../app/session';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { OutboxList, OutboxRow, StatusFilter } from '../../ui/OutboxLog';
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
        <StatusFilter name="status" statuses={MAIL_STATUSES} labels={LABELS} all="All emails" value={status} onChange={setStatus} />
        <OutboxList
          query={mails}
          skeletonLines={5}
          empty={<EmptyState title="No emails" />}
          row={(m, open, onToggle) => <MailRow key={m.id} mail={m} timeZone={me.user.timeZone} open={open} onToggle={onToggle} />}
        />
      </Card>
    </>
  );
}

function MailRow({ mail: m, timeZone, open, onToggle }: { mail: OutboxMail; timeZone: string; open: boolean; onToggle: () => void }) {
  const retry = useRetryMail();
  return (
    <OutboxRow
      title={m.subject}
      tone={TONES[m.status]}
      label={LABELS[m.status]}
      facts={
        <>
          To {m.to.name ? `${m.to.name} <${m.to.address}>` : m.to.address} · {formatDateTime(m.createdAt, timeZone)}
          {m.attempts ? ` · ${m.attempts} ${m.attempts === 1 ? 'attempt' : 'attempts'}` : ''}
          {m.lastError && m.status !== 'sent' ? ` · last error: ${m.lastError}` : ''}
        </>
      }
      again={m.status === 'dead' ? { label: 'Send again', busy: retry.isPending, onClick: () => retry.mutate(m.id) } : null}
      open={open}
      onToggle={onToggle}
    >
      <MailBody id={m.id} />
    </OutboxRow>
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
