import { useParams } from 'react-router';
import { useTitle } from '../../lib/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, PageLoading } from '../../ui/States';
import { useWhy } from './api';
import { LadderClimb } from './LadderClimb';
import { ShareWhy } from './ShareWhy';
import { WhyProposal } from './WhyProposal';
import './goals.css';

/**
 * The why ladder: each answer to "What will that get you?" becomes the next rung. It ends when the
 * rep says the answer stopped changing, or by itself when an answer repeats an earlier one; then it
 * proposes the last distinct answer as the why, which the rep can edit and save. Private unless shared.
 */
export function LadderPage() {
  const { id = '' } = useParams();
  const ladder = useWhy(id);
  useTitle('Your why');
  if (ladder.isPending) return <PageLoading />;
  if (ladder.isError) {
    return (
      <div className="page">
        <PageHeader title="Your why" back={{ to: '/goals', label: 'Goals' }} />
        <ErrorState error={ladder.error} onRetry={() => void ladder.refetch()} />
      </div>
    );
  }
  const l = ladder.data;
  const mine = l.permissions.canEdit;
  return (
    <div className="page">
      <PageHeader
        title={mine ? 'Your why' : `${l.owner.name}’s why`}
        back={{ to: mine ? '/goals' : `/goals?rep=${l.owner.id}`, label: 'Goals' }}
        meta={<span>{mine ? (l.sharedWithManager ? 'Shared with your manager' : 'Private: only you see this') : `Shared with you by ${l.owner.name}`}</span>}
      />
      <div className="record-layout">
        <div>
          <LadderClimb ladder={l} />
        </div>
        <div>
          <WhyProposal ladder={l} />
          {mine ? <ShareWhy ladder={l} /> : null}
        </div>
      </div>
    </div>
  );
}
