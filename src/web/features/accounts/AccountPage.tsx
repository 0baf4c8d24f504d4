import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Account } from '../../../shared/accounts';
import { useRecord } from '../../app/records';
import { useMe } from '../../app/session';
import { relativeTime } from '../../lib/format';
import { useTitle } from '../../lib/hooks';
import { Badge } from '../../ui/Badge';
import { Button, buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoading, SkeletonLines } from '../../ui/States';
import { ContactRows } from '../contacts/ContactRows';
import { OpportunityRows } from '../opportunities/OpportunityRows';
import { ArchiveControl } from '../records/ArchiveControl';
import { HistoryCard } from '../records/HistoryCard';
import { Detail, RecordError } from '../records/RecordStates';
import { AccountEditForm } from './AccountEditForm';

// Plan code (and its styles) loads only when an account page shows the card.
const CustomerReliabilityCard = lazy(() => import('../plans/CustomerReliabilityCard').then((m) => ({ default: m.CustomerReliabilityCard })));

export function AccountPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useRecord<Account>('accounts', id);
  const [editing, setEditing] = useState(false);
  useTitle(query.data?.name ?? 'Account');

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <RecordError error={query.error} noun="account" back={{ to: '/accounts', label: 'Back to accounts' }} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const canEdit = a.permissions.canEdit;

  return (
    <div className="page">
      <PageHeader
        back={{ to: '/accounts', label: 'Accounts' }}
        title={a.name}
        badge={a.archivedAt ? <Badge tone="warning">Archived</Badge> : null}
        meta={
          <>
            {a.domain ? (
              <a href={`https://${a.domain}`} target="_blank" rel="noreferrer noopener">
                <Icon name="external" size={14} />
                {a.domain}
              </a>
            ) : null}
            <span>
              <Icon name="user" size={14} />
              Owned by {a.owner.id === me.user.id ? 'you' : a.owner.name}
            </span>
            <span className="muted">Updated {relativeTime(a.updatedAt, me.user.timeZone)}</span>
          </>
        }
        actions={
          canEdit && !editing ? (
            <>
              <Button icon="edit" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <ArchiveControl resource="accounts" record={a} noun="account" />
            </>
          ) : null
        }
      />
      {!canEdit ? (
        <p className="view-only">
          <Icon name="alert" size={15} />
          View only: {a.owner.name}, their manager or an admin can change this account.
        </p>
      ) : null}
      <div className="record-layout">
        <div>
          {editing ? (
            <Card title="Edit account">
              <AccountEditForm account={a} onDone={() => setEditing(false)} />
            </Card>
          ) : (
            <Card title="Details">
              <dl className="details">
                <Detail label="Industry">{a.industry}</Detail>
                <Detail label="Size">{a.size ? `${a.size} employees` : null}</Detail>
                <Detail label="Domain">{a.domain}</Detail>
                <Detail label="Owner">{a.owner.name}</Detail>
                <Detail label="Notes" wide>
                  {a.notes ? <span className="pre-wrap">{a.notes}</span> : null}
                </Detail>
              </dl>
            </Card>
          )}
          <Card
            title="Contacts"
            flush
            actions={
              canEdit && !a.archivedAt ? (
                <Link to={`/contacts/new?accountId=${a.id}`} className={buttonClass('secondary', 'sm')}>
                  <Icon name="plus" size={15} />
                  Add contact
                </Link>
              ) : null
            }
          >
            <ContactRows accountId={a.id} />
          </Card>
          <Card
            title="Opportunities"
            flush
            actions={
              !a.archivedAt ? (
                <Link to={`/opportunities/new?accountId=${a.id}`} className={buttonClass('secondary', 'sm')}>
                  <Icon name="plus" size={15} />
                  Add opportunity
                </Link>
              ) : null
            }
          >
            <OpportunityRows accountId={a.id} />
          </Card>
        </div>
        <div>
          <Suspense
            fallback={
              <Card title="Keeping their word" flush>
                <SkeletonLines lines={4} padded />
              </Card>
            }
          >
            <CustomerReliabilityCard accountId={a.id} accountName={a.name} />
          </Suspense>
          <HistoryCard resource="accounts" id={a.id} noun="account" />
        </div>
      </div>
    </div>
  );
}
