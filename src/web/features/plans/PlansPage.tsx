import { Link } from 'react-router';
import { PLAN_STATUSES, PLAN_STATUS_LABELS } from '../../../shared/plans';
import { listFilters } from '../../app/lists';
import { useMe } from '../../app/session';
import { formatDate, relativeTime } from '../../lib/format';
import { useTitle } from '../../lib/hooks';
import { useListParams } from '../../lib/useListParams';
import { Button, buttonClass } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, SkeletonTable } from '../../ui/States';
import { OwnerFilter } from '../records/ListControls';
import { usePlanList } from './api';
import { HealthBadge, PlanStatusBadge } from './HealthBadge';
import '../../styles/plans.css';
import { ListFooter } from '../records/ListFooter';
import type { PlanView } from '../../../shared/team-view';
import { TeamSummaryCard } from './TeamSummaryCard';
import { ViewSwitch } from './ViewSwitch';

const SORTS = [
  { value: '-lastActivityAt', label: 'Latest activity' },
  { value: 'lastActivityAt', label: 'Quietest first' },
  { value: 'targetDate', label: 'Target date, soonest' },
  { value: '-targetDate', label: 'Target date, latest' },
];

const STATUS_OPTIONS = PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }));

export function PlansPage() {
  useTitle('Plans');
  const me = useMe();
  const params = useListParams(listFilters.plans(me.user.role));
  const view = params.values.view as PlanView;
  const list = usePlanList(params.values);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const mine = view === 'mine' && !params.values.ownerId;

  return (
    <div className="page">
      <PageHeader
        title="Mutual plans"
        meta={<span>The outcome each customer wants, and who does what by when — on both sides.</span>}
        actions={
          <Link to="/opportunities?status=open" className={buttonClass('secondary')}>
            Plan an opportunity
          </Link>
        }
      />
      <div className="page-toolbar">
        <ViewSwitch value={view} onChange={(v) => params.set('view', v)} label="Whose plans" />
      </div>
      {view !== 'mine' && !params.values.ownerId ? <TeamSummaryCard view={view} /> : null}
      <section className="card" aria-label="Plan list">
        <div className="toolbar">
          <OwnerFilter value={params.values.ownerId} onChange={(v) => params.set('ownerId', v)} />
          <SelectField label="Status" name="status" required value={params.values.status} onChange={(v) => params.set('status', v)} placeholder="Any status" options={STATUS_OPTIONS} />
          <SelectField label="Sort by" name="sort" required value={params.values.sort} onChange={(v) => params.set('sort', v)} options={SORTS} />
        </div>
        {list.isPending ? (
          <SkeletonTable columns={5} />
        ) : list.isError && rows.length === 0 ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon="plans"
            title={mine && !params.values.status ? 'You have no mutual plans yet' : 'No plans match'}
            action={
              mine && !params.values.status ? (
                <Link to={`/opportunities?ownerId=${me.user.id}&status=open`} className={buttonClass('primary')}>
                  Choose an opportunity to plan
                </Link>
              ) : (
                <Button onClick={params.reset}>Clear filters</Button>
              )
            }
          >
            {mine && !params.values.status
              ? 'A mutual plan starts on an opportunity: agree the outcome with the customer, then who does what by when.'
              : 'Try another owner or status.'}
          </EmptyState>
        ) : (
          <div className={list.isPlaceholderData ? 'table-wrap list-stale' : 'table-wrap'} aria-busy={list.isFetching}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Plan</th>
                  <th scope="col">Health</th>
                  <th scope="col" className="hide-sm">
                    Target date
                  </th>
                  <th scope="col" className="hide-md">
                    Commitments
                  </th>
                  <th scope="col" className="hide-md">
                    Owner
                  </th>
                  <th scope="col" className="hide-md">
                    Last activity
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <td className="primary-cell">
                      <Link to={`/plans/${p.id}`}>{p.title}</Link>
                      <span className="sub">
                        {p.opportunity.account.name} · {p.opportunity.name}
                      </span>
                    </td>
                    <td>
                      <span className="badge-stack">
                        <PlanStatusBadge status={p.status} />
                        <HealthBadge health={p.health} status={p.status} />
                      </span>
                    </td>
                    <td className="hide-sm nowrap">{formatDate(p.targetDate)}</td>
                    <td className="hide-md nowrap">
                      {p.counts.done} done · {p.counts.open} open
                      {p.counts.missed > 0 ? <span className="sub warning-text">{p.counts.missed} missed</span> : null}
                    </td>
                    <td className="hide-md">{p.owner.id === me.user.id ? 'Me' : p.owner.name}</td>
                    <td className="hide-md nowrap">{relativeTime(p.lastActivityAt, me.user.timeZone)}</td>
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
