import { Link } from 'react-router';
import type { PersonReliability } from '../../../shared/plan-reliability';
import { SIDE_LABELS } from './commitmentWords';
import { isSmallSample, percents, personLine, sampleLine } from './reliabilityWords';

/** Each person's word, in the order the server lists them; contacts link to their page when asked. */
export function ReliabilityPeople({ people, showSide = true, linkContacts = false }: { people: readonly PersonReliability[]; showSide?: boolean; linkContacts?: boolean }) {
  return (
    <div className="reliability-people">
      <h3>By person</h3>
      <ul>
        {people.map((p) => (
          <li key={`${p.side}:${p.owner.kind}:${p.owner.id ?? p.owner.name}`}>
            <div className="row-main">
              {linkContacts && p.owner.kind === 'contact' && p.owner.id ? (
                <Link to={`/contacts/${p.owner.id}`}>{p.owner.name}</Link>
              ) : (
                <strong>{p.owner.name}</strong>
              )}{' '}
              {showSide ? <span className={`side-pill side-pill-${p.side}`}>{SIDE_LABELS[p.side]}</span> : null}
              <div className="row-sub">{personLine(p.reliability)}</div>
            </div>
            <div className="row-side">
              <div className="reliability-person-score">{percents(p.reliability)?.keptOnTime ?? '—'}{p.reliability.shares ? '%' : ''}</div>
              <span className="small muted">{sampleLine(p.reliability)}</span>
              {isSmallSample(p.reliability) ? <span className="small muted">small sample</span> : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
