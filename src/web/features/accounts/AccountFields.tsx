import type { FormState } from '../../lib/forms';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { OwnerField } from '../records/OwnerField';
import { SIZE_OPTIONS, type AccountValues } from './accountForm';

export function AccountFields({ form, currentOwner }: { form: FormState<AccountValues>; currentOwner?: { id: string; name: string } }) {
  const owner = form.field('ownerId');
  return (
    <div className="form-grid">
      <TextField className="span-2" label="Name" required autoComplete="off" {...form.field('name')} />
      <TextField label="Domain" placeholder="example.com" inputMode="url" autoComplete="off" {...form.field('domain')} />
      <TextField label="Industry" autoComplete="off" {...form.field('industry')} />
      <SelectField label="Size" options={SIZE_OPTIONS} placeholder="Not known" {...form.field('size')} />
      <OwnerField value={owner.value} onChange={owner.onChange} error={owner.error} current={currentOwner} />
      <TextAreaField className="span-2" label="Notes" rows={5} {...form.field('notes')} />
    </div>
  );
}
