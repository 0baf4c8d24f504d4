import { useNavigate } from 'react-router';
import { addDays, todayIn } from '../../../domain/dates';
import { activeStages, useStages } from '../../app/directory';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { PageLoading } from '../../ui/States';
import { NewRecordPage } from '../records/NewRecordPage';
import { useAccountFromAddress } from '../records/useAccountFromAddress';
import { OpportunityFields } from './OpportunityFields';
import { defaultCurrency, rememberCurrency } from './currencies';
import { emptyOpportunity, opportunitySpec } from './opportunityForm';

export function NewOpportunityPage() {
  useTitle('New opportunity');
  const stages = useStages();
  // The first stage is the natural default; wait for it so the form starts complete.
  if (stages.isPending) return <PageLoading />;
  return <NewOpportunityForm firstStageId={activeStages(stages.data)[0]?.id ?? ''} />;
}

function NewOpportunityForm({ firstStageId }: { firstStageId: string }) {
  const me = useMe();
  const navigate = useNavigate();
  const from = useAccountFromAddress({ to: '/opportunities', label: 'Opportunities' }, 'With');
  const initial = emptyOpportunity({
    accountId: from.accountId,
    ownerId: me.user.id,
    currency: defaultCurrency(),
    stageId: firstStageId,
    closeDate: addDays(todayIn(me.user.timeZone, new Date()), 90),
  });
  return (
    <NewRecordPage
      spec={opportunitySpec}
      initial={initial}
      onCreated={(o) => {
        rememberCurrency(o.amount.currency);
        navigate(`/opportunities/${o.id}`, { replace: true });
      }}
      title="New opportunity"
      account={from}
      submitLabel="Create opportunity"
    >
      {(form) => <OpportunityFields form={form} />}
    </NewRecordPage>
  );
}
