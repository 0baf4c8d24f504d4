import { useMemo } from 'react';
import { useStages, useUsers } from '../../app/directory';
import { useRecordHistory, type HistoryResource } from '../../app/records';
import { useMe } from '../../app/session';
import { formatDateTime, relativeTime } from '../../lib/format';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';
import { describeEvent, type HistoryEvent, type Lookups } from './describeEvent';

type Names = Record<string, string>;

/**
 * Who did what and when, newest first: accountability needs history. A record's parts (a plan's
 * milestones, commitments, share links; an objective's tasks; a goal's steps and notes) show here
 * too, each named.
 */
export function HistoryCard({
  resource,
  id,
  noun,
  currency,
  accountNames,
  contactNames,
  milestoneNames,
  stepNames,
}: {
  resource: HistoryResource;
  id: string;
  noun: string;
  currency?: string;
  accountNames?: Names;
  /** Customer contacts a commitment's owner may be. */
  contactNames?: Names;
  milestoneNames?: Names;
  /** A goal's steps, by id. */
  stepNames?: Names;
}) {
  const me = useMe();
  const history = useRecordHistory(resource, id);
  const users = useUsers('all');
  const stages = useStages();

  const lookups = useMemo<Lookups>(() => {
    const userMap = new Map((users.data ?? []).map((u) => [u.id, u.name]));
    const stageMap = new Map((stages.data ?? []).map((s) => [s.id, s.name]));
    return {
      userName: (uid) => userMap.get(uid),
      stageName: (sid) => stageMap.get(sid),
      accountName: (aid) => accountNames?.[aid],
      contactName: (cid) => contactNames?.[cid],
      milestoneName: (mid) => milestoneNames?.[mid],
      stepText: (sid) => stepNames?.[sid],
      currency,
    };
  }, [users.data, stages.data, currency, accountNames, contactNames, milestoneNames, stepNames]);

  const events: HistoryEvent[] = history.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Card title="History" flush>
      {history.isPending ? (
        <SkeletonLines lines={4} padded />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState icon="clock" title="No history yet" />
      ) : (
        <ol className="timeline">
          {events.map((e) => (
            <HistoryItem key={e.id} event={e} noun={noun} lookups={lookups} timeZone={me.user.timeZone} />
          ))}
        </ol>
      )}
      {history.hasNextPage ? (
        <div className="timeline-more">
          <Button size="sm" variant="ghost" busy={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            Show older changes
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

function HistoryItem({ event, noun, lookups, timeZone }: { event: HistoryEvent; noun: string; lookups: Lookups; timeZone: string }) {
  const { headline, details } = describeEvent(event, noun, lookups);
  return (
    <li className="timeline-item">
      <Avatar name={event.actor.name} size="sm" />
      <div className="timeline-body">
        <p>
          <strong>{event.actor.name}</strong> {headline}
        </p>
        {details.length > 0 ? (
          <ul>
            {details.map((line) => (
              <li key={line}>{line.charAt(0).toUpperCase() + line.slice(1)}</li>
            ))}
          </ul>
        ) : null}
        <time className="timeline-time" dateTime={event.occurredAt} title={formatDateTime(event.occurredAt, timeZone)}>
          {relativeTime(event.occurredAt, timeZone)}
        </time>
      </div>
    </li>
  );
}
