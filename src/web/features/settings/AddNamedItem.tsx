import { useState } from 'react';
import { useUnsavedChanges } from '../../lib/unsaved';
import type { z } from 'zod';
import { isApiError } from '../../app/api';
import { check } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';

/**
 * A one-field form that adds an item to an ordered list of settings (a stage, a sweet-spot
 * criterion): checked against the operation's own schema before it is sent, the server's error on
 * that field shown beside it, anything else handed to the page's alert.
 */
export function AddNamedItem<F extends string>({
  field,
  schema,
  label,
  placeholder,
  button,
  busy,
  onError,
  submit,
}: {
  field: F;
  schema: z.ZodType;
  label: string;
  placeholder: string;
  button: string;
  busy: boolean;
  onError: (message: string | null) => void;
  /** Sends the checked body; `added` empties the field, `failed` shows why it was refused. */
  submit: (body: Record<F, string>, outcome: { added: () => void; failed: (err: unknown) => void }) => void;
}) {
  const [value, setValue] = useState('');
  useUnsavedChanges(value.trim() !== '', value);
  const [error, setError] = useState<string | undefined>();
  const failed = (err: unknown) => {
    const detail = isApiError(err) ? err.details.find((d) => d.path === field) : undefined;
    if (detail) setError(detail.message);
    else onError(isApiError(err) ? (err.details[0]?.message ?? err.message) : 'That did not work. Try again.');
  };
  return (
    <form
      className="add-stage"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onError(null);
        const result = check(schema, { [field]: value.trim() }, [field] as const);
        if (!result.ok) return setError(result.fieldErrors[field] ?? result.other[0]);
        submit(result.data as Record<F, string>, { added: () => setValue(''), failed });
      }}
    >
      <div className="inline-form">
        <TextField
          label={label}
          required
          autoComplete="off"
          placeholder={placeholder}
          name={field}
          value={value}
          error={error}
          onChange={(v) => {
            setValue(v);
            setError(undefined);
          }}
        />
        <Button type="submit" icon="plus" busy={busy}>
          {button}
        </Button>
      </div>
    </form>
  );
}
