import { Link, useNavigate } from 'react-router';
import { CreateGoalBody, type CreateGoalBody as Body, type Goal } from '../../../shared/goals';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { Button, buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { defaultCurrency } from '../opportunities/currencies';
import { useCreateForm } from '../records/useVersionedForm';
import { useCreateGoal, useWhys } from './api';
import { GoalFields } from './GoalFields';
import { emptyGoal, GOAL_ALIASES, GOAL_FIELDS, goalBody, goalPrecheck, type GoalValues } from './goalForm';
import './goals.css';

/** A new what goal with its first tiny step, checked with the server's own contract. */
export function NewGoalPage() {
  useTitle('New goal');
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateGoal();
  const whys = useWhys();
  const { form, submit } = useCreateForm<Goal, GoalValues>({
    spec: { toBody: (v) => goalBody(v, me.user.id), fields: GOAL_FIELDS, aliases: GOAL_ALIASES, precheck: goalPrecheck },
    initial: emptyGoal(me.user.id, defaultCurrency()),
    schema: CreateGoalBody,
    save: (body, handlers) => create.mutate(body as Body, handlers),
    onCreated: (g) => void navigate(`/goals/${g.id}`),
  });
  const saved = (whys.data?.data ?? []).flatMap((w) => (w.why ? [{ id: w.id, why: w.why }] : []));
  return (
    <div className="page page-narrow">
      <PageHeader title="New goal" back={{ to: '/goals', label: 'Goals' }} meta={<span>A goal you care about, measured from your data, and the one step you take next.</span>} />
      <Card>
        <form
          noValidate
          aria-label="New goal"
          onSubmit={(e) => {
            e.preventDefault();
            if (!create.isPending) submit();
          }}
        >
          <GoalFields form={form} me={me.user.id} whys={saved} />
          <FormAlert message={form.formError} />
          <div className="form-actions form-actions-start">
            <Button type="submit" variant="primary" busy={create.isPending}>
              Set goal
            </Button>
            <Link to="/goals" className={buttonClass('ghost')}>
              Cancel
            </Link>
          </div>
        </form>
      </Card>
    </div>
  );
}
