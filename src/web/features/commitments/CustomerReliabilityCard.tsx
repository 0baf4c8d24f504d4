import { Card } from '../../ui/Card';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { useAccountReliability } from './reliabilityApi';
import { ReliabilityPeople } from './ReliabilityPeople';
import { RELIABILITY_NOTE } from './reliabilityWords';
import { SideReliability } from './SideReliability';

const plans = (n: number) => (n === 1 ? '1 plan' : `${n} plans`);

/** A customer company's word across all its deals' plans: a buying signal, shown without judgement. */
export function CustomerReliabilityCard({ accountId, accountName }: { accountId: string; accountName: string }) {
  const query = useAccountReliability(accountId);
  const data = query.data;
  return (
    <Card title="Keeping their word" flush>
      {query.isPending ? (
        <SkeletonLines lines={4} padded />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !data || data.customer.total === 0 ? (
        <p className="card-pad muted">
          {data && data.planIds.length > 0 ? `No customer commitments on their ${plans(data.planIds.length)} yet.` : `No plans with ${accountName} yet — how they keep their word shows here once there is one.`}
        </p>
      ) : (
        <>
          <SideReliability title={`Across ${plans(data.planIds.length)}`} label={`${accountName} reliability`} r={data.customer} />
          {data.people.length > 0 ? <ReliabilityPeople people={data.people} showSide={false} linkContacts /> : null}
          <p className="reliability-note small muted">{RELIABILITY_NOTE}</p>
        </>
      )}
    </Card>
  );
}
