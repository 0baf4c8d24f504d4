import { useParams } from 'react-router';
import type { CheckIn } from '../../../shared/check-ins';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, PageLoading } from '../../ui/States';
import { useCheckIn, useUpdateCheckIn } from './api';
import { ActionsCard } from './ActionsCard';
import { AnswersCard } from './AnswersCard';
import { STATUS_WORDS } from './CheckInHistory';
import { whenWords } from './checkInWords';
import { CoachingCard } from './CoachingCard';
import { DataPanel } from './DataPanel';
import { LastTimeCard } from './LastTimeCard';
import { NotesCard } from './NotesCard';
import '../../styles/plans.css';
import './check-ins.css';

/** Whom the reader meets: the other person, or both for an admin reading someone else's. */
export function withWhom(c: Pick<CheckIn, 'rep' | 'manager'>, meId: string): string {
  if (c.rep.id === meId) return c.manager.name;
  if (c.manager.id === meId) return c.rep.name;
  return `${c.rep.name} and ${c.manager.name}`;
}

/**
 * One check-in: the questions with the rep's answers, the rep's data beside them, notes (each private
 * or shared), the actions agreed now and what became of last time's.
 */
export function CheckInPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useCheckIn(id);
  useTitle(query.data ? `Check-in with ${withWhom(query.data, me.user.id)}` : 'Check-in');
  if (query.isPending) return <PageLoading />;
  if (query.isError) {
    return (
      <div className="page">
        <PageHeader title="Check-in" back={{ to: '/check-ins', label: 'Check-ins' }} />
        {isApiError(query.error, 'not_found') ? (
          <EmptyState icon="talk" title="This check-in is not there">
            It may be between two other people: a check-in is its manager’s and its rep’s.
          </EmptyState>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )}
      </div>
    );
  }
  return <CheckInView checkIn={query.data} />;
}

function CheckInView({ checkIn: c }: { checkIn: CheckIn }) {
  const me = useMe();
  const update = useUpdateCheckIn(c.id);
  const status = STATUS_WORDS[c.status];
  const mark = (next: CheckIn['status']) => update.mutate({ status: next, version: c.version });
  return (
    <div className="page">
      <PageHeader
        back={{ to: '/check-ins', label: 'Check-ins' }}
        title={`Check-in with ${withWhom(c, me.user.id)}`}
        badge={<Badge tone={status.tone}>{status.label}</Badge>}
        meta={
          <>
            <span>{whenWords(c, me.user.timeZone)}</span>
            <span>{c.durationMinutes} minutes</span>
          </>
        }
        actions={
          c.permissions.canManage ? (
            c.status === 'upcoming' ? (
              <>
                <Button icon="check" busy={update.isPending} onClick={() => mark('held')}>
                  Mark held
                </Button>
                <Button variant="ghost" busy={update.isPending} onClick={() => mark('skipped')}>
                  Skipped
                </Button>
              </>
            ) : (
              <Button variant="ghost" busy={update.isPending} onClick={() => mark('upcoming')}>
                Not {status.label.toLowerCase()} after all
              </Button>
            )
          ) : null
        }
      />
      <FormAlert message={update.error ? (isApiError(update.error, 'version_conflict') ? 'Someone changed this check-in a moment ago — here it is now.' : update.error.message) : null} />
      <div className="record-layout">
        <div>
          <AnswersCard checkIn={c} />
          <ActionsCard checkIn={c} />
          <LastTimeCard checkIn={c} />
          <NotesCard checkIn={c} />
          <CoachingCard checkIn={c} />
        </div>
        <div>
          <DataPanel checkIn={c} />
        </div>
      </div>
    </div>
  );
}
