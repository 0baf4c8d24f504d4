import type { Outcomes } from '../../../shared/coaching';

/** Deals closed in the period: won, lost, walked away (walking away from a chased deal is not a loss). */
export function OutcomeCounts({ outcomes }: { outcomes: Outcomes }) {
  return (
    <dl className="outcome-counts">
      <div>
        <dt>Won</dt>
        <dd>{outcomes.won}</dd>
      </div>
      <div>
        <dt>Lost</dt>
        <dd>{outcomes.lost}</dd>
      </div>
      <div>
        <dt>Walked away</dt>
        <dd>{outcomes.walkedAway}</dd>
      </div>
    </dl>
  );
}
