import { Link, useNavigate } from 'react-router';
import { CreateAccountBody, type Account } from '../../../shared/accounts';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { Button, buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { useRecordCreator } from '../records/useRecordEditor';
import { AccountFields } from './AccountFields';
import { accountSpec, emptyAccount } from './accountForm';

export function NewAccountPage() {
  useTitle('New account');
  const me = useMe();
  const navigate = useNavigate();
  const { form, submit, saving } = useRecordCreator<Account, ReturnType<typeof emptyAccount>>(accountSpec, emptyAccount(me.user.id), CreateAccountBody, (a) =>
    navigate(`/accounts/${a.id}`, { replace: true }),
  );
  return (
    <div className="page page-narrow">
      <PageHeader back={{ to: '/accounts', label: 'Accounts' }} title="New account" />
      <Card>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <FormAlert message={form.formError} />
          <AccountFields form={form} />
          <div className="form-actions">
            <Link to="/accounts" className={buttonClass('ghost')}>
              Cancel
            </Link>
            <Button type="submit" variant="primary" busy={saving}>
              Create account
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
