import { Link } from 'react-router';
import type { Account } from '../../../shared/accounts';
import { listFilters } from '../../app/lists';
import { useRecordList } from '../../app/records';
import { useMe } from '../../app/session';
import { relativeTime } from '../../lib/format';
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

const SORTS = [
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
  { value: '-updatedAt', label: 'Latest update' },
  { value: 'updatedAt', label: 'Oldest update' },
];

export function AccountsPage() {
  useTitle('Accounts');
  const me = useMe();
  const params = useListParams(listFilters.accounts);
  const list = useRecordList<Account>('accounts', params.values, { keepPrevious: true });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <div className="page">
      <PageHeader
        title="Accounts"
        meta={<span>The companies you sell to, and who owns each relationship.</span>}
        actions={
          <Link to="/accounts/new" className={buttonClass('primary')}>
            <Icon name="plus" size={17} />
            New account
          </Link>
        }
      />
      <section className="card" aria-label="Account list">
        <div className="toolbar">
          <ListSearch label="Search accounts" value={params.values.q} onChange={(v) => params.set('q', v)} />
          <OwnerFilter value={params.values.ownerId} onChange={(v) => params.set('ownerId', v)} />
          <ArchivedFilter value={params.values.archived} onChange={(v) => params.set('archived', v)} />
          <SelectField label="Sort by" name="sort" required value={params.values.sort} onChange={(v) => params.set('sort', v)} options={SORTS} />
        </div>
        {list.isPending ? (
          <SkeletonTable columns={5} />
        ) : list.isError && rows.length === 0 ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : rows.length === 0 ? (
          params.isFiltered ? (
            <EmptyState icon="search" title="No accounts match" action={<Button onClick={params.reset}>Clear filters</Button>}>
              Try another search, owner or filter.
            </EmptyState>
          ) : (
            <EmptyState
              icon="accounts"
              title="No accounts yet"
              action={
                <Link to="/accounts/new" className={buttonClass('primary')}>
                  <Icon name="plus" size={17} />
                  Create your first account
                </Link>
              }
            >
              Accounts are the companies you sell to. Add one to start tracking its contacts and opportunities.
            </EmptyState>
          )
        ) : (
          <div className={list.isPlaceholderData ? 'table-wrap list-stale' : 'table-wrap'} aria-busy={list.isFetching}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" className="hide-sm">
                    Industry
                  </th>
                  <th scope="col" className="hide-md">
                    Size
                  </th>
                  <th scope="col">Owner</th>
                  <th scope="col" className="hide-sm">
                    Updated
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.id}>
                    <td className="primary-cell">
                      <Link to={`/accounts/${a.id}`}>{a.name}</Link>
                      {a.archivedAt ? (
                        <>
                          {' '}
                          <Badge>Archived</Badge>
                        </>
                      ) : null}
                      {a.domain ? <span className="sub">{a.domain}</span> : null}
                    </td>
                    <td className="hide-sm">{a.industry ?? <span className="muted">—</span>}</td>
                    <td className="hide-md">{a.size ?? <span className="muted">—</span>}</td>
                    <td>{a.owner.id === me.user.id ? 'Me' : a.owner.name}</td>
                    <td className="hide-sm nowrap muted">{relativeTime(a.updatedAt, me.user.timeZone)}</td>
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
