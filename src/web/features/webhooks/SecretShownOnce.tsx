import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

/** A new signing secret, shown this once: copy it now, it cannot be read again. */
export function SecretShownOnce({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Dialog
      open={secret !== null}
      onClose={onClose}
      title="Signing secret"
      footer={
        <Button variant="primary" onClick={onClose}>
          I have stored it
        </Button>
      }
    >
      <p>
        Store this secret where your receiver can read it. Advance shows it <strong>only now</strong>; afterwards you can only rotate it.
      </p>
      <div className="field">
        <div className="field-label">
          <label htmlFor="webhook-secret">Secret</label>
        </div>
        <input id="webhook-secret" className="webhook-secret" readOnly value={secret ?? ''} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <Button
        onClick={() => {
          void navigator.clipboard?.writeText(secret ?? '').then(() => setCopied(true));
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
      <p className="field-hint">
        Each delivery carries <code>Advance-Signature: t=…,v1=…</code>: the HMAC-SHA256 of <code>t.body</code> with this secret. The README shows how to check it.
      </p>
    </Dialog>
  );
}
