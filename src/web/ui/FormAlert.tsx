import { Icon } from './Icon';

/**
 * The form's live region: always in the DOM so screen readers announce a message when it appears.
 * Field errors sit beside their fields; this says what went wrong overall.
 */
export function FormAlert({ message, tone = 'danger' }: { message: string | null | undefined; tone?: 'danger' | 'warning' | 'success' }) {
  return (
    <div className="form-alert-region" role="alert" aria-live="assertive">
      {message ? (
        <div className={`alert alert-${tone}`}>
          <Icon name={tone === 'success' ? 'check' : 'alert'} />
          <span>{message}</span>
        </div>
      ) : null}
    </div>
  );
}
