import type { ReactNode } from 'react';
import { useAcceptCurrent, useUpdateRecord, type RecordOf, type RecordResource, type UpdateBodyOf } from '../../app/records';
import type { FormState } from '../../lib/forms';
import { Card } from '../../ui/Card';
import type { RecordPageContext } from './RecordPage';
import type { Save } from './useVersionedForm';
import { VersionedEditForm } from './VersionedEditForm';
import type { FormValues, RecordFormSpec } from './versionedForm';

/**
 * A record's details, or while editing, the versioned edit form in their place (bound to the record
 * kind's PATCH and cache).
 */
export function RecordDetailsCard<R extends RecordResource, V extends FormValues>({
  page,
  spec,
  fields,
  children,
}: {
  page: RecordPageContext<RecordOf<R>>;
  spec: RecordFormSpec<R, V>;
  /** The form's fields, drawn from its state. */
  fields: (form: FormState<V>) => ReactNode;
  /** The details, as `Detail` rows. */
  children: ReactNode;
}) {
  const { record, noun, edit } = page;
  const update = useUpdateRecord(spec.resource, record.id);
  const acceptCurrent = useAcceptCurrent(spec.resource, record.id);
  // The form sends a body that passed spec.schemas.update, the contract's own schema.
  const save: Save<RecordOf<R>> = (body, handlers) => update.mutate(body as UpdateBodyOf<R>, handlers);
  if (!edit.editing) {
    return (
      <Card title="Details">
        <dl className="details">{children}</dl>
      </Card>
    );
  }
  return (
    <Card title={`Edit ${noun}`}>
      <VersionedEditForm spec={spec} record={record} schema={spec.schemas.update} noun={noun} save={save} saving={update.isPending} acceptCurrent={acceptCurrent} onDone={edit.stop}>
        {fields}
      </VersionedEditForm>
    </Card>
  );
}
