import type { ProcessChart as Chart } from '../../../shared/coaching';
import { plotted, shortDate } from './words';

const W = 360;
const H = 176;
const M = { left: 36, right: 10, top: 12, bottom: 26 };

/**
 * A process-behaviour (XmR) chart drawn as plain SVG — no chart library: the shapes are a line, three
 * rules and some marks, and a library would add tens of KB to this page for them. The picture is for
 * the eye; the same facts are in words beside it (the summary) and in a table (ChartNumbers), so
 * the SVG is one labelled image to assistive technology.
 *
 * Points sit at their week's place in the period (a week with nothing to measure leaves a gap).
 * A point beyond a limit is a diamond, a point in a run of eight a square, routine weeks dots: the
 * signal does not rest on colour alone.
 */
export function ProcessChart({ chart, weekStarts, title, describedBy }: { chart: Extract<Chart, { kind: 'chart' }>; weekStarts: readonly string[]; title: string; describedBy: string }) {
  const values = chart.points.map((p) => p.value);
  const top = Math.max(chart.upperLimit, ...values, chart.measure === 'rate' ? 100 : 1);
  const bottom = Math.min(0, chart.lowerLimit, ...values);
  const x = (weekStart: string) => {
    const i = weekStarts.indexOf(weekStart);
    return M.left + (weekStarts.length <= 1 ? 0 : (i / (weekStarts.length - 1)) * (W - M.left - M.right));
  };
  const y = (v: number) => M.top + (1 - (v - bottom) / (top - bottom || 1)) * (H - M.top - M.bottom);
  const line = chart.points.map((p) => `${x(p.weekStart).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const rules = [
    { key: 'upper', v: chart.upperLimit, label: `UNPL ${plotted(chart.measure, round(chart.upperLimit))}`, dashed: true },
    { key: 'centre', v: chart.centre, label: `avg ${plotted(chart.measure, round(chart.centre))}`, dashed: false },
    { key: 'lower', v: chart.lowerLimit, label: `LNPL ${plotted(chart.measure, round(chart.lowerLimit))}`, dashed: true },
  ];
  const first = weekStarts[0];
  const last = weekStarts[weekStarts.length - 1];
  return (
    <svg className="xmr-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} aria-describedby={describedBy} preserveAspectRatio="xMidYMid meet">
      <line className="xmr-axis" x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} />
      <line className="xmr-axis" x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
      <text className="xmr-tick" x={M.left - 4} y={y(top) + 4} textAnchor="end">
        {plotted(chart.measure, round(top))}
      </text>
      <text className="xmr-tick" x={M.left - 4} y={y(bottom) + 4} textAnchor="end">
        {plotted(chart.measure, round(bottom))}
      </text>
      {rules.map((r) => (
        <g key={r.key} className={`xmr-rule xmr-${r.key}`}>
          <line x1={M.left} x2={W - M.right} y1={y(r.v)} y2={y(r.v)} strokeDasharray={r.dashed ? '5 4' : undefined} />
          <text x={W - M.right} y={y(r.v) - 3} textAnchor="end">
            {r.label}
          </text>
        </g>
      ))}
      <polyline className="xmr-line" points={line} />
      {chart.points.map((p) => {
        const cx = x(p.weekStart);
        const cy = y(p.value);
        if (p.signal === 'beyond_upper' || p.signal === 'beyond_lower') {
          return <path key={p.weekStart} className="xmr-point xmr-beyond" d={`M${cx} ${cy - 6}L${cx + 6} ${cy}L${cx} ${cy + 6}L${cx - 6} ${cy}Z`} />;
        }
        if (p.signal) return <rect key={p.weekStart} className="xmr-point xmr-run" x={cx - 4} y={cy - 4} width={8} height={8} />;
        return <circle key={p.weekStart} className="xmr-point" cx={cx} cy={cy} r={3.2} />;
      })}
      <text className="xmr-tick" x={M.left} y={H - 8} textAnchor="start">
        {shortDate(first)}
      </text>
      <text className="xmr-tick" x={W - M.right} y={H - 8} textAnchor="end">
        {shortDate(last)}
      </text>
    </svg>
  );
}

const round = (v: number) => Math.round(v * 10) / 10;
