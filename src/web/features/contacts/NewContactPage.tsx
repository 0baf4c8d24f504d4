import { useNavigate } from 'react-router';
import { NewRecordPage } from '../records/NewRecordPage';
import { useAccountFromAddress } from '../records/useAccountFromAddress';
import { ContactFields } from './ContactFields';
import { contactSpec, emptyContact } from './contactForm';

export function NewContactPage() {
  const navigate = useNavigate();
  const from = useAccountFromAddress({ to: '/accounts', label: 'Accounts' }, 'At');
  return (
    <NewRecordPage
      spec={contactSpec}
      initial={emptyContact(from.accountId)}
      onCreated={(c) => navigate(from.accountId ? from.back.to : `/contacts/${c.id}`, { replace: true })}
      title="New contact"
      account={from}
      editableAccountsOnly
      submitLabel="Add contact"
    >
      {(form) => <ContactFields form={form} />}
    </NewRecordPage>
  );
}
