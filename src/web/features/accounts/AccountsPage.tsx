import type { Account, ACCOUNT_SORTS } from '../../../shared/accounts';
import { listFilters } from '../../app/lists';
import { useRecordList } from '../../app/records';
import { useMe } from '../../app/session';
import { relativeTime } from '../../lib/format';
import { optionsFrom } from '../../lib/forms';
import { useTitle } from '../../lib/hooks';
import { useListParams } from '../../lib/useListParams';
import { PageHeader } from '../../ui/PageHeader';
import { exportAccounts } from '../../../shared/routes/operations/exports';
import { AddLink } from '../records/AddLink';
import { ExportLink } from '../records/ExportLink';
import { ArchivedFilter, ListSearch, OwnerFilter, SortBy } from '../records/ListControls';
import { ListEmpty } from '../records/ListEmpty';
import { PrimaryCell } from '../records/PrimaryCell';
import { ownerColumn, RecordList, type Column } from '../records/RecordList';

const SORTS = optionsFrom<(typeof ACCOUNT_SORTS)[number]>({ name: 'Name A–Z', '-name': 'Name Z–A', '-updatedAt': 'Latest update', updatedAt: 'Oldest update' });

const orDash = (text: string | null) => text ?? <span className="muted">—</span>;

export function AccountsPage() {
  useTitle('Accounts');
  const me = useMe();
  const params = useListParams(listFilters.accounts);
  const list = useRecordList('accounts', params.values, { keepPrevious: true });
  const columns: Column<Account>[] = [
    { header: 'Name', cellClassName: 'primary-cell', cell: (a) => <PrimaryCell to={`/accounts/${a.id}`} name={a.name} archived={a.archivedAt !== null} sub={a.domain} /> },
    { header: 'Industry', className: 'hide-sm', cell: (a) => orDash(a.industry) },
    { header: 'Size', className: 'hide-md', cell: (a) => orDash(a.size) },
    ownerColumn(me.user.id),
    { header: 'Updated', className: 'hide-sm', cellClassName: 'nowrap muted', cell: (a) => relativeTime(a.updatedAt, me.user.timeZone) },
  ];

  return (
    <div className="page">
      <PageHeader title="Accounts" meta={<span>The companies you sell to, and who owns each relationship.</span>} actions={
          <>
            <ExportLink route={exportAccounts} query={params.values} />
            <AddLink to="/accounts/new">New account</AddLink>
          </>
        } />
      <RecordList
        label="Account list"
        toolbar={
          <>
            <ListSearch label="Search accounts" {...params.field('q')} />
            <OwnerFilter {...params.field('ownerId')} />
            <ArchivedFilter {...params.field('archived')} />
            <SortBy options={SORTS} {...params.field('sort')} />
          </>
        }
        empty={
          <ListEmpty filters={params} noMatch={{ title: 'No accounts match', hint: 'Try another search, owner or filter.' }} icon="accounts" title="No accounts yet" action={<AddLink to="/accounts/new">Create your first account</AddLink>}>
            Accounts are the companies you sell to. Add one to start tracking its contacts and opportunities.
          </ListEmpty>
        }
        list={list}
        columns={columns}
      />
    </div>
  );
}
