import { Link } from 'react-router';
import { Badge } from '../../ui/Badge';

/** A list row's first cell: the record's link, "Archived" when it is, and a grey line of context. */
export function PrimaryCell({ to, name, archived = false, sub }: { to: string; name: string; archived?: boolean; sub?: string | null }) {
  return (
    <>
      <Link to={to}>{name}</Link>
      {archived ? (
        <>
          {' '}
          <Badge>Archived</Badge>
        </>
      ) : null}
      {sub ? <span className="sub">{sub}</span> : null}
    </>
  );
}
