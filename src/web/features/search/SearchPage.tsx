import { Link, useSearchParams } from 'react-router';
import type { Account } from '../../../shared/accounts';
import type { Opportunity } from '../../../shared/opportunities';
import { useRecordList } from '../../app/records';
import { formatDate, formatMoney } from '../../lib/format';
import { useTitle } from '../../lib/hooks';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { StatusBadge } from '../opportunities/StatusBadge';

export function SearchPage() {
  const [search] = useSearchParams();
  const q = (search.get('q') ?? '').trim();
  useTitle(q ? `Search: ${q}` : 'Search');
  const accounts = useRecordList<Account>('accounts', { q, sort: 'name' }, { limit: 20, enabled: q !== '' });
  const opportunities = useRecordList<Opportunity>('opportunities', { q, sort: '-updatedAt' }, { limit: 20, enabled: q !== '' });
  const accountRows = accounts.data?.pages.flatMap((p) => p.data) ?? [];
  const opportunityRows = opportunities.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <div className="page">
      <PageHeader title={q ? `Results for “${q}”` : 'Search'} meta={<span>Accounts and opportunities whose name (or domain) contains your words.</span>} />
      {!q ? (
        <p className="muted">Type in the search box at the top — press “/” to jump there.</p>
      ) : (
        <>
          <Card title="Accounts" flush>
            {accounts.isPending ? (
              <SkeletonLines padded />
            ) : accounts.isError ? (
              <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
            ) : accountRows.length === 0 ? (
              <p className="empty-inline">No accounts match.</p>
            ) : (
              <div className="rows">
                {accountRows.map((a) => (
                  <div className="row-item" key={a.id}>
                    <div className="row-main">
                      <Link to={`/accounts/${a.id}`}>{a.name}</Link>
                      <div className="row-sub">{[a.domain, a.industry, a.owner.name].filter(Boolean).join(' · ')}</div>
                    </div>
                  </div>
                ))}
                {accounts.hasNextPage ? (
                  <div className="timeline-more">
                    <Button size="sm" variant="ghost" busy={accounts.isFetchingNextPage} onClick={() => void accounts.fetchNextPage()}>
                      More accounts
                    </Button>
                  </div>
                ) : null}
              </div>
            )}
          </Card>
          <Card title="Opportunities" flush>
            {opportunities.isPending ? (
              <SkeletonLines padded />
            ) : opportunities.isError ? (
              <ErrorState error={opportunities.error} onRetry={() => void opportunities.refetch()} />
            ) : opportunityRows.length === 0 ? (
              <p className="empty-inline">No opportunities match.</p>
            ) : (
              <div className="rows">
                {opportunityRows.map((o) => (
                  <div className="row-item" key={o.id}>
                    <div className="row-main">
                      <Link to={`/opportunities/${o.id}`}>{o.name}</Link>
                      <div className="row-sub">
                        {o.account.name} · {o.stage.name} · closes {formatDate(o.closeDate)}
                      </div>
                    </div>
                    <div className="row-side">
                      <div className="num">{formatMoney(o.amount)}</div>
                      <StatusBadge status={o.status} />
                    </div>
                  </div>
                ))}
                {opportunities.hasNextPage ? (
                  <div className="timeline-more">
                    <Button size="sm" variant="ghost" busy={opportunities.isFetchingNextPage} onClick={() => void opportunities.fetchNextPage()}>
                      More opportunities
                    </Button>
                  </div>
                ) : null}
              </div>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
