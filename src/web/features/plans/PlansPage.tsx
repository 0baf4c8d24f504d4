import { Link } from 'react-router';
import { PLAN_STATUS_LABELS, type PLAN_SORTS, type PlanSummary } from '../../../shared/plans';
import type { PlanView } from '../../../shared/team-view';
import { listFilters } from '../../app/lists';
import { useMe } from '../../app/session';
import { formatDate, relativeTime } from '../../lib/format';
import { optionsFrom } from '../../lib/forms';
import { useTitle } from '../../lib/hooks';
import { useListParams } from '../../lib/useListParams';
import { buttonClass } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { exportPlans } from '../../../shared/routes/operations/exports';
import { ExportLink } from '../records/ExportLink';
import { OwnerFilter, SortBy } from '../records/ListControls';
import { ListEmpty } from '../records/ListEmpty';
import { PrimaryCell } from '../records/PrimaryCell';
import { ownerColumn, RecordList, type Column } from '../records/RecordList';
import { usePlanList } from './api';
import { HealthBadge, PlanStatusBadge } from './HealthBadge';
import { TeamSummaryCard } from './TeamSummaryCard';
import { ViewSwitch } from './ViewSwitch';
import '../../styles/plans.css';

const SORTS = optionsFrom<(typeof PLAN_SORTS)[number]>({ '-lastActivityAt': 'Latest activity', lastActivityAt: 'Quietest first', targetDate: 'Target date, soonest', '-targetDate': 'Target date, latest' });

export function PlansPage() {
  useTitle('Plans');
  const me = useMe();
  const params = useListParams(listFilters.plans(me.user.role));
  const view = params.values.view as PlanView;
  const list = usePlanList(params.values);
  // The view (mine, team, everyone) is not a filter: an empty list without owner or status says how to start.
  const filtered = !!params.values.ownerId || !!params.values.status;
  const columns: Column<PlanSummary>[] = [
    { header: 'Plan', cellClassName: 'primary-cell', cell: (p) => <PrimaryCell to={`/plans/${p.id}`} name={p.title} sub={`${p.opportunity.account.name} · ${p.opportunity.name}`} /> },
    {
      header: 'Health',
      cell: (p) => (
        <span className="badge-stack">
          <PlanStatusBadge status={p.status} />
          <HealthBadge health={p.health} status={p.status} />
        </span>
      ),
    },
    { header: 'Target date', className: 'hide-sm', cellClassName: 'nowrap', cell: (p) => formatDate(p.targetDate) },
    {
      header: 'Commitments',
      className: 'hide-md',
      cellClassName: 'nowrap',
      cell: (p) => (
        <>
          {p.counts.done} done · {p.counts.open} open
          {p.counts.missed > 0 ? <span className="sub warning-text">{p.counts.missed} missed</span> : null}
        </>
      ),
    },
    ownerColumn(me.user.id, 'hide-md'),
    { header: 'Last activity', className: 'hide-md', cellClassName: 'nowrap', cell: (p) => relativeTime(p.lastActivityAt, me.user.timeZone) },
  ];

  return (
    <div className="page">
      <PageHeader
        title="Mutual plans"
        meta={<span>The outcome each customer wants, and who does what by when — on both sides.</span>}
        actions={
          <>
            <ExportLink route={exportPlans} query={params.values} />
            <Link to="/opportunities?status=open" className={buttonClass('secondary')}>
              Plan an opportunity
            </Link>
          </>
        }
      />
      <div className="page-toolbar">
        <ViewSwitch value={view} onChange={(v) => params.set('view', v)} label="Whose plans" />
      </div>
      {view !== 'mine' && !params.values.ownerId ? <TeamSummaryCard view={view} /> : null}
      <RecordList
        label="Plan list"
        toolbar={
          <>
            <OwnerFilter {...params.field('ownerId')} />
            <SelectField label="Status" required placeholder="Any status" options={optionsFrom(PLAN_STATUS_LABELS)} {...params.field('status')} />
            <SortBy options={SORTS} {...params.field('sort')} />
          </>
        }
        empty={
          <ListEmpty
            filters={{ isFiltered: filtered, reset: params.reset }}
            noMatch={{ title: 'No plans match', hint: 'Try another owner or status.', icon: 'plans' }}
            icon="plans"
            title={view === 'mine' ? 'You have no mutual plans yet' : 'No mutual plans yet'}
            action={
              <Link to={`/opportunities?ownerId=${me.user.id}&status=open`} className={buttonClass('primary')}>
                Choose an opportunity to plan
              </Link>
            }
          >
            A mutual plan starts on an opportunity: agree the outcome with the customer, then who does what by when.
          </ListEmpty>
        }
        list={list}
        columns={columns}
      />
    </div>
  );
}
