import { Link } from 'react-router';
import type { CheckIn } from '../../../shared/check-ins';
import { GOAL_KIND_LABELS } from '../../../shared/goals';
import { INTERACTION_RESULT_LABELS } from '../../../shared/interactions';
import { useMe } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { Card } from '../../ui/Card';
import { AdvanceRateLine } from '../interactions/AdvanceRateLine';
import { useReviewMode } from '../../app/reviewMode';
import { figuresHidden, HIDDEN_IN_REVIEW, readingWords } from '../goals/goalWords';
import { keptWords } from './checkInWords';

const ITEMS_SHOWN = 5;

/**
 * The rep's process beside the questions, for the period since the check-in before: calls and
 * meetings with their planned outcome and what came of them (the advance rate with n and its
 * interval), and the rep's word — every commitment, and the check-in actions alone.
 */
export function DataPanel({ checkIn: c }: { checkIn: CheckIn }) {
  const me = useMe();
  const review = useReviewMode();
  const d = c.data;
  const i = d.interactions;
  const whose = c.rep.id === me.user.id ? 'Your' : `${c.rep.name}’s`;
  const rate = { n: i.advanced + i.continuation + i.noAdvance, advances: i.advanced, continuations: i.continuation, noAdvances: i.noAdvance, judgement: i.advanceRate };
  return (
    <Card title={`${whose} data`} className="check-in-data">
      <p className="small muted">
        From {formatDateTime(d.period.from, me.user.timeZone)} to {formatDateTime(d.period.to, me.user.timeZone)}
      </p>
      <h3>Planned outcomes and advances</h3>
      <dl className="check-in-figures">
        <div>
          <dt>Interactions with a planned outcome</dt>
          <dd>{i.planned}</dd>
        </div>
        <div>
          <dt>Advanced</dt>
          <dd>{i.advanced}</dd>
        </div>
        <div>
          <dt>Continuation</dt>
          <dd>{i.continuation}</dd>
        </div>
        <div>
          <dt>No advance</dt>
          <dd>{i.noAdvance}</dd>
        </div>
        <div>
          <dt>Result not recorded</dt>
          <dd>{i.awaitingResult}</dd>
        </div>
      </dl>
      <AdvanceRateLine rate={rate} label="Advance rate in the period" />
      {i.items.length ? (
        <ul className="check-in-interactions">
          {i.items.slice(0, ITEMS_SHOWN).map((x) => (
            <li key={x.id}>
              <span className="small muted">
                {formatDateTime(x.at, me.user.timeZone)} · {x.account.name} · {x.result ? INTERACTION_RESULT_LABELS[x.result as keyof typeof INTERACTION_RESULT_LABELS] : 'no result yet'}
              </span>
              <span>{x.plannedOutcome}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <h3>Commitments kept</h3>
      <p>{keptWords(d.reliability)}</p>
      <p className="small muted">Every commitment {c.rep.id === me.user.id ? 'you own' : `${c.rep.name} owns`}: on plans, objectives, interactions and check-ins.</p>
      <h3>Check-in actions kept</h3>
      <p>{keptWords(d.checkInActions)}</p>
      <h3>Goals</h3>
      {d.goals.length ? (
        <ul className="check-in-goals">
          {d.goals.map((g) => {
            const hidden = figuresHidden(g, review);
            const reading = g.measure && g.measurement.reading && !hidden ? readingWords(g.measure, g.measurement.reading) : null;
            return (
              <li key={g.id}>
                <Link to={`/goals/${g.id}`}>{g.title}</Link>
                <span className="small muted">
                  {GOAL_KIND_LABELS[g.kind]}
                  {g.stretch ? ' · stretch' : ''}
                  {hidden && g.measure ? ` · ${HIDDEN_IN_REVIEW}` : ''}
                  {reading ? ` · ${reading.value} (${reading.detail})` : ''}
                  {g.measurement.progress && !hidden ? ` · ${g.measurement.progress.words}` : ''}
                </span>
                {g.currentStep ? <span className="small">Next step: {g.currentStep.text}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="small muted">No active goal{c.rep.id === me.user.id ? '' : ' that you can read'}.</p>
      )}
    </Card>
  );
}
