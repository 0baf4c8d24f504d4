import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { buttonClass } from '../../ui/Button';
import { Icon } from '../../ui/Icon';

/** The link to a "new record" page: a primary button on list pages, a small one inside a card. */
export function AddLink({ to, small = false, children }: { to: string; small?: boolean; children: ReactNode }) {
  return (
    <Link to={to} className={small ? buttonClass('secondary', 'sm') : buttonClass('primary')}>
      <Icon name="plus" size={small ? 15 : 17} />
      {children}
    </Link>
  );
}
