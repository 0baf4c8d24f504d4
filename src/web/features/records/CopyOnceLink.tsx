import { useState, type ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';

/**
 * A secret link the server gives in clear only once (an invite, a customer's share link, an API
 * token): shown now with Copy, then hidden for good. Where the clipboard is refused, the link is selected instead
 * so the person can copy it by hand.
 */
export function CopyOnceLink({
  id,
  label,
  url,
  title,
  onDismiss,
  dismissLabel = 'Done — hide the link',
  children,
}: {
  id: string;
  label: string;
  url: string;
  title: string;
  onDismiss: () => void;
  dismissLabel?: string;
  children: ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      document.querySelector<HTMLInputElement>(`#${id}`)?.select();
    }
  };
  return (
    <div className="alert alert-success" role="status">
      <Icon name="check" />
      <div className="alert-body">
        <strong>{title}</strong>
        <p className="small">{children}</p>
        <div className="copy-row">
          <label htmlFor={id} className="sr-only">
            {label}
          </label>
          <input id={id} className="input" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <Button icon={copied ? 'check' : 'copy'} onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        </div>
        <div className="alert-actions">
          <button type="button" className="link-button small" onClick={onDismiss}>
            {dismissLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
