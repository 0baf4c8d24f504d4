import { FOCUS_FLAG_LABELS } from '../../../shared/labels';
import type { Opportunity, OPPORTUNITY_SORTS } from '../../../shared/opportunities';
import { activeStages, useStages } from '../../app/directory';
import { listFilters } from '../../app/lists';
import { useRecordList } from '../../app/records';
import { useMe } from '../../app/session';
import { formatDate, formatMoney } from '../../lib/format';
import { optionsFrom } from '../../lib/forms';
import { useTitle } from '../../lib/hooks';
import { useListParams } from '../../lib/useListParams';
import { SelectField } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { exportOpportunities } from '../../../shared/routes/operations/exports';
import { ExportLink } from '../records/ExportLink';
import { AddLink } from '../records/AddLink';
import { ArchivedFilter, ListSearch, OwnerFilter, SortBy } from '../records/ListControls';
import { ListEmpty } from '../records/ListEmpty';
import { PrimaryCell } from '../records/PrimaryCell';
import { ownerColumn, RecordList, type Column } from '../records/RecordList';
import { FlagsCell } from './FlagsCell';
import { StatusBadge } from './StatusBadge';
import { statusFilterLabels } from './statusWords';

const FLAGS = [{ value: 'any', label: 'Any flag (chased deals)' }, ...optionsFrom(FOCUS_FLAG_LABELS)];

const SORTS = optionsFrom<(typeof OPPORTUNITY_SORTS)[number]>({
  '-updatedAt': 'Latest update',
  closeDate: 'Closing soonest',
  '-closeDate': 'Closing latest',
  '-amount': 'Largest amount',
  amount: 'Smallest amount',
  name: 'Name A–Z',
  '-name': 'Name Z–A',
});

export function OpportunitiesPage() {
  useTitle('Opportunities');
  const me = useMe();
  const stages = useStages();
  const params = useListParams(listFilters.opportunities);
  const list = useRecordList('opportunities', params.values, { keepPrevious: true });
  const columns: Column<Opportunity>[] = [
    { header: 'Opportunity', cellClassName: 'primary-cell', cell: (o) => <PrimaryCell to={`/opportunities/${o.id}`} name={o.name} archived={o.archivedAt !== null} sub={o.account.name} /> },
    { header: 'Stage', className: 'hide-md', cell: (o) => o.stage.name },
    { header: 'Amount', className: 'num', cell: (o) => formatMoney(o.amount) },
    {
      header: 'Close date',
      className: 'hide-sm',
      cellClassName: 'nowrap',
      cell: (o) => (
        <>
          {formatDate(o.closeDate)}
          {o.closeDatePassed ? <span className="sub warning-text">Past close date</span> : null}
        </>
      ),
    },
    ownerColumn(me.user.id, 'hide-md'),
    { header: 'Status', className: 'hide-sm', cell: (o) => <StatusBadge status={o.status} /> },
  ];
  // Filtered by a focus flag: each row says why it is flagged.
  if (params.values.flag) columns.splice(1, 0, { header: 'Flags', cell: (o) => <FlagsCell flags={o.flags ?? []} /> });

  return (
    <div className="page">
      <PageHeader
        title="Opportunities"
        meta={<span>Deals in progress and closed. Amounts stay in their own currency.</span>}
        actions={
          <>
            <ExportLink route={exportOpportunities} query={params.values} />
            <AddLink to="/opportunities/new">New opportunity</AddLink>
          </>
        }
      />
      <RecordList
        label="Opportunity list"
        toolbar={
          <>
            <ListSearch label="Search opportunities" {...params.field('q')} />
            <OwnerFilter {...params.field('ownerId')} />
            <SelectField label="Stage" required placeholder="Any stage" options={activeStages(stages.data).map((s) => ({ value: s.id, label: s.name }))} {...params.field('stageId')} />
            <SelectField label="Status" required placeholder="Any status" options={optionsFrom(statusFilterLabels())} {...params.field('status')} />
            <SelectField label="Flag" required placeholder="Flagged or not" options={FLAGS} {...params.field('flag')} />
            <ArchivedFilter {...params.field('archived')} />
            <SortBy options={SORTS} {...params.field('sort')} />
          </>
        }
        empty={
          <ListEmpty
            filters={params}
            noMatch={{ title: 'No opportunities match', hint: 'Try another search, owner, stage, status or flag.' }}
            icon="opportunities"
            title="No opportunities yet"
            action={<AddLink to="/opportunities/new">Create an opportunity</AddLink>}
          >
            An opportunity is a deal with an account: an amount, a stage and the date you expect a decision.
          </ListEmpty>
        }
        list={list}
        columns={columns}
      />
    </div>
  );
}
