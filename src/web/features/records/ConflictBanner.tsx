import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import type { Conflict } from './versionedForm';

/** Shown when a save lost the race: what the other person changed, and the choice of what to keep. */
export function ConflictBanner({ conflict, noun, onDiscard }: { conflict: Conflict; noun: string; onDiscard: () => void }) {
  return (
    <div className="alert alert-warning" role="alert">
      <Icon name="alert" />
      <div className="alert-body">
        <strong>Someone else changed this {noun} while you were editing — here is the latest.</strong>
        {conflict.changes.length > 0 ? (
          <ul>
            {conflict.changes.map((c) => (
              <li key={c.field}>
                {c.label}: <span className="timeline-value">{c.latest || 'cleared'}</span>
                {c.mineKept ? <span className="small"> — you changed this too; your version is in the form</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
        <p className="small">The form now shows the latest version with your edits on top. Save again to keep your edits, or discard them.</p>
        <div className="alert-actions">
          <Button size="sm" onClick={onDiscard}>
            Discard my edits
          </Button>
        </div>
      </div>
    </div>
  );
}
