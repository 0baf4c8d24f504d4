import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { FormState } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { ConflictBanner } from './ConflictBanner';
import { useVersionedForm, type Save } from './useVersionedForm';
import type { FormSpec, FormValues } from './versionedForm';

type VersionedEditFormProps<T extends { id: string; version: number }, V extends FormValues> = {
  spec: FormSpec<T, V>;
  record: T;
  schema: z.ZodType;
  /** The record's noun in the conflict notice: "this account". */
  noun: string;
  save: Save<T>;
  saving: boolean;
  acceptCurrent: (latest: T) => void;
  onDone: () => void;
  /** The fields, drawn from the form state. */
  children: (form: FormState<V>) => ReactNode;
};

/** The edit form of any versioned record: its fields, the conflict notice, Cancel and Save changes. */
export function VersionedEditForm<T extends { id: string; version: number }, V extends FormValues>({ spec, record, schema, noun, save, saving, acceptCurrent, onDone, children }: VersionedEditFormProps<T, V>) {
  const { form, submit, conflict, discard } = useVersionedForm({ spec, record, schema, save, acceptCurrent, onSaved: onDone });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!saving) submit();
      }}
    >
      {conflict ? <ConflictBanner conflict={conflict} noun={noun} onDiscard={discard} /> : null}
      <FormAlert message={form.formError} />
      {children(form)}
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
