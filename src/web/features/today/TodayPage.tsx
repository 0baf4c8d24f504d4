import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Today, TodayItem } from '../../../shared/today';
import { listFilters } from '../../app/lists';
import { useMe } from '../../app/session';
import { plural } from '../../lib/format';
import { useTitle } from '../../lib/hooks';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';
import { useToday } from '../commitments/api';
import { PendingDate } from '../renegotiations/PendingDate';
import { ClosingDeals } from './ClosingDeals';
import { RecordTheOutcome, YourInteractions } from '../interactions/TodayInteractions';
import { TodaySteps } from '../goals/TodaySteps';
import { NotificationsCard } from './NotificationsCard';
import { useOnTrack } from './onTrack';
import { TodayRow } from './TodayRow';
import '../../styles/plans.css';
import type { PlanView } from '../../../shared/team-view';
import { useListParams } from '../../lib/useListParams';
import { ViewSwitch } from '../plans/ViewSwitch';
import { planAndDeal } from '../plans/planWords';

function greeting(timeZone: string): string {
  const hour = Number(new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(new Date()));
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

/** The rep's day: what they promised, what is about to be due, and the answers customers wait for. */
export function TodayPage() {
  useTitle('Today');
  const me = useMe();
  const tz = me.user.timeZone;
  const params = useListParams(listFilters.today(me.user.role));
  const view = params.values.view as PlanView;
  const query = useToday(view);
  const longDate = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: tz }).format(new Date());

  return (
    <div className="page">
      <PageHeader title={`${greeting(tz)}, ${me.user.name.split(' ')[0]}`} meta={<span>{longDate}</span>} />
      <div className="page-toolbar">
        <ViewSwitch value={view} onChange={(v) => params.set('view', v)} label="Whose commitments" />
      </div>
      {/* On a phone the side column (what customers did) comes first: see .today-layout in plans.css. */}
      <div className="record-layout today-layout">
        <div className="today-main">
          <RecordTheOutcome />
          {query.isPending ? (
            <div className="card card-pad">
              <SkeletonLines lines={5} />
            </div>
          ) : query.isError ? (
            <div className="card">
              <ErrorState error={query.error} onRetry={() => void query.refetch()} />
            </div>
          ) : (
            <TodayLists today={query.data} />
          )}
        </div>
        <div className="today-side">
          <YourInteractions />
          <TodaySteps />
          <NotificationsCard />
          <ClosingDeals />
        </div>
      </div>
    </div>
  );
}

function TodayLists({ today }: { today: Today }) {
  const onTrack = useOnTrack(today.date);
  const [noted, setNoted] = useState('');
  const toConfirm = today.confirmOrRedate.filter((i) => !onTrack.isConfirmed(i.commitment.id, i.commitment.dueDate));
  // Once confirmed "still on track", an item moves to its day's list: still listed, and only once.
  const confirmed = today.confirmOrRedate.filter((i) => onTrack.isConfirmed(i.commitment.id, i.commitment.dueDate));
  const dueToday = [...confirmed.filter((i) => i.commitment.dueDate === today.date), ...today.dueToday];
  const next7Days = [...confirmed.filter((i) => i.commitment.dueDate !== today.date), ...today.next7Days];
  // The row leaves the list once done: say so, and put keyboard focus somewhere stable (the page heading).
  const done = (title: string) => {
    setNoted(`Marked ${title} done.`);
    document.querySelector<HTMLElement>('main h1')?.focus();
  };
  const nothing = today.confirmOrRedate.length + today.dueToday.length + today.overdue.length + today.next7Days.length + today.waitingForAnswer.length === 0;

  if (nothing) {
    return (
      <Card title="Your commitments">
        <EmptyState
          icon="check"
          title="Nothing due this week"
          action={
            <Link to="/plans" className="btn btn-secondary">
              Open your plans
            </Link>
          }
        >
          No commitment of yours is due in the next 7 days, and no customer waits for an answer. A good moment to check a plan with a customer.
        </EmptyState>
      </Card>
    );
  }

  return (
    <>
      <p className="sr-only" role="status">
        {noted}
      </p>
      {toConfirm.length > 0 ? (
        <Section title="Confirm or re-date" intro="Due in the next two days. Still on track? Say so — or agree a new date now, while it still counts as in advance.">
          {toConfirm.map((item) => (
            <TodayRow
              key={item.commitment.id}
              item={item}
              onDone={done}
              extra={
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    onTrack.confirm(item.commitment.id, item.commitment.dueDate);
                    setNoted(`Noted: ${item.commitment.title} is on track.`);
                  }}
                  aria-label={`Still on track: ${item.commitment.title}`}
                >
                  Still on track
                </Button>
              }
            />
          ))}
        </Section>
      ) : null}
      {today.waitingForAnswer.length > 0 ? (
        <Card title="New dates waiting for your answer" flush>
          <p className="card-intro">Your customer proposed new dates. Until you answer, the original date stands.</p>
          <ul className="today-list">
            {today.waitingForAnswer.map(({ plan, commitment, renegotiation }) => (
              <li key={renegotiation.id} className="today-row today-row-answer">
                <p className="today-row-title">
                  <Link to={`/plans/${plan.id}#c-${commitment.id}`}>{commitment.title}</Link>
                </p>
                <p className="today-row-meta">
                  <span>{planAndDeal(plan)}</span>
                </p>
                <PendingDate commitment={commitment} renegotiation={renegotiation} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <List title="Past its date" items={today.overdue} onDone={done} intro="It happens. Mark it done if it is, or agree a new date with the customer — they will appreciate hearing it from you." />
      <List title="Due today" items={dueToday} onDone={done} />
      <List title="Next 7 days" items={next7Days} onDone={done} />
    </>
  );
}

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Card title={title} flush>
      {intro ? <p className="card-intro">{intro}</p> : null}
      <ul className="today-list">{children}</ul>
    </Card>
  );
}

function List({ title, items, intro, onDone }: { title: string; items: TodayItem[]; intro?: string; onDone: (title: string) => void }) {
  if (items.length === 0) return null;
  return (
    <Section title={`${title} · ${plural(items.length, 'commitment')}`} intro={intro}>
      {items.map((item) => (
        <TodayRow key={item.commitment.id} item={item} onDone={onDone} />
      ))}
    </Section>
  );
}
