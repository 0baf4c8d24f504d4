import { Link, useNavigate, useSearchParams } from 'react-router';
import { todayIn } from '../../../domain/dates';
import type { CreateInteractionBody, Interaction } from '../../../shared/interactions';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { Button, buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { AccountPicker } from '../records/AccountPicker';
import { useAccountFromAddress } from '../records/useAccountFromAddress';
import { useCreateForm } from '../records/useVersionedForm';
import { useCreateInteraction } from './api';
import { InteractionFields } from './InteractionFields';
import { createBody, emptyInteraction, interactionSpec, type InteractionValues } from './interactionForm';
import '../../styles/plans.css';
import '../../styles/interactions.css';

/**
 * Plans an interaction with the account the address names (`?accountId=`, and `&opportunityId=` from
 * a deal's page), or one chosen here. Checked with the server's own contract: no planned outcome, no
 * interaction.
 */
export function PlanInteractionPage() {
  useTitle('Plan an interaction');
  const me = useMe();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const from = useAccountFromAddress({ to: '/today', label: 'Today' }, 'With');
  const opportunityId = search.get('opportunityId') ?? '';
  const back = opportunityId ? { to: `/opportunities/${opportunityId}`, label: 'Back to the opportunity' } : from.back;
  const create = useCreateInteraction();
  const spec = { ...interactionSpec, toBody: createBody };
  const { form, submit } = useCreateForm<Interaction, InteractionValues>({
    spec,
    initial: emptyInteraction({ accountId: from.accountId, opportunityId, timeZone: me.user.timeZone, date: todayIn(me.user.timeZone, new Date()) }),
    schema: interactionSpec.schemas.create,
    save: (body, handlers) => create.mutate(body as CreateInteractionBody, handlers),
    onCreated: (i) => void navigate(`/interactions/${i.id}`, { replace: true }),
  });
  const account = form.field('accountId');
  return (
    <div className="page page-narrow">
      <PageHeader back={back} title="Plan an interaction" meta={from.meta} />
      <Card>
        <form
          noValidate
          aria-label="Plan an interaction"
          onSubmit={(e) => {
            e.preventDefault();
            if (!create.isPending) submit();
          }}
        >
          <FormAlert message={(from.accountId ? account.error : undefined) ?? form.formError} />
          {from.accountId ? null : <AccountPicker {...account} />}
          <InteractionFields form={form} accountId={form.values.accountId} ownerId={me.user.id} creating />
          <div className="form-actions">
            <Link to={back.to} className={buttonClass('ghost')}>
              Cancel
            </Link>
            <Button type="submit" variant="primary" busy={create.isPending}>
              Plan it
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
