import type { FormState } from '../../lib/forms';
import { SelectField, TextField } from '../../ui/Field';
import { BUYING_ROLE_OPTIONS, type ContactValues } from './contactForm';

export function ContactFields({ form }: { form: FormState<ContactValues> }) {
  return (
    <div className="form-grid">
      <TextField className="span-2" label="Name" required autoComplete="off" {...form.field('name')} />
      <TextField label="Title" placeholder="Head of Operations" autoComplete="off" {...form.field('title')} />
      <SelectField
        label="Role in the decision"
        options={BUYING_ROLE_OPTIONS}
        placeholder="Not known yet"
        hint="Who they are in this buying decision."
        {...form.field('buyingRole')}
      />
      <TextField label="Email" type="email" autoComplete="off" {...form.field('email')} />
      <TextField label="Phone" type="tel" autoComplete="off" {...form.field('phone')} />
    </div>
  );
}
