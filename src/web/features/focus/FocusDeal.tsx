import { useId, useState } from 'react';
import { Link } from 'react-router';
import { FOCUS_FLAG_LABELS } from '../../../shared/labels';
import type { FocusItem } from '../../../shared/focus';
import { formatDate, formatMoney } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { CHANGE_COMMITMENT_WORDS, callsLine, customerLine, sentence } from './focusWords';
import { WalkAwayDialog } from './WalkAwayDialog';

/**
 * One chased deal: why it is flagged, the figures behind the flags (with their n), and what to do
 * next. On Focus its title links to the deal; on the deal's own page (`heading`) it says what it is.
 */
export function FocusDeal({ item, onWalkedAway, heading }: { item: FocusItem; onWalkedAway: (name: string) => void; heading?: string }) {
  const { opportunity: o, flags, nextMoves, figures } = item;
  const [walking, setWalking] = useState(false);
  const titleId = useId();
  const customer = customerLine(figures.customer);
  return (
    <article className="card focus-deal" aria-labelledby={titleId}>
      <header className="focus-deal-header">
        <div>
          <h2 id={titleId} className="focus-deal-title">
            {heading ?? <Link to={`/opportunities/${o.id}`}>{o.name}</Link>}
          </h2>
          {heading ? null : (
            <p className="muted small">
              {o.account.name} · {o.owner.name} · {formatMoney(o.amount)} · closes {formatDate(o.closeDate)}
              {o.closeDatePassed ? <span className="warning-text"> (past)</span> : null}
            </p>
          )}
        </div>
        {o.permissions.canEdit ? (
          <Button size="sm" variant="ghost" onClick={() => setWalking(true)} aria-label={`Walk away from ${o.name}`}>
            Walk away
          </Button>
        ) : null}
      </header>
      <div className="focus-deal-body">
        <section aria-label="Why it is flagged">
          <ul className="focus-flags">
            {flags.map((f) => (
              <li key={f.id}>
                <Badge tone="warning">{FOCUS_FLAG_LABELS[f.id]}</Badge> <span>{sentence(f.reason)}</span>
              </li>
            ))}
          </ul>
        </section>
        <dl className="details focus-figures">
          <div>
            <dt>Calls</dt>
            <dd>{callsLine(figures)}</dd>
          </div>
          <div>
            <dt>Open for</dt>
            <dd>{figures.daysOpen === 1 ? '1 day' : `${figures.daysOpen} days`}</dd>
          </div>
          <div>
            <dt>Commitment to change</dt>
            <dd>{CHANGE_COMMITMENT_WORDS[figures.changeCommitment]}</dd>
          </div>
          <div>
            <dt>Customer’s word</dt>
            <dd>
              {customer.text}
              {customer.note ? <span className="sub muted small">{customer.note}</span> : null}
            </dd>
          </div>
        </dl>
        {nextMoves.length > 0 ? (
          <section className="focus-moves" aria-label="Suggested next moves">
            <h3 className="focus-moves-title">Suggested next moves</h3>
            <ol>
              {nextMoves.map((m) => (
                <li key={m.id}>
                  <strong>{m.label}.</strong> {m.why}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
      <WalkAwayDialog
        opportunity={o}
        open={walking}
        onClose={() => setWalking(false)}
        onDone={(name) => {
          setWalking(false);
          onWalkedAway(name);
        }}
      />
    </article>
  );
}
