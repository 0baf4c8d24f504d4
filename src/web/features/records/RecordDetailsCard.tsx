import type { ReactNode } from 'react';
import { useAcceptCurrent, useUpdateRecord } from '../../app/records';
import type { FormState } from '../../lib/forms';
import { Card } from '../../ui/Card';
import type { RecordPageContext } from './RecordPage';
import { VersionedEditForm } from './VersionedEditForm';
import type { FormValues, RecordFormSpec } from './versionedForm';

/**
 * A record's details, or while editing, the versioned edit form in their place (bound to the record
 * kind's PATCH and cache).
 */
export function RecordDetailsCard<T extends { id: string; version: number }, V extends FormValues>({
  page,
  spec,
  fields,
  children,
}: {
  page: RecordPageContext<T>;
  spec: RecordFormSpec<T, V>;
  /** The form's fields, drawn from its state. */
  fields: (form: FormState<V>) => ReactNode;
  /** The details, as `Detail` rows. */
  children: ReactNode;
}) {
  const { record, noun, edit } = page;
  const update = useUpdateRecord<T, Record<string, unknown>>(spec.resource, record.id);
  const acceptCurrent = useAcceptCurrent<T>(spec.resource, record.id);
  if (!edit.editing) {
    return (
      <Card title="Details">
        <dl className="details">{children}</dl>
      </Card>
    );
  }
  return (
    <Card title={`Edit ${noun}`}>
      <VersionedEditForm spec={spec} record={record} schema={spec.schemas.update} noun={noun} save={(body, handlers) => update.mutate(body, handlers)} saving={update.isPending} acceptCurrent={acceptCurrent} onDone={edit.stop}>
        {fields}
      </VersionedEditForm>
    </Card>
  );
}
