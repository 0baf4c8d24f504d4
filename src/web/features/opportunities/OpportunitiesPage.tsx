import { Link } from 'react-router';
import { OPPORTUNITY_STATUSES, OPPORTUNITY_STATUS_LABELS, type Opportunity } from '../../../shared/opportunities';
import { activeStages, useStages } from '../../app/directory';
import { listFilters } from '../../app/lists';
import { useRecordList } from '../../app/records';
import { useMe } from '../../app/session';
import { formatDate, formatMoney } from '../../lib/format';
import { useTitle } from '../../lib/hooks';
import { useListParams } from '../../lib/useListParams';
import { Badge } from '../../ui/Badge';
import { Button, buttonClass } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, SkeletonTable } from '../../ui/States';
import { ListFooter } from '../records/ListFooter';
import { ArchivedFilter, ListSearch, OwnerFilter } from '../records/ListControls';
import { StatusBadge } from './StatusBadge';

const SORTS = [
  { value: '-updatedAt', label: 'Latest update' },
  { value: 'closeDate', label: 'Closing soonest' },
  { value: '-closeDate', label: 'Closing latest' },
  { value: '-amount', label: 'Largest amount' },
  { value: 'amount', label: 'Smallest amount' },
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
];

const STATUS_OPTIONS = OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: OPPORTUNITY_STATUS_LABELS[s] }));

export function OpportunitiesPage() {
  useTitle('Opportunities');
  const me = useMe();
  const stages = useStages();
  const params = useListParams(listFilters.opportunities);
  const list = useRecordList<Opportunity>('opportunities', params.values, { keepPrevious: true });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <div className="page">
      <PageHeader
        title="Opportunities"
        meta={<span>Deals in progress and closed. Amounts stay in their own currency.</span>}
        actions={
          <Link to="/opportunities/new" className={buttonClass('primary')}>
            <Icon name="plus" size={17} />
            New opportunity
          </Link>
        }
      />
      <section className="card" aria-label="Opportunity list">
        <div className="toolbar">
          <ListSearch label="Search opportunities" value={params.values.q} onChange={(v) => params.set('q', v)} />
          <OwnerFilter value={params.values.ownerId} onChange={(v) => params.set('ownerId', v)} />
          <SelectField
            label="Stage"
            name="stageId"
            required
            value={params.values.stageId}
            onChange={(v) => params.set('stageId', v)}
            placeholder="Any stage"
            options={activeStages(stages.data).map((s) => ({ value: s.id, label: s.name }))}
          />
          <SelectField label="Status" name="status" required value={params.values.status} onChange={(v) => params.set('status', v)} placeholder="Any status" options={STATUS_OPTIONS} />
          <ArchivedFilter value={params.values.archived} onChange={(v) => params.set('archived', v)} />
          <SelectField label="Sort by" name="sort" required value={params.values.sort} onChange={(v) => params.set('sort', v)} options={SORTS} />
        </div>
        {list.isPending ? (
          <SkeletonTable columns={6} />
        ) : list.isError && rows.length === 0 ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : rows.length === 0 ? (
          params.isFiltered ? (
            <EmptyState icon="search" title="No opportunities match" action={<Button onClick={params.reset}>Clear filters</Button>}>
              Try another search, owner, stage or status.
            </EmptyState>
          ) : (
            <EmptyState
              icon="opportunities"
              title="No opportunities yet"
              action={
                <Link to="/opportunities/new" className={buttonClass('primary')}>
                  <Icon name="plus" size={17} />
                  Create an opportunity
                </Link>
              }
            >
              An opportunity is a deal with an account: an amount, a stage and the date you expect a decision.
            </EmptyState>
          )
        ) : (
          <div className={list.isPlaceholderData ? 'table-wrap list-stale' : 'table-wrap'} aria-busy={list.isFetching}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Opportunity</th>
                  <th scope="col" className="hide-md">
                    Stage
                  </th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col" className="hide-sm">
                    Close date
                  </th>
                  <th scope="col" className="hide-md">
                    Owner
                  </th>
                  <th scope="col" className="hide-sm">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <tr key={o.id}>
                    <td className="primary-cell">
                      <Link to={`/opportunities/${o.id}`}>{o.name}</Link>
                      {o.archivedAt ? (
                        <>
                          {' '}
                          <Badge>Archived</Badge>
                        </>
                      ) : null}
                      <span className="sub">{o.account.name}</span>
                    </td>
                    <td className="hide-md">{o.stage.name}</td>
                    <td className="num">{formatMoney(o.amount)}</td>
                    <td className="hide-sm nowrap">
                      {formatDate(o.closeDate)}
                      {o.closeDatePassed ? <span className="sub warning-text">Past close date</span> : null}
                    </td>
                    <td className="hide-md">{o.owner.id === me.user.id ? 'Me' : o.owner.name}</td>
                    <td className="hide-sm">
                      <StatusBadge status={o.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ListFooter count={rows.length} list={list} />
      </section>
    </div>
  );
}
