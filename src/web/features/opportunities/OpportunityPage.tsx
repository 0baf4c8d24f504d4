import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { OPPORTUNITY_STATUS_LABELS, type Opportunity } from '../../../shared/opportunities';
import { useRecord } from '../../app/records';
import { useMe } from '../../app/session';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format';
import { useTitle } from '../../lib/hooks';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoading } from '../../ui/States';
import { ArchiveControl } from '../records/ArchiveControl';
import { HistoryCard } from '../records/HistoryCard';
import { Detail, RecordError } from '../records/RecordStates';
import { OpportunityEditForm } from './OpportunityEditForm';
import { StatusBadge } from './StatusBadge';
import { StatusCard } from './StatusCard';

// The plan card brings the plans feature's code and styles: loaded only when a deal page opens.
const OpportunityPlanCard = lazy(async () => ({ default: (await import('../plans/OpportunityPlanCard')).OpportunityPlanCard }));

export function OpportunityPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useRecord<Opportunity>('opportunities', id);
  const [editing, setEditing] = useState(false);
  useTitle(query.data?.name ?? 'Opportunity');

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <RecordError error={query.error} noun="opportunity" back={{ to: '/opportunities', label: 'Back to opportunities' }} onRetry={() => void query.refetch()} />;
  const o = query.data;
  const canEdit = o.permissions.canEdit;

  return (
    <div className="page">
      <PageHeader
        back={{ to: '/opportunities', label: 'Opportunities' }}
        title={o.name}
        badge={
          <>
            <StatusBadge status={o.status} />
            {o.archivedAt ? <Badge tone="warning">Archived</Badge> : null}
          </>
        }
        meta={
          <>
            <span>
              <Icon name="accounts" size={14} />
              <Link to={`/accounts/${o.account.id}`}>{o.account.name}</Link>
            </span>
            <span>
              <Icon name="user" size={14} />
              Owned by {o.owner.id === me.user.id ? 'you' : o.owner.name}
            </span>
          </>
        }
        actions={
          canEdit && !editing ? (
            <>
              <Button icon="edit" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <ArchiveControl resource="opportunities" record={o} noun="opportunity" />
            </>
          ) : null
        }
      />
      {!canEdit ? (
        <p className="view-only">
          <Icon name="alert" size={15} />
          View only: {o.owner.name}, their manager or an admin can change this opportunity.
        </p>
      ) : null}
      <div className="stat-grid">
        <div className="stat">
          <div className="stat-label">Amount</div>
          <div className="stat-value">{formatMoney(o.amount)}</div>
        </div>
        <div className="stat">
          <div className="stat-label">Stage</div>
          <div className="stat-value stat-value-sm">{o.stage.name}</div>
        </div>
        <div className="stat">
          <div className="stat-label">Close date</div>
          <div className="stat-value stat-value-sm">
            {formatDate(o.closeDate)} {o.closeDatePassed ? <Badge tone="warning">Past date</Badge> : null}
          </div>
        </div>
      </div>
      <div className="record-layout">
        <div>
          {editing ? (
            <Card title="Edit opportunity">
              <OpportunityEditForm opportunity={o} onDone={() => setEditing(false)} />
            </Card>
          ) : (
            <Card title="Details">
              <dl className="details">
                <Detail label="Account">
                  <Link to={`/accounts/${o.account.id}`}>{o.account.name}</Link>
                </Detail>
                <Detail label="Owner">{o.owner.name}</Detail>
                <Detail label="Status">{OPPORTUNITY_STATUS_LABELS[o.status]}</Detail>
                <Detail label="Created">{formatDateTime(o.createdAt, me.user.timeZone)}</Detail>
                {o.closeReason ? (
                  <Detail label="Reason" wide>
                    <span className="pre-wrap">{o.closeReason}</span>
                  </Detail>
                ) : null}
              </dl>
            </Card>
          )}
          {canEdit && !o.archivedAt ? <StatusCard opportunity={o} /> : null}
        </div>
        <div>
          <Suspense fallback={null}>
            <OpportunityPlanCard opportunity={o} />
          </Suspense>
          <HistoryCard resource="opportunities" id={o.id} noun="opportunity" currency={o.amount.currency} accountNames={{ [o.account.id]: o.account.name }} />
        </div>
      </div>
    </div>
  );
}
