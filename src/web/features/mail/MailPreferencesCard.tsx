import { MAIL_PREFERENCE_KINDS, MAIL_PREFERENCES } from '../../../shared/mail';
import { Card } from '../../ui/Card';
import { CheckField } from '../../ui/CheckField';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { useMailPreferences, useUpdateMailPreferences } from './api';

/** Which emails you get: each box saves at once. Invitations and password links always come. */
export function MailPreferencesCard() {
  const prefs = useMailPreferences();
  const update = useUpdateMailPreferences();
  return (
    <Card title="Email">
      {prefs.isPending ? <SkeletonLines lines={4} /> : null}
      {prefs.isError ? <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} /> : null}
      {prefs.data ? (
        <fieldset className="mail-prefs">
          <legend className="field-hint">Choose the emails you get. Every email also has a link to stop its kind with one click.</legend>
          <FormAlert message={update.error ? update.error.message : null} />
          {MAIL_PREFERENCE_KINDS.map((kind) => {
            const { field, label, hint } = MAIL_PREFERENCES[kind];
            return (
              <CheckField
                key={kind}
                name={field}
                label={label}
                hint={hint}
                checked={prefs.data[field]}
                disabled={update.isPending}
                onChange={(checked) => update.mutate({ [field]: checked })}
              />
            );
          })}
          {prefs.data.delivery === 'outbox_only' ? <p className="field-hint">This server does not send mail yet: emails wait in the outbox, where admins can read them.</p> : null}
        </fieldset>
      ) : null}
    </Card>
  );
}
