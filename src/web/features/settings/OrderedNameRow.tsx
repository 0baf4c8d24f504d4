import { useId, useState } from 'react';
import { useUnsavedChanges } from '../../lib/unsaved';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';

/**
 * One item of an ordered list an admin keeps (the pipeline's stages, the sweet-spot criteria):
 * rename in place, move up or down, archive. Read-only for everyone else.
 */
export function OrderedNameRow({
  item,
  noun,
  maxLength,
  index,
  editable,
  first,
  last,
  busy,
  onMove,
  onRename,
  onArchive,
}: {
  item: { name: string };
  /** What the item is, in its buttons' names: "stage" → "Archive stage Proposal". */
  noun: string;
  maxLength: number;
  index: number;
  editable: boolean;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (direction: -1 | 1) => void;
  onRename: (name: string) => void;
  onArchive: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(item.name);
  const changed = name.trim() !== item.name && name.trim() !== '';
  useUnsavedChanges(changed, name);

  if (!editable) {
    return (
      <li className="stage-row">
        <span className="stage-index">{index + 1}</span>
        <span className="stage-name">{item.name}</span>
      </li>
    );
  }

  return (
    <li className="stage-row">
      <span className="stage-index" aria-hidden="true">
        {index + 1}
      </span>
      <form
        className="stage-rename"
        onSubmit={(e) => {
          e.preventDefault();
          if (changed) onRename(name.trim());
        }}
      >
        <label htmlFor={id} className="sr-only">
          Name of {noun} {index + 1}
        </label>
        <input id={id} className="input" value={name} maxLength={maxLength} onChange={(e) => setName(e.target.value)} />
        {changed ? (
          <Button size="sm" type="submit" variant="primary" busy={busy}>
            Save
          </Button>
        ) : null}
      </form>
      <div className="stage-actions">
        <button type="button" className="icon-btn" disabled={first || busy} onClick={() => onMove(-1)} aria-label={`Move ${item.name} up`} title="Move up">
          <Icon name="chevronUp" />
        </button>
        <button type="button" className="icon-btn" disabled={last || busy} onClick={() => onMove(1)} aria-label={`Move ${item.name} down`} title="Move down">
          <Icon name="chevronDown" />
        </button>
        <Button size="sm" variant="ghost" icon="archive" disabled={busy} onClick={onArchive} aria-label={`Archive ${noun} ${item.name}`}>
          Archive
        </Button>
      </div>
    </li>
  );
}
