import type { Reliability } from '../../../shared/plan-reliability';
import { Badge } from '../../ui/Badge';
import { isSmallSample } from './reliabilityWords';
import { percent } from './planWords';
import '../../styles/plans.css';

/** One group's word — a plan side, a customer company, a person: the share kept on time with every count beside it. */
export function SideReliability({ title, label = `${title} reliability`, r }: { title: string; label?: string; r: Reliability }) {
  const rows: { label: string; count: number; share: number | null }[] = [
    { label: 'Kept on time', count: r.keptOnTime, share: r.shares?.keptOnTime ?? null },
    { label: 'Kept late', count: r.keptLate, share: r.shares?.keptLate ?? null },
    { label: 'Missed', count: r.missed, share: r.shares?.missed ?? null },
    { label: 'Re-dated in advance', count: r.redatedInAdvance, share: r.shares?.redatedInAdvance ?? null },
    { label: 'Still open', count: r.open, share: null },
  ];
  return (
    <section className="reliability-side" aria-label={label}>
      <h3>
        {title} {isSmallSample(r) ? <Badge>Small sample</Badge> : null}
      </h3>
      {r.score === null ? (
        <p className="reliability-score-empty">Nothing to judge yet</p>
      ) : (
        <p className="reliability-score">
          {percent(r.score)} <span>kept on time</span>
        </p>
      )}
      {r.shares ? (
        <div className="reliability-bar" aria-hidden="true">
          <span className="bar-on-time" style={{ flexGrow: r.shares.keptOnTime }} />
          <span className="bar-late" style={{ flexGrow: r.shares.keptLate }} />
          <span className="bar-missed" style={{ flexGrow: r.shares.missed }} />
        </div>
      ) : null}
      <dl className="reliability-counts">
        {rows.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>
              {row.count}
              {row.share !== null ? <span className="muted"> · {percent(row.share)}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
