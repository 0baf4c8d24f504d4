import { useNavigate } from 'react-router';
import { useMe } from '../../app/session';
import { NewRecordPage } from '../records/NewRecordPage';
import { AccountFields } from './AccountFields';
import { accountSpec, emptyAccount } from './accountForm';

export function NewAccountPage() {
  const me = useMe();
  const navigate = useNavigate();
  return (
    <NewRecordPage
      spec={accountSpec}
      initial={emptyAccount(me.user.id)}
      onCreated={(a) => navigate(`/accounts/${a.id}`, { replace: true })}
      title="New account"
      back={{ to: '/accounts', label: 'Accounts' }}
      submitLabel="Create account"
    >
      {(form) => <AccountFields form={form} />}
    </NewRecordPage>
  );
}
