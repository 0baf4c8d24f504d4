import { lazy, Suspense } from 'react';
import type { User } from '../../../shared/people';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SkeletonLines } from '../../ui/States';

// Plan code (and its styles) loads only when someone opens a person's reliability.
const UserReliabilitySummary = lazy(() => import('../commitments/UserReliabilitySummary').then((m) => ({ default: m.UserReliabilitySummary })));

/** How a colleague keeps their word on the seller side: for learning and coaching, not for ranking. */
export function ReliabilityDialog({ person, you, onClose }: { person: User; you: boolean; onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} title={you ? 'Keeping your word' : `${person.name} · keeping their word`} footer={<Button onClick={onClose}>Close</Button>}>
      {/* The summary pads itself like a flush card; cancelling the dialog's padding lets its dividers reach the edges. */}
      <div className="dialog-flush">
        <Suspense fallback={<SkeletonLines lines={5} padded />}>
          <UserReliabilitySummary userId={person.id} name={person.name} you={you} />
        </Suspense>
      </div>
    </Dialog>
  );
}
