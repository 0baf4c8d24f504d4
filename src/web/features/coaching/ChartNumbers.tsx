import type { CoachingMeasure, CoachingMeasureKey } from '../../../shared/coaching';
import { Button } from '../../ui/Button';
import { chartCsv, chartRows, MEASURE_WORDS, shortDate } from './words';

/** Saves text as a file the browser downloads (no server round trip: the numbers are on the page). */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The numbers behind a chart: a table, week by week, and the same as a CSV file. */
export function ChartNumbers({ measureKey, measure, currentWeekStart, fileName }: { measureKey: CoachingMeasureKey; measure: CoachingMeasure; currentWeekStart: string | null; fileName: string }) {
  const words = MEASURE_WORDS[measureKey];
  const rows = chartRows(measure, currentWeekStart);
  const rate = measure.chart.measure === 'rate';
  return (
    <details className="chart-numbers">
      <summary>Numbers behind the chart</summary>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${words.title}: week by week`}>
        <table className="table table-compact">
          <caption className="sr-only">{`${words.title}, week by week`}</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col" className="num">
                {words.success[0].toUpperCase() + words.success.slice(1)}
              </th>
              <th scope="col" className="num">
                n ({words.of})
              </th>
              <th scope="col" className="num">
                {rate ? 'Rate' : 'Count'}
              </th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.weekStart}>
                <th scope="row">{shortDate(r.weekStart)}</th>
                <td className="num">{r.successes}</td>
                <td className="num">{r.n}</td>
                <td className="num">{r.value}</td>
                <td>{r.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button size="sm" variant="ghost" onClick={() => download(fileName, chartCsv(measureKey, measure, currentWeekStart))}>
        Download CSV
      </Button>
    </details>
  );
}
