import type { Reliability } from '../../../shared/plan-reliability';
import { Badge } from '../../ui/Badge';
import { isSmallSample, percents, sampleLine } from './reliabilityWords';
import '../../styles/plans.css';

const inAdvance = (n: number) => (n ? ` (${n} re-dated in advance)` : '');

/**
 * One group's word — a plan side, a customer company, a person: the share kept on time, the three
 * judged buckets that add up to 100 %, re-dates as counts inside them, open and dropped apart, and n.
 */
export function SideReliability({ title, label = `${title} reliability`, r }: { title: string; label?: string; r: Reliability }) {
  const pct = percents(r);
  const judged: { label: string; count: number; share: number | null; note: string }[] = [
    { label: 'Kept on time', count: r.keptOnTime, share: pct?.keptOnTime ?? null, note: inAdvance(r.redatedInAdvanceIn.keptOnTime) },
    { label: 'Kept late', count: r.keptLate, share: pct?.keptLate ?? null, note: inAdvance(r.redatedInAdvanceIn.keptLate) },
    { label: 'Missed', count: r.missed, share: pct?.missed ?? null, note: inAdvance(r.redatedInAdvanceIn.missed) },
  ];
  return (
    <section className="reliability-side" aria-label={label}>
      <h3>
        {`${title} `}
        {isSmallSample(r) ? <Badge>Small sample</Badge> : null}
      </h3>
      {pct === null ? (
        <p className="reliability-score-empty">Nothing to judge yet</p>
      ) : (
        <p className="reliability-score">
          {pct.keptOnTime}% <span>kept on time</span>
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
        {judged.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>
              {row.count}
              {row.share !== null ? <span className="muted"> · {row.share}%</span> : null}
              {row.note ? <span className="muted">{row.note}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="reliability-n small muted">
        {sampleLine(r)} · {r.open} open and {r.dropped} dropped, not judged
      </p>
    </section>
  );
}
