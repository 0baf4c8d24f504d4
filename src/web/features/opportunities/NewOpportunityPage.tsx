import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Account } from '../../../shared/accounts';
import { addDays, todayIn } from '../../../domain/dates';
import { CreateOpportunityBody, type Opportunity } from '../../../shared/opportunities';
import { activeStages, useStages } from '../../app/directory';
import { useRecord } from '../../app/records';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { Button, buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoading } from '../../ui/States';
import { AccountPicker } from '../records/AccountPicker';
import { useRecordCreator } from '../records/useRecordEditor';
import { OpportunityFields } from './OpportunityFields';
import { defaultCurrency, rememberCurrency } from './currencies';
import { emptyOpportunity, opportunitySpec, type OpportunityValues } from './opportunityForm';

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
  const [search] = useSearchParams();
  const fixedAccountId = search.get('accountId') ?? '';
  const account = useRecord<Account>('accounts', fixedAccountId, { enabled: fixedAccountId !== '' });
  const initial = emptyOpportunity({
    accountId: fixedAccountId,
    ownerId: me.user.id,
    currency: defaultCurrency(),
    stageId: firstStageId,
    closeDate: addDays(todayIn(me.user.timeZone, new Date()), 90),
  });
  const { form, submit, saving } = useRecordCreator<Opportunity, OpportunityValues>(opportunitySpec, initial, CreateOpportunityBody, (o) => {
    rememberCurrency(o.amount.currency);
    navigate(`/opportunities/${o.id}`, { replace: true });
  });
  const back = fixedAccountId ? { to: `/accounts/${fixedAccountId}`, label: account.data?.name ?? 'Account' } : { to: '/opportunities', label: 'Opportunities' };
  const accountField = form.field('accountId');

  return (
    <div className="page page-narrow">
      <PageHeader back={back} title="New opportunity" meta={account.data ? <span>With {account.data.name}</span> : null} />
      <Card>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <FormAlert message={fixedAccountId && accountField.error ? accountField.error : form.formError} />
          {fixedAccountId ? null : (
            <div className="form-grid">
              <AccountPicker value={accountField.value} onChange={accountField.onChange} error={accountField.error} />
            </div>
          )}
          <OpportunityFields form={form} />
          <div className="form-actions">
            <Link to={back.to} className={buttonClass('ghost')}>
              Cancel
            </Link>
            <Button type="submit" variant="primary" busy={saving}>
              Create opportunity
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
