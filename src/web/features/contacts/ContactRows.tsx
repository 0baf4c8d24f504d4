import { Link } from 'react-router';
import { BUYING_ROLE_LABELS } from '../../../shared/contacts';
import { accountContactsParams } from '../../app/lists';
import { useRecordList } from '../../app/records';
import { Avatar } from '../../ui/Avatar';
import { Badge } from '../../ui/Badge';
import { RecordRows } from '../records/RecordRows';

/** The people at an account, with their part in the buying decision. */
export function ContactRows({ accountId }: { accountId: string }) {
  const list = useRecordList('contacts', accountContactsParams(accountId), { limit: 50 });
  return (
    <RecordRows list={list} empty="No contacts yet. Who are the people in the buying decision?">
      {(c) => (
        <>
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
        </>
      )}
    </RecordRows>
  );
}
