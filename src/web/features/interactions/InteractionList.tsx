import { Link } from 'react-router';
import { ADVANCE_KIND_LABELS, INTERACTION_KIND_LABELS, INTERACTION_RESULT_LABELS, type InteractionSummary } from '../../../shared/interactions';
import { useMe } from '../../app/session';
import { Badge, type Tone } from '../../ui/Badge';
import { whenInWords } from './interactionForm';

const RESULT_TONES: Record<string, Tone> = { advanced: 'success', continuation: 'neutral', no_advance: 'warning' };

/** A few interactions: what each aims for (or got), when, with whom; each opens its page. */
export function InteractionList({ items, showAccount = false, recordLink = false }: { items: InteractionSummary[]; showAccount?: boolean; recordLink?: boolean }) {
  const me = useMe();
  return (
    <ul className="interaction-list">
      {items.map((i) => (
        <li key={i.id} className="interaction-row">
          <p className="interaction-row-title">
            <Link to={`/interactions/${i.id}`}>
              {INTERACTION_KIND_LABELS[i.kind]}: {i.plannedOutcome.statement}
            </Link>{' '}
            {i.result ? <Badge tone={RESULT_TONES[i.result.result]}>{INTERACTION_RESULT_LABELS[i.result.result]}</Badge> : null}
            {i.state === 'cancelled' ? <Badge>Cancelled</Badge> : null}
          </p>
          <p className="small muted">
            {whenInWords(i, me.user.timeZone)} · {ADVANCE_KIND_LABELS[i.plannedOutcome.kind]}
            {showAccount ? ` · ${i.account.name}` : ''}
            {i.opportunity ? ` · ${i.opportunity.name}` : ''}
            {i.owner.id !== me.user.id ? ` · ${i.owner.name}` : ''}
          </p>
          {recordLink && i.permissions.canEdit ? (
            <p className="small">
              <Link to={`/interactions/${i.id}#result`} aria-label={`Record the outcome: ${INTERACTION_KIND_LABELS[i.kind]} with ${i.account.name}`}>
                Record the outcome
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
