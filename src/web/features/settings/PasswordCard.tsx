import { useState } from 'react';
import { ChangePasswordBody } from '../../../shared/auth';
import { useMe } from '../../app/session';
import { FIX_FIELDS, check, fromServer, useForm, type FieldErrors } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { NewPasswordField } from '../auth/NewPasswordField';
import { FormAlert } from '../../ui/FormAlert';
import { useChangePassword } from './api';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Change your password: the current one, the new one twice. The rules and their words are the
 * server's (the shared contract here, common passwords there); the server's field errors show beside
 * their fields. Your other sessions end; this browser stays signed in.
 */
export function PasswordCard() {
  const me = useMe();
  const change = useChangePassword();
  const form = useForm({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [saved, setSaved] = useState(false);

  if (me.workspace.isDemo) {
    return (
      <Card title="Password">
        <p className="field-hint">Everyone exploring the demo shares its people and their published password, so it can’t be changed here.</p>
      </Card>
    );
  }

  const submit = () => {
    setSaved(false);
    const { currentPassword, newPassword, confirmPassword } = form.values;
    const own: FieldErrors<Field> = {};
    if (confirmPassword === '') own.confirmPassword = 'Type the new password again.';
    else if (confirmPassword !== newPassword) own.confirmPassword = 'The two new passwords differ. Type the same one twice.';
    const result = check(ChangePasswordBody, { currentPassword, newPassword }, FIELDS, undefined, own);
    if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
    form.clear();
    change.mutate(result.data, {
      onSuccess: () => {
        form.markSaved({ currentPassword: '', newPassword: '', confirmPassword: '' });
        setSaved(true);
      },
      onError: (err) => {
        const { fieldErrors, formError } = fromServer(err, FIELDS);
        form.fail(fieldErrors, formError);
      },
    });
  };

  return (
    <Card title="Password">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormAlert message={form.formError} />
        <FormAlert message={saved && !form.formError ? 'Your password is changed. Every other session of your account was signed out; this one stays signed in.' : null} tone="success" />
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={me.user.email} readOnly hidden />
        <TextField label="Current password" type="password" autoComplete="current-password" required {...form.field('currentPassword')} />
        <NewPasswordField label="New password" {...form.field('newPassword')} />
        <TextField label="Confirm new password" type="password" autoComplete="new-password" required {...form.field('confirmPassword')} />
        <div className="form-actions form-actions-start">
          <Button type="submit" variant="primary" busy={change.isPending}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}
