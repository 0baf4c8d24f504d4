import { Link } from 'react-router';
import { BUYING_ROLE_LABELS, type Contact } from '../../../shared/contacts';
import { accountContactsParams } from '../../app/lists';
import { useRecordList } from '../../app/records';
import { Avatar } from '../../ui/Avatar';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorState, SkeletonLines } from '../../ui/States';

/** The people at an account, with their part in the buying decision. */
export function ContactRows({ accountId }: { accountId: string }) {
  const list = useRecordList<Contact>('contacts', accountContactsParams(accountId), { limit: 50 });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  if (list.isPending) return <SkeletonLines lines={3} padded />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (rows.length === 0) return <p className="empty-inline">No contacts yet. Who are the people in the buying decision?</p>;
  return (
    <div className="rows">
      {rows.map((c) => (
        <div className="row-item" key={c.id}>
          <Avatar name={c.name} size="sm" />
          <div className="row-main">
            <Link to={`/contacts/${c.id}`}>{c.name}</Link>
            <div className="row-sub">{[c.title, c.email].filter(Boolean).join(' · ') || 'No title or email yet'}</div>
          </div>
          {c.buyingRole ? (
            <div className="row-side">
              <Badge tone="accent">{BUYING_ROLE_LABELS[c.buyingRole]}</Badge>
            </div>
          ) : null}
        </div>
      ))}
      {list.hasNextPage ? (
        <div className="timeline-more">
          <Button size="sm" variant="ghost" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
