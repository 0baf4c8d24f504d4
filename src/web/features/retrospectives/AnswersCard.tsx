import { PROCESS_PARTS, PROCESS_QUESTIONS } from '../../../shared/coaching-words';
import type { Retrospective } from '../../../shared/retrospectives';
import { Card } from '../../ui/Card';
import { ANSWER_LABELS } from './words';

const SIDE = { rep: 'The rep', manager: 'The manager' } as const;

/** Both sides' answers, side by side — each shown once it may be (both in, or your own). */
export function AnswersCard({ r }: { r: Retrospective }) {
  return (
    <Card title="Answers">
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Each side’s answers">
        <table className="table table-compact retro-answers">
          <thead>
            <tr>
              <th scope="col">Question</th>
              {r.sides.map((s) => (
                <th scope="col" key={s.perspective}>
                  {s.answers ? `${SIDE[s.perspective]} (${s.answers.respondent.name})` : SIDE[s.perspective]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PROCESS_PARTS.map((part) => (
              <tr key={part}>
                <th scope="row">{PROCESS_QUESTIONS[part]}</th>
                {r.sides.map((s) => (
                  <td key={s.perspective}>{s.answers ? ANSWER_LABELS[s.answers.answers[part]] : <span className="muted">{s.submitted ? 'answered — shown when both are in' : 'not answered yet'}</span>}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Was the process sound?</th>
              {r.sides.map((s) => (
                <td key={s.perspective}>{s.answers ? (s.answers.processJudgement === 'sound' ? 'Sound' : 'Weak') : null}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">What was learned</th>
              {r.sides.map((s) => (
                <td key={s.perspective} className="pre-wrap retro-lesson">
                  {s.answers?.lesson ?? null}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </Card>
  );
}
