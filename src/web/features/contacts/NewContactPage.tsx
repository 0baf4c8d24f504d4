import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Account } from '../../../shared/accounts';
import { CreateContactBody, type Contact } from '../../../shared/contacts';
import { useRecord } from '../../app/records';
import { useTitle } from '../../lib/hooks';
import { Button, buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { AccountPicker } from '../records/AccountPicker';
import { useRecordCreator } from '../records/useRecordEditor';
import { ContactFields } from './ContactFields';
import { contactSpec, emptyContact, type ContactValues } from './contactForm';

export function NewContactPage() {
  useTitle('New contact');
  const [search] = useSearchParams();
  const fixedAccountId = search.get('accountId') ?? '';
  const account = useRecord<Account>('accounts', fixedAccountId, { enabled: fixedAccountId !== '' });
  const navigate = useNavigate();
  const { form, submit, saving } = useRecordCreator<Contact, ContactValues>(contactSpec, emptyContact(fixedAccountId), CreateContactBody, (c) =>
    navigate(fixedAccountId ? `/accounts/${fixedAccountId}` : `/contacts/${c.id}`, { replace: true }),
  );
  const back = fixedAccountId ? { to: `/accounts/${fixedAccountId}`, label: account.data?.name ?? 'Account' } : { to: '/accounts', label: 'Accounts' };
  const accountField = form.field('accountId');

  return (
    <div className="page page-narrow">
      <PageHeader back={back} title="New contact" meta={account.data ? <span>At {account.data.name}</span> : null} />
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
              <AccountPicker value={accountField.value} onChange={accountField.onChange} error={accountField.error} editableOnly />
            </div>
          )}
          <ContactFields form={form} />
          <div className="form-actions">
            <Link to={back.to} className={buttonClass('ghost')}>
              Cancel
            </Link>
            <Button type="submit" variant="primary" busy={saving}>
              Add contact
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
