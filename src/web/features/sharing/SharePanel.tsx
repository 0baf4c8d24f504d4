import { useState } from 'react';
import { CheckField } from '../../ui/CheckField';
import { CreateShareLinkBody, SHARE_LINK_DEFAULT_DAYS, type CreatedShareLink, type ShareLink } from '../../../shared/plan-sharing';
import type { Plan } from '../../../shared/plans';
import { useMe } from '../../app/session';
import { formatDateTime, relativeTime } from '../../lib/format';
import { FIX_FIELDS, check, fromServer, orNull, useForm } from '../../lib/forms';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Dialog } from '../../ui/Dialog';
import { SelectField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { CopyOnceLink } from '../records/CopyOnceLink';
import { useCreateShareLink, useRevokeShareLink, useShareLinks } from './api';

const FIELDS = ['recipientName', 'recipientEmail', 'expiresInDays'] as const;
const EXPIRY_OPTIONS = [30, 60, 90, 180, 365].map((d) => ({ value: String(d), label: d === 365 ? 'In a year' : `In ${d} days` }));
const STATUS_TONES = { active: 'success', revoked: 'neutral', expired: 'neutral' } as const;
const STATUS_LABELS = { active: 'Active', revoked: 'Revoked', expired: 'Expired' } as const;

/** One private link per person at the customer: created here, shown once, revocable at any time. */
export function SharePanel({ plan }: { plan: Plan }) {
  const me = useMe();
  const links = useShareLinks(plan.id);
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  const [adding, setAdding] = useState(false);
  const canShare = plan.permissions.canEdit;
  const list = links.data ?? [];
  const showForm = canShare && (adding || (links.isSuccess && list.length === 0 && !created));

  return (
    <Card title="Share with the customer" className="share-panel">
      <p className="muted small share-intro">
        Each person gets their own link. They see the outcome, the milestones and both sides’ commitments — never internal-only ones — and can tick off, re-date and add their side’s commitments, and comment.
      </p>
      {created ? (
        // The URL exists in clear only in the create response: shown now, with Copy, and never again.
        <CopyOnceLink
          id="share-link-url"
          label={`Share link for ${created.shareLink.recipientName}`}
          url={created.url}
          title={`Link for ${created.shareLink.recipientName}`}
          onDismiss={() => setCreated(null)}
        >
          {created.shareLink.emailedAt
            ? `Advance is emailing it to ${created.shareLink.recipientEmail}; you can also copy it now (it is shown only once).`
            : 'Copy it now and send it yourself: it is shown only once.'}{' '}
          It works until {formatDateTime(created.shareLink.expiresAt, me.user.timeZone)} unless you revoke it.
        </CopyOnceLink>
      ) : null}
      {showForm ? (
        <NewLinkForm
          planId={plan.id}
          onCreated={(c) => {
            setCreated(c);
            setAdding(false);
          }}
          onCancel={list.length > 0 ? () => setAdding(false) : null}
        />
      ) : null}
      {links.isPending ? (
        <SkeletonLines lines={2} />
      ) : links.isError ? (
        <ErrorState error={links.error} onRetry={() => void links.refetch()} />
      ) : list.length > 0 ? (
        <ul className="share-links">
          {list.map((l) => (
            <ShareLinkRow key={l.id} planId={plan.id} link={l} />
          ))}
        </ul>
      ) : !canShare ? (
        <p className="muted small">Not shared yet.</p>
      ) : null}
      {canShare && !showForm ? (
        <Button size="sm" icon="plus" onClick={() => setAdding(true)}>
          New link
        </Button>
      ) : null}
    </Card>
  );
}

function NewLinkForm({ planId, onCreated, onCancel }: { planId: string; onCreated: (c: CreatedShareLink) => void; onCancel: (() => void) | null }) {
  const create = useCreateShareLink(planId);
  const form = useForm({ recipientName: '', recipientEmail: '', expiresInDays: String(SHARE_LINK_DEFAULT_DAYS) });
  const [sendEmail, setSendEmail] = useState(false);
  return (
    <form
      className="share-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (create.isPending) return;
        const v = form.values;
        const result = check(CreateShareLinkBody, { recipientName: v.recipientName.trim(), recipientEmail: orNull(v.recipientEmail), expiresInDays: Number(v.expiresInDays), sendEmail }, FIELDS);
        if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
        form.clear();
        create.mutate(result.data, {
          onSuccess: (created) => {
            form.markSaved();
            onCreated(created);
          },
          onError: (err) => {
            const { fieldErrors, formError } = fromServer(err, FIELDS);
            form.fail(fieldErrors, formError);
          },
        });
      }}
    >
      <FormAlert message={form.formError} />
      <TextField label="Recipient’s name" required autoComplete="off" placeholder="e.g. Ana Lee" {...form.field('recipientName')} />
      <TextField
        label="Recipient’s email"
        type="email"
        autoComplete="off"
        hint={sendEmail ? 'Advance emails the link to this address.' : 'For your records, unless you choose to send the link by email.'}
        {...form.field('recipientEmail')}
      />
      <CheckField
        label="Send the link by email"
        name="sendEmail"
        checked={sendEmail}
        onChange={setSendEmail}
        hint="They also get a reminder the day before their side’s commitments are due, and can stop those with one click."
      />
      <SelectField label="Link expires" required options={EXPIRY_OPTIONS} {...form.field('expiresInDays')} />
      <div className="form-actions form-actions-start">
        <Button type="submit" variant="primary" icon="external" busy={create.isPending}>
          Create link
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function ShareLinkRow({ planId, link: l }: { planId: string; link: ShareLink }) {
  const me = useMe();
  const revoke = useRevokeShareLink(planId);
  const [confirming, setConfirming] = useState(false);
  const viewed = l.lastViewedAt
    ? `Last viewed by ${l.recipientName} ${relativeTime(l.lastViewedAt, me.user.timeZone)} · ${l.viewCount === 1 ? 'once' : `${l.viewCount} times`}`
    : 'Not opened yet';
  return (
    <li>
      <div className="row-main">
        <strong>{l.recipientName}</strong> <Badge tone={STATUS_TONES[l.status]}>{STATUS_LABELS[l.status]}</Badge>
        {l.recipientEmail ? (
          <div className="row-sub">
            {l.recipientEmail}
            {l.emailedAt ? (l.remindersStoppedAt ? ' · emailed; they stopped the reminders' : ' · emailed, with reminders') : ''}
          </div>
        ) : null}
        <div className="small muted">
          {l.lastViewedAt ? <time dateTime={l.lastViewedAt} title={formatDateTime(l.lastViewedAt, me.user.timeZone)}>{viewed}</time> : viewed}
        </div>
        <div className="small muted">
          {l.status === 'revoked' && l.revokedAt ? `Revoked ${formatDateTime(l.revokedAt, me.user.timeZone)}` : `${l.status === 'expired' ? 'Expired' : 'Expires'} ${formatDateTime(l.expiresAt, me.user.timeZone)}`}
        </div>
      </div>
      {l.permissions.canRevoke ? (
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Revoke the link for ${l.recipientName}`}>
          Revoke
        </Button>
      ) : null}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Revoke ${l.recipientName}’s link?`}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button variant="danger" busy={revoke.isPending} onClick={() => revoke.mutate(l.id, { onSettled: () => setConfirming(false) })}>
              Revoke link
            </Button>
          </>
        }
      >
        <p>It stops working at once. You can create a new link for them later.</p>
      </Dialog>
      {revoke.isError ? <FormAlert message={revoke.error.message} /> : null}
    </li>
  );
}
