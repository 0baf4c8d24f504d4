import { Card } from '../../ui/Card';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { useAccountReliability } from './reliabilityApi';
import { RELIABILITY_NOTE } from './reliabilityWords';
import { SideReliability } from './SideReliability';

/** One contact's own line from their company's reliability: the commitments they took on in plans. */
export function ContactReliabilityCard({ accountId, contactId, contactName }: { accountId: string; contactId: string; contactName: string }) {
  const query = useAccountReliability(accountId);
  const mine = query.data?.people.find((p) => p.owner.kind === 'contact' && p.owner.id === contactId);
  return (
    <Card title="Keeping their word" flush>
      {query.isPending ? (
        <SkeletonLines lines={4} padded />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !mine ? (
        <p className="card-pad muted">{contactName} has no commitments on a plan yet.</p>
      ) : (
        <>
          <SideReliability title="Their commitments" label={`${contactName} reliability`} r={mine.reliability} />
          <p className="reliability-note small muted">{RELIABILITY_NOTE}</p>
        </>
      )}
    </Card>
  );
}
