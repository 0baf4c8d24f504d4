import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { TodayItem } from '../../../shared/today';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { RedateDialog } from '../renegotiations/RedateDialog';
import { SIDE_LABELS, dueLine } from '../commitments/commitmentWords';
import { useCommitmentStatus } from '../commitments/useCommitmentStatus';
import { useMe } from '../../app/session';
import { formatDate } from '../../lib/format';
import { planAndDeal } from '../plans/planWords';

/** One of the rep's commitments: where it belongs, when it is due, and the two things to do about it. */
export function TodayRow({ item, extra, onDone }: { item: TodayItem; extra?: ReactNode; onDone?: (title: string) => void }) {
  const { plan, objective, interaction, checkIn, commitment: c } = item;
  const me = useMe();
  // Where it lives: a plan's commitment, a task on an account objective, an action agreed in an interaction and kept there, or one agreed in a check-in.
  const where = plan
    ? { to: `/plans/${plan.id}#c-${c.id}`, label: planAndDeal(plan) }
    : objective
      ? { to: `/objectives/${objective.id}#c-${c.id}`, label: `${objective.title} · ${objective.account.name}` }
      : checkIn
        ? {
            to: `/check-ins/${checkIn.id}#c-${c.id}`,
            label: `Agreed in the check-in ${checkIn.rep.id === me.user.id ? `with ${checkIn.manager.name}` : checkIn.manager.id === me.user.id ? `with ${checkIn.rep.name}` : `of ${checkIn.rep.name} and ${checkIn.manager.name}`} · ${formatDate(checkIn.localDate)}`,
          }
        : { to: `/interactions/${interaction?.id}#c-${c.id}`, label: `Agreed in a ${interaction?.kind ?? 'call'} · ${interaction?.account.name ?? ''}` };
  const titleId = useId();
  const [redating, setRedating] = useState(false);
  const status = useCommitmentStatus(c);
  const canAct = c.permissions.canEdit && c.status === 'open';
  // On a team's Today, say whose word it is.
  const whose = c.owner.kind === 'user' && c.owner.id !== me.user.id ? c.owner.name : null;
  return (
    <li className="today-row">
      <article aria-labelledby={titleId}>
        <div className="today-row-main">
          <h3 id={titleId} className="today-row-title">
            <Link to={where.to}>{c.title}</Link>
            {c.side === 'customer' ? <span className="side-pill side-pill-customer">{SIDE_LABELS.customer}</span> : null}
            {c.mustDo ? <Badge tone="accent">Must do</Badge> : null}
          </h3>
          <p className="today-row-meta">
            <span className={c.state === 'missed' ? 'warning-text' : undefined}>{dueLine(c)}</span>
            {whose ? <span>{whose}</span> : null}
            <span>{where.label}</span>
          </p>
        </div>
        <div className="today-row-actions">
          {extra}
          {canAct ? (
            <>
              <Button size="sm" icon="check" busy={status.pending} onClick={() => status.set('done', undefined, { onSuccess: () => onDone?.(c.title) })} aria-label={`Mark done: ${c.title}`}>
                Mark done
              </Button>
              {!c.awaitingAnswer ? (
                <Button size="sm" variant="ghost" icon="calendar" onClick={() => setRedating(true)} aria-label={`Re-date: ${c.title}`}>
                  Re-date
                </Button>
              ) : null}
            </>
          ) : null}
        </div>
      </article>
      <FormAlert message={status.message} tone="warning" />
      {redating ? <RedateDialog commitment={c} open onClose={() => setRedating(false)} /> : null}
    </li>
  );
}
