import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { plural } from '../../lib/format';
import { buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/Icon';
import { AdvanceRateLine } from './AdvanceRateLine';
import { useAdvanceRate, useInteractions } from './api';
import { InteractionList } from './InteractionList';
import '../../styles/interactions.css';

/** On Today, first: your interactions whose time has come without a result — "record the outcome". */
export function RecordTheOutcome() {
  const me = useMe();
  const pending = useInteractions({ ownerId: me.user.id, state: 'awaiting_result', sort: 'sortAt', limit: 20 });
  const waiting = pending.data?.data ?? [];
  if (waiting.length === 0) return null;
  return (
    <Card title={`Record the outcome · ${plural(waiting.length, 'interaction')}`}>
      <p className="card-intro-inline small muted">Their time has come. Did the customer agree to the advance you planned?</p>
      <InteractionList items={waiting} showAccount recordLink />
    </Card>
  );
}

/** On Today, beside: your next interactions and your advance rate (with n and its interval). */
export function YourInteractions() {
  const me = useMe();
  const ownerId = me.user.id;
  const upcoming = useInteractions({ ownerId, state: 'upcoming', sort: 'sortAt', limit: 5 });
  const rate = useAdvanceRate({ ownerId });
  return (
    <Card
      title="Your interactions"
      actions={
        <Link to="/interactions/new" className={buttonClass('secondary', 'sm')}>
          <Icon name="plus" size={15} />
          Plan an interaction
        </Link>
      }
    >
      <AdvanceRateLine rate={rate.data} label="Your advance rate" />
      {upcoming.isError ? <p className="warning-text">Your interactions could not be loaded.</p> : null}
      {upcoming.data && upcoming.data.data.length === 0 ? <p className="muted small">Nothing planned. What advance do you want from your next call?</p> : null}
      {upcoming.data?.data.length ? (
        <section aria-label="Coming up">
          <h3 className="interaction-group">Coming up</h3>
          <InteractionList items={upcoming.data.data} showAccount />
        </section>
      ) : null}
    </Card>
  );
}
