import { Link, useSearchParams } from 'react-router';
import { SEARCH_LIMIT_MAX } from '../../../shared/search';
import { qs } from '../../app/api';
import { useTitle } from '../../lib/hooks';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { useSearch } from './api';
import { hitGroups, type HitKind } from './hits';

/** Where every match of a kind can be read page by page: the lists take the same `q`. */
const LIST_OF: Partial<Record<HitKind, string>> = { accounts: '/accounts', opportunities: '/opportunities' };

export function SearchPage() {
  const [search] = useSearchParams();
  const q = (search.get('q') ?? '').trim();
  useTitle(q ? `Search: ${q}` : 'Search');
  const results = useSearch(q, { limit: SEARCH_LIMIT_MAX, enabled: q !== '' });
  const groups = results.data ? hitGroups(results.data) : [];

  return (
    <div className="page">
      <PageHeader
        title={q ? `Results for “${q}”` : 'Search'}
        meta={<span>Accounts, contacts, opportunities and plans with words starting with yours — accents and capitals do not matter. Best matches first.</span>}
      />
      {!q ? (
        <p className="muted">Type in the search box at the top — press “/” to jump there.</p>
      ) : results.isPending ? (
        <SkeletonLines padded />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : groups.length === 0 ? (
        <p className="muted" role="status">
          Nothing matches “{q}”. Try fewer or shorter words.
        </p>
      ) : (
        groups.map((g) => (
          <Card key={g.kind} title={g.title} flush>
            <div className="rows">
              {g.items.map((item) => (
                <div className="row-item" key={item.id}>
                  <div className="row-main">
                    <Link to={item.to}>{item.main}</Link>
                    <div className="row-sub">{item.meta}</div>
                  </div>
                </div>
              ))}
              {g.more ? (
                <div className="timeline-more">
                  {LIST_OF[g.kind] ? (
                    <Link to={`${LIST_OF[g.kind]}${qs({ q })}`}>
                      All {g.title.toLowerCase()} matching “{q}” <Icon name="chevronRight" size={14} />
                    </Link>
                  ) : (
                    <span className="muted">More {g.title.toLowerCase()} match; add a word to narrow them down.</span>
                  )}
                </div>
              ) : null}
            </div>
          </Card>
        ))
      )}
    </div>
  );
}
