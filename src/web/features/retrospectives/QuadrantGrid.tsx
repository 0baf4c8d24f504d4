import { QUADRANT_WORDS } from '../../../domain/retrospective';
import type { Retrospective } from '../../../shared/retrospectives';
import { QUADRANT_GRID, QUADRANT_LABELS } from './words';

/** The 2×2 of process and outcome, with the deal placed by the data and by each side's own judgement. */
export function QuadrantGrid({ placement }: { placement: NonNullable<Retrospective['placement']> }) {
  const marks = (q: string) =>
    [placement.byData === q ? 'the data' : null, placement.byRep === q ? 'the rep' : null, placement.byManager === q ? 'the manager' : null].filter((m): m is string => m !== null);
  return (
    <div>
      <table className="quadrant-grid">
        <caption className="sr-only">Process (rows) by outcome (columns)</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">Won</th>
            <th scope="col">Not won</th>
          </tr>
        </thead>
        <tbody>
          {QUADRANT_GRID.map((row, i) => (
            <tr key={i}>
              <th scope="row">{i === 0 ? 'Sound process' : 'Weak process'}</th>
              {row.map((q) => {
                const by = marks(q);
                return (
                  <td key={q} className={placement.byData === q ? 'quadrant quadrant-here' : 'quadrant'}>
                    <strong>{QUADRANT_LABELS[q]}</strong>
                    {by.length ? <span className="quadrant-by">{`placed here by ${by.join(', ')}`}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="quadrant-words">{QUADRANT_WORDS[placement.byData]}</p>
    </div>
  );
}
