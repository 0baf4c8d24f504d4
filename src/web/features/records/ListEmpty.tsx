import type { ReactNode } from 'react';
import { Button } from '../../ui/Button';
import type { IconName } from '../../ui/Icon';
import { EmptyState } from '../../ui/States';

/**
 * An empty list says which kind of empty it is: nothing matches the filters (and a way to clear
 * them), or nothing exists yet (and how to make the first one).
 */
export function ListEmpty({
  filters,
  noMatch,
  icon,
  title,
  action,
  children,
}: {
  /** The list's filters: whether any is set, and how to clear them all. */
  filters: { isFiltered: boolean; reset: () => void };
  noMatch: { title: string; hint: string; icon?: IconName };
  icon: IconName;
  title: string;
  action: ReactNode;
  children: ReactNode;
}) {
  if (filters.isFiltered) {
    return (
      <EmptyState icon={noMatch.icon ?? 'search'} title={noMatch.title} action={<Button onClick={filters.reset}>Clear filters</Button>}>
        {noMatch.hint}
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={icon} title={title} action={action}>
      {children}
    </EmptyState>
  );
}
