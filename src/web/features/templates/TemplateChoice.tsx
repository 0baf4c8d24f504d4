import type { PlanTemplate } from '../../../shared/plan-templates';
import { plural } from '../../lib/format';

export const BLANK = '';

/** Blank, or one of the workspace's templates: radio cards that say what each one brings. */
export function TemplateChoice({ templates, value, onChange }: { templates: PlanTemplate[]; value: string; onChange: (id: string) => void }) {
  const options = [
    { id: BLANK, name: 'Blank plan', line: 'Start empty and add milestones and commitments yourself.' },
    ...templates.map((t) => ({
      id: t.id,
      name: t.name,
      line: `${t.description ? `${t.description} ` : ''}${plural(t.milestones.length, 'milestone')}, ${plural(t.commitments.length, 'commitment')}, about ${plural(t.lengthDays, 'day')}.`,
    })),
  ];
  return (
    <fieldset className="template-choice">
      <legend>Start from</legend>
      {options.map((o) => (
        <label key={o.id || 'blank'} className={value === o.id ? 'template-option template-option-on' : 'template-option'}>
          <input type="radio" name="templateId" value={o.id} checked={value === o.id} onChange={() => onChange(o.id)} />
          <span>
            <strong>{o.name}</strong>
            <span className="template-option-line">{o.line}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
