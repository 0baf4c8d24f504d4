import { useId, useState } from 'react';
import type { Stage } from '../../../shared/stages';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';

export function StageRow({
  stage,
  index,
  editable,
  first,
  last,
  busy,
  onMove,
  onRename,
  onArchive,
}: {
  stage: Stage;
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
  const [name, setName] = useState(stage.name);
  const changed = name.trim() !== stage.name && name.trim() !== '';

  if (!editable) {
    return (
      <li className="stage-row">
        <span className="stage-index">{index + 1}</span>
        <span className="stage-name">{stage.name}</span>
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
          Name of stage {index + 1}
        </label>
        <input id={id} className="input" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        {changed ? (
          <Button size="sm" type="submit" variant="primary" busy={busy}>
            Save
          </Button>
        ) : null}
      </form>
      <div className="stage-actions">
        <button type="button" className="icon-btn" disabled={first || busy} onClick={() => onMove(-1)} aria-label={`Move ${stage.name} up`} title="Move up">
          <Icon name="chevronUp" />
        </button>
        <button type="button" className="icon-btn" disabled={last || busy} onClick={() => onMove(1)} aria-label={`Move ${stage.name} down`} title="Move down">
          <Icon name="chevronDown" />
        </button>
        <Button size="sm" variant="ghost" icon="archive" disabled={busy} onClick={onArchive} aria-label={`Archive stage ${stage.name}`}>
          Archive
        </Button>
      </div>
    </li>
  );
}
