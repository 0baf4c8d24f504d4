import { useState } from 'react';
import type { Opportunity } from '../../../shared/opportunities';
import { useOpportunityFocus } from './api';
import { FocusDeal } from './FocusDeal';
import '../../styles/focus.css';

/**
 * On a deal's page: its focus flags with their reasons in plain words, the figures behind them and
 * the suggested next moves (walking away included), as Focus shows them. Nothing when the deal is
 * not flagged.
 */
export function OpportunityFocusCard({ opportunity }: { opportunity: Pick<Opportunity, 'id' | 'status' | 'version'> }) {
  const focus = useOpportunityFocus(opportunity.id);
  const [noted, setNoted] = useState('');
  const item = focus.data;
  return (
    <>
      <p role="status" className="sr-only">
        {noted}
      </p>
      {item && item.flags.length > 0 && opportunity.status === 'open' ? (
        <div className="opportunity-focus">
          <FocusDeal item={item} heading="Signs of a chased deal" onWalkedAway={(name) => setNoted(`Walked away from ${name}.`)} />
        </div>
      ) : null}
    </>
  );
}
