import type { DealProcess } from '../../../shared/retrospectives';
import { PART_WORDS, percent } from './words';

/** What the data shows about the deal's process, part by part: outcome-blind. */
export function ProcessFindings({ process }: { process: DealProcess }) {
  return (
    <div>
      <p className="measure-figure">
        <strong>{`${percent(process.score)} — ${process.verdict === 'sound' ? 'a sound process' : 'a weak process'}`}</strong>
      </p>
      <p className="small muted">{`The mean of the parts below that could be measured; ${percent(process.soundFrom)} or more is a sound process.`}</p>
      <ul className="process-parts">
        {process.components.map((c) => (
          <li key={c.part}>
            <span>{PART_WORDS[c.part].label}</span>
            <span className="muted">
              {c.part === 'changeCommitment'
                ? c.score === 1
                  ? 'evidenced'
                  : c.score === 0.5
                    ? 'stated, without evidence'
                    : 'none recorded'
                : PART_WORDS[c.part].counted(c.successes, c.n)}
              {c.score === null ? ' — not counted' : ` — ${percent(c.score)}`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
