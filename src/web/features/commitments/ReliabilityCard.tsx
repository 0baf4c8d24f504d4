import { Card } from '../../ui/Card';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { usePlanReliability } from './api';
import { SIDE_TITLES } from './commitmentWords';
import { ReliabilityPeople } from './ReliabilityPeople';
import { RELIABILITY_NOTE } from './reliabilityWords';
import { SideReliability } from './SideReliability';

/** "Keep your word", measured: per side and per person, with counts beside every share. */
export function ReliabilityCard({ planId }: { planId: string }) {
  const query = usePlanReliability(planId);
  return (
    <Card title="Keeping our word" flush>
      {query.isPending ? (
        <SkeletonLines lines={5} padded />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <div className="reliability-sides">
            <SideReliability title={SIDE_TITLES.seller} r={query.data.sides.seller} />
            <SideReliability title={SIDE_TITLES.customer} r={query.data.sides.customer} />
          </div>
          {query.data.people.length > 0 ? <ReliabilityPeople people={query.data.people} /> : null}
          <p className="reliability-note small muted">{RELIABILITY_NOTE}</p>
        </>
      )}
    </Card>
  );
}
