import { useState } from 'react';
import type { FocusScope } from '../../../shared/focus';
import { defaultFocusScope } from '../../../shared/views';
import { listFilters } from '../../app/lists';
import { useTitle } from '../../lib/hooks';
import { useListParams } from '../../lib/useListParams';
import { PageHeader } from '../../ui/PageHeader';
import { exportFocus } from '../../../shared/routes/operations/exports';
import { ExportLink } from '../records/ExportLink';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';
import { ListFooter } from '../records/ListFooter';
import { rowsOf } from '../records/pagedList';
import { ViewSwitch } from '../plans/ViewSwitch';
import { useMe } from '../../app/session';
import { useFocusList } from './api';
import { FocusDeal } from './FocusDeal';
import '../../styles/plans.css';
import '../../styles/focus.css';

/**
 * Chased deals: open opportunities that take call after call with no commitment, each with why it
 * is flagged, the figures behind it, and the next move — help the customer see the cost of
 * inaction, or walk away.
 */
export function FocusPage() {
  useTitle('Focus');
  const me = useMe();
  const params = useListParams(listFilters.focus(me.user.role));
  const scope = (params.values.scope || defaultFocusScope(me.user.role)) as FocusScope;
  const list = useFocusList(scope);
  const [noted, setNoted] = useState('');
  const items = rowsOf(list);
  const thresholds = list.data?.pages[0]?.thresholds;

  return (
    <div className="page">
      <PageHeader
        title="Focus"
        meta={<span>Deals that show signs of being chased. Spend your time where the customer has decided to change.</span>}
        actions={<ExportLink route={exportFocus} query={{ scope }} />}
      />
      <div className="page-toolbar">
        <ViewSwitch value={scope} onChange={(v) => params.set('scope', v)} label="Whose deals" />
      </div>
      {thresholds ? (
        <p className="muted small focus-rules">
          Flagged after {thresholds.noAdvanceStreak} calls in a row without an advance; when the customer kept under half of at least 3 judged commitments on time; or with no
          commitment to change after {thresholds.noCommitmentDays} days or {thresholds.noCommitmentInteractions} calls.
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {noted}
      </p>
      {list.isPending ? (
        <div className="card card-pad">
          <SkeletonLines lines={5} />
        </div>
      ) : list.isError && items.length === 0 ? (
        <div className="card">
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        </div>
      ) : items.length === 0 ? (
        <div className="card">
          <EmptyState icon="sparkles" title="No chased deals">
            {scope === 'mine' ? 'None of your open deals shows signs of being chased.' : 'No open deal here shows signs of being chased.'} Keep planning each call’s outcome.
          </EmptyState>
        </div>
      ) : (
        <div className="focus-list">
          {items.map((item) => (
            <FocusDeal
              key={item.opportunity.id}
              item={item}
              onWalkedAway={(name) => {
                // The deal leaves the list: say so, and put keyboard focus somewhere stable (the page heading).
                setNoted(`Walked away from ${name}.`);
                document.querySelector<HTMLElement>('main h1')?.focus();
              }}
            />
          ))}
          <ListFooter count={items.length} list={list} />
        </div>
      )}
    </div>
  );
}
