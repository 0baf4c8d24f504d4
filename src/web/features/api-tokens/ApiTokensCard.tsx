import { useState } from 'react';
import { API_TOKEN_SCOPE_LABELS, CreateApiTokenBody, type ApiToken, type CreatedApiToken } from '../../../shared/api-tokens';
import { isBeforeToday, todayIn } from '../../../domain/dates';
import { useMe } from '../../app/session';
import { formatDate, relativeTime } from '../../lib/format';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { CopyOnceLink } from '../records/CopyOnceLink';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './api';

const FIELDS = ['name', 'scope', 'expiresOn'] as const;
const SCOPE_OPTIONS = [
  { value: 'read', label: API_TOKEN_SCOPE_LABELS.read },
  { value: 'read_write', label: API_TOKEN_SCOPE_LABELS.read_write },
];

/**
 * Personal API tokens for scripts and integrations: make one (shown once, with Copy), see them with
 * their last use, revoke one. Settings → My profile; loaded only when that tab opens.
 */
export function ApiTokensCard() {
  const me = useMe();
  const create = useCreateApiToken();
  const form = useForm({ name: '', scope: 'read', expiresOn: '' });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const today = todayIn(me.user.timeZone, new Date());

  const submit = () => {
    const body = { name: form.values.name.trim(), scope: form.values.scope, expiresOn: form.values.expiresOn || null };
    const result = check(CreateApiTokenBody, body, FIELDS);
    if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
    // The last day is judged in your time zone, as the server judges it.
    if (result.data.expiresOn && isBeforeToday(result.data.expiresOn, me.user.timeZone, new Date())) {
      return form.fail({ expiresOn: `Pick today (${formatDate(today)}) or a later date.` }, FIX_FIELDS);
    }
    form.clear();
    create.mutate(result.data, {
      onSuccess: (res) => {
        setCreated(res);
        form.markSaved({ name: '', scope: form.values.scope, expiresOn: '' });
      },
      onError: (err) => {
        const { fieldErrors, formError } = fromServer(err, FIELDS);
        form.fail(fieldErrors, formError);
      },
    });
  };

  return (
    <Card title="API tokens">
      <p className="field-hint">
        A token lets a script or another tool use Advance as you, with <code>Authorization: Bearer</code>. It can do what you can do — or only read — and never change your
        password or tokens. Treat it like a password.
      </p>
      {created ? (
        // The token exists in clear only in this answer: shown once, with a copy button.
        <CopyOnceLink id="api-token-secret" label="Your new API token" url={created.secret} title={`Your token “${created.token.name}”`} dismissLabel="Done — I have copied it" onDismiss={() => setCreated(null)}>
          Copy it now: it is shown only this once. {API_TOKEN_SCOPE_LABELS[created.token.scope]}
          {created.token.expiresOn ? `, works until the end of ${formatDate(created.token.expiresOn)}` : ', does not expire'}.
        </CopyOnceLink>
      ) : null}
      <form
        noValidate
        aria-label="New API token"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormAlert message={form.formError} />
        <TextField label="Token name" required autoComplete="off" placeholder="Spreadsheet sync" hint="So you know later what uses it." {...form.field('name')} />
        <div className="form-grid">
          <SelectField label="Access" required options={SCOPE_OPTIONS} hint="Read only looks things up and changes nothing." {...form.field('scope')} />
          <TextField label="Last day it works" type="date" min={today} hint="In your time zone. Leave empty for a token that does not expire." {...form.field('expiresOn')} />
        </div>
        <div className="form-actions form-actions-start">
          <Button type="submit" variant="primary" icon="plus" busy={create.isPending}>
            Create token
          </Button>
        </div>
      </form>
      <TokenList />
    </Card>
  );
}

function TokenList() {
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="subsection">
      <h3>Your tokens</h3>
      {tokens.isPending ? (
        <SkeletonLines lines={2} />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.data.length === 0 ? (
        <p className="muted small">No tokens yet.</p>
      ) : (
        <ul className="invite-list" aria-label="Your API tokens">
          {tokens.data.data.map((t) => (
            <li key={t.id}>
              <div className="row-main">
                <strong>{t.name}</strong> <Badge tone={t.scope === 'read' ? 'neutral' : 'accent'}>{API_TOKEN_SCOPE_LABELS[t.scope]}</Badge>{' '}
                {t.expired ? <Badge tone="warning">Expired</Badge> : null}
                <TokenFacts token={t} />
              </div>
              {confirming === t.id ? (
                <div className="row-actions" role="group" aria-label={`Revoke “${t.name}”?`}>
                  <span className="small">Stops it at once.</span>{' '}
                  <Button size="sm" variant="danger" busy={revoke.isPending && revoke.variables === t.id} onClick={() => revoke.mutate(t.id, { onSettled: () => setConfirming(null) })}>
                    Revoke “{t.name}”
                  </Button>{' '}
                  <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                    Keep
                  </Button>
                </div>
              ) : (
                <Button size="sm" variant="ghost" onClick={() => setConfirming(t.id)} aria-label={`Revoke the token “${t.name}”`}>
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoke.isError ? <FormAlert message={revoke.error.message} /> : null}
    </div>
  );
}

function TokenFacts({ token: t }: { token: ApiToken }) {
  const me = useMe();
  const expiry = t.expiresOn === null ? 'no expiry' : t.expired ? `expired after ${formatDate(t.expiresOn)}` : `works until the end of ${formatDate(t.expiresOn)}`;
  const used = t.lastUsedAt === null ? 'never used' : `last used ${relativeTime(t.lastUsedAt, me.user.timeZone)}`;
  return (
    <div className="row-sub">
      <code>adv_…{t.hint}</code> · made {formatDate(todayIn(me.user.timeZone, new Date(t.createdAt)))} · {expiry} · {used}
    </div>
  );
}
