import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon, type IconName } from '../../ui/Icon';

/** A related record under a page's title: its kind's icon and a link to it. */
export function MetaLink({ icon, to, children }: { icon: IconName; to: string; children: ReactNode }) {
  return (
    <span>
      <Icon name={icon} size={14} />
      <Link to={to}>{children}</Link>
    </span>
  );
}
