import type { Reliability } from '../../../shared/plan-reliability';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { usePlanReliability } from './api';
import { SIDE_LABELS, SIDE_TITLES, percent } from './planWords';

/** "Keep your word", measured: per side and per person, with counts beside every share. */
export function ReliabilityCard({ planId }: { planId: string }) {
  const query = usePlanReliability(planId);
  return (
    <Card title="Keeping our word" flush>
      {query.isPending ? (
        <SkeletonLines lines={5} padded />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <div className="reliability-sides">
            <SideReliability title={SIDE_TITLES.seller} r={query.data.sides.seller} />
            <SideReliability title={SIDE_TITLES.customer} r={query.data.sides.customer} />
          </div>
          {query.data.people.length > 0 ? (
            <div className="reliability-people">
              <h3>By person</h3>
              <ul>
                {query.data.people.map((p) => (
                  <li key={`${p.side}:${p.owner.kind}:${p.owner.id ?? p.owner.name}`}>
                    <div className="row-main">
                      <strong>{p.owner.name}</strong> <span className={`side-pill side-pill-${p.side}`}>{SIDE_LABELS[p.side]}</span>
                      <div className="row-sub">{personLine(p.reliability)}</div>
                    </div>
                    <div className="row-side">
                      <div className="reliability-person-score">{p.reliability.score === null ? '—' : percent(p.reliability.score)}</div>
                      {p.reliability.smallSample && p.reliability.counted > 0 ? <span className="small muted">small sample</span> : null}
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="reliability-note small muted">
            Judged once a commitment is done or its date has passed: kept on time, kept late or missed. Must-do commitments count double. A new date agreed before the old one ended counts as re-dated in advance — that is keeping your word.
          </p>
        </>
      )}
    </Card>
  );
}

function personLine(r: Reliability): string {
  const parts = [`${r.keptOnTime} on time`];
  if (r.keptLate) parts.push(`${r.keptLate} late`);
  if (r.missed) parts.push(`${r.missed} missed`);
  if (r.redatedInAdvance) parts.push(`${r.redatedInAdvance} re-dated in advance`);
  if (r.open) parts.push(`${r.open} open`);
  return parts.join(' · ');
}

function SideReliability({ title, r }: { title: string; r: Reliability }) {
  const rows: { label: string; count: number; share: number | null }[] = [
    { label: 'Kept on time', count: r.keptOnTime, share: r.shares?.keptOnTime ?? null },
    { label: 'Kept late', count: r.keptLate, share: r.shares?.keptLate ?? null },
    { label: 'Missed', count: r.missed, share: r.shares?.missed ?? null },
    { label: 'Re-dated in advance', count: r.redatedInAdvance, share: r.shares?.redatedInAdvance ?? null },
    { label: 'Still open', count: r.open, share: null },
  ];
  return (
    <section className="reliability-side" aria-label={`${title} reliability`}>
      <h3>
        {title} {r.smallSample && r.counted > 0 ? <Badge>Small sample</Badge> : null}
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
