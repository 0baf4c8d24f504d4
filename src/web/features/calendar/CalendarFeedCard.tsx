import { useState } from 'react';
import type { CreatedCalendarFeed } from '../../../shared/calendar';
import { useMe } from '../../app/session';
import { formatDateTime, relativeTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Dialog } from '../../ui/Dialog';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { CopyOnceLink } from '../records/CopyOnceLink';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from './api';

/**
 * Your secret calendar feed: make the URL (shown once, to copy into a calendar app), make a new one
 * (the old stops), or revoke it. Only its state is shown later: Advance keeps no copy of the URL.
 */
export function CalendarFeedCard() {
  const me = useMe();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [confirming, setConfirming] = useState<'regenerate' | 'revoke' | null>(null);
  const zone = me.user.timeZone;

  const make = () =>
    create.mutate(undefined, {
      onSuccess: (made) => setCreated(made),
      onSettled: () => setConfirming(null),
    });

  return (
    <Card title="Calendar feed">
      <p className="field-hint">
        Subscribe to your open commitments (all-day, on their due dates) and your planned calls and meetings (at their time) in Google Calendar, Outlook or Apple Calendar. Calendar
        apps refresh it every few hours; things you finish or cancel disappear from it.
      </p>
      {feed.isPending ? <SkeletonLines lines={2} /> : null}
      {feed.isError ? <ErrorState error={feed.error} onRetry={() => void feed.refetch()} /> : null}
      {created ? (
        <CopyOnceLink id="calendar-feed-url" label="Your calendar feed URL" url={created.url} title="Your calendar feed URL" onDismiss={() => setCreated(null)}>
          Copy it now and add it to your calendar app as a subscription (“From URL” or “Subscribe to calendar”) — or{' '}
          <a href={created.webcalUrl}>open it in your calendar app</a>. Advance shows it only this once. Anyone with this URL can read your calendar: keep it to yourself.
        </CopyOnceLink>
      ) : null}
      {feed.data ? (
        feed.data.status === 'active' ? (
          <div>
            <p className="small">
              <strong>Your feed is on.</strong> Made {feed.data.createdAt ? formatDateTime(feed.data.createdAt, zone) : ''}
              {' · '}
              {feed.data.lastUsedAt ? (
                <time dateTime={feed.data.lastUsedAt} title={formatDateTime(feed.data.lastUsedAt, zone)}>
                  last read by a calendar app {relativeTime(feed.data.lastUsedAt, zone)}
                </time>
              ) : (
                'not read by a calendar app yet'
              )}
              .
            </p>
            <div className="form-actions">
              <Button icon="refresh" onClick={() => setConfirming('regenerate')}>
                Make a new URL
              </Button>
              <Button variant="ghost" onClick={() => setConfirming('revoke')}>
                Turn off the feed
              </Button>
            </div>
          </div>
        ) : (
          <div className="form-actions">
            <Button variant="primary" icon="calendar" busy={create.isPending} onClick={make}>
              Get my calendar URL
            </Button>
          </div>
        )
      ) : null}
      <FormAlert message={create.error ? create.error.message : revoke.error ? revoke.error.message : null} />
      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming === 'revoke' ? 'Turn off your calendar feed?' : 'Make a new calendar URL?'}
        footer={
          <>
            <Button onClick={() => setConfirming(null)}>Cancel</Button>
            {confirming === 'revoke' ? (
              <Button
                variant="danger"
                busy={revoke.isPending}
                onClick={() =>
                  revoke.mutate(undefined, {
                    onSuccess: () => setCreated(null),
                    onSettled: () => setConfirming(null),
                  })
                }
              >
                Turn off
              </Button>
            ) : (
              <Button variant="primary" busy={create.isPending} onClick={make}>
                Make a new URL
              </Button>
            )}
          </>
        }
      >
        <p>
          {confirming === 'revoke'
            ? 'The URL stops working at once, and calendars subscribed to it stop updating. You can make a new one later.'
            : 'The current URL stops working at once: calendars subscribed to it stop updating until you give them the new one. Do this if the URL may have been seen by someone else.'}
        </p>
      </Dialog>
    </Card>
  );
}
