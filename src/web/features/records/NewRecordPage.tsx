import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCreateRecord, type CreateBodyOf, type ListedResource, type RecordOf } from '../../app/records';
import type { FormState } from '../../lib/forms';
import { useTitle } from '../../lib/hooks';
import { Button, buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { AccountPicker } from './AccountPicker';
import type { AccountFromAddress } from './useAccountFromAddress';
import { useCreateForm } from './useVersionedForm';
import type { FormValues, RecordFormSpec } from './versionedForm';

/** Where the page sits: after a list (Back and Cancel lead there), or under an account (its form then has an `accountId`). */
type Where<V extends FormValues> =
  | { back: { to: string; label: string } }
  | ({ account: AccountFromAddress; editableAccountsOnly?: boolean } & ('accountId' extends keyof V ? unknown : never));

/**
 * The page that creates a record: a narrow card with the fields, Cancel (back where the person came
 * from) and the create button. A record that belongs to an account starts with the account picker,
 * or none when the address fixed the account (`?accountId=`).
 */

export function NewRecordPage<R extends ListedResource, V extends FormValues>({
  spec,
  initial,
  onCreated,
  title,
  submitLabel,
  children,
  ...where
}: {
  spec: RecordFormSpec<R, V>;
  initial: V;
  onCreated: (created: RecordOf<R>) => void;
  title: string;
  submitLabel: string;
  /** The fields, drawn from the form state. */
  children: (form: FormState<V>) => ReactNode;
} & Where<V>) {
  useTitle(title);
  const create = useCreateRecord(spec.resource);
  // The form sends a body that passed spec.schemas.create, the contract's own schema.
  const { form, submit } = useCreateForm<RecordOf<R>, V>({ spec, initial, schema: spec.schemas.create, save: (body, handlers) => create.mutate(body as CreateBodyOf<R>, handlers), onCreated });
  const account = 'account' in where ? { ...where.account, field: form.field('accountId' as Extract<keyof V, string>), editableOnly: where.editableAccountsOnly } : null;
  const back = 'account' in where ? where.account.back : where.back;
  // With the account fixed by the address, its field is not on the form: its error goes on top.
  const fixedAccountError = account?.accountId ? account.field.error : undefined;

  return (
    <div className="page page-narrow">
      <PageHeader back={back} title={title} meta={account?.meta} />
      <Card>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!create.isPending) submit();
          }}
        >
          <FormAlert message={fixedAccountError ?? form.formError} />
          {account && !account.accountId ? <AccountPicker {...account.field} editableOnly={account.editableOnly} /> : null}
          {children(form)}
          <div className="form-actions">
            <Link to={back.to} className={buttonClass('ghost')}>
              Cancel
            </Link>
            <Button type="submit" variant="primary" busy={create.isPending}>
              {submitLabel}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
