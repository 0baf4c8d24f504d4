import type { ReactNode } from 'react';
import { Icon } from '../../ui/Icon';

/** What a page says once an email is on its way: the same for every address, whether or not it has an account. */
export function CheckYourEmail({ email, children }: { email: string; children: ReactNode }) {
  return (
    <div className="check-email" role="status">
      <span className="check-email-icon" aria-hidden="true">
        <Icon name="mail" size={22} />
      </span>
      <h2>Check your email</h2>
      <p>
        We sent an email to <strong>{email}</strong>. {children}
      </p>
      <p className="muted small">Nothing there after a few minutes? Look in your spam folder, or try again.</p>
    </div>
  );
}
