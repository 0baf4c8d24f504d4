import { UpdateAccountBody, type Account } from '../../../shared/accounts';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { ConflictBanner } from '../records/ConflictBanner';
import { useRecordEditor } from '../records/useRecordEditor';
import { AccountFields } from './AccountFields';
import { accountSpec } from './accountForm';

export function AccountEditForm({ account, onDone }: { account: Account; onDone: () => void }) {
  const { form, submit, conflict, discard, saving } = useRecordEditor(accountSpec, account, UpdateAccountBody, onDone);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {conflict ? <ConflictBanner conflict={conflict} noun="account" onDiscard={discard} /> : null}
      <FormAlert message={form.formError} />
      <AccountFields form={form} currentOwner={account.owner} />
      <div className="form-actions">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={saving}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
