import { Link } from 'react-router';
import { OBJECTIVE_STATUS_LABELS } from '../../../shared/objectives';
import type { PlannedObjective } from '../../../shared/targets';
import { PLANNING_STATUSES_NOTE } from '../../../shared/targets';
import { formatDate, formatMoney } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/States';

/** The objectives that make up a rep's year: each links to itself and its account. */
export function PlannedObjectives({ objectives, fiscalYearName, mine, more }: {
  objectives: PlannedObjective[];
  fiscalYearName: string;
  mine: boolean;
  /** The next page, when there is one. */
  more: { load: () => void; loading: boolean } | null;
}) {
  return (
    <Card title={`Objectives due in ${fiscalYearName}`} flush>
      {objectives.length === 0 ? (
        <EmptyState icon="goals" title="No objective due this year">
          {mine ? 'Set strategic objectives on your key accounts: each one’s financial target counts toward your year.' : 'Objectives set on their accounts, due this year, show here.'}
        </EmptyState>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`Objectives due in ${fiscalYearName}`}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Objective</th>
                <th scope="col">Account</th>
                <th scope="col" className="num">
                  Financial target
                </th>
                <th scope="col">Status</th>
                <th scope="col">Target date</th>
              </tr>
            </thead>
            <tbody>
              {objectives.map((o) => (
                <tr key={o.id}>
                  <td className="primary-cell">
                    <Link to={`/objectives/${o.id}`}>{o.title}</Link>
                  </td>
                  <td>
                    <Link to={`/accounts/${o.account.id}`}>{o.account.name}</Link>
                  </td>
                  <td className="num">{o.amount ? formatMoney(o.amount) : <span className="muted">none</span>}</td>
                  <td>
                    <Badge tone={o.status === 'achieved' ? 'success' : 'neutral'}>{OBJECTIVE_STATUS_LABELS[o.status]}</Badge>
                  </td>
                  <td>{formatDate(o.targetDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="card-pad planning-foot">
        <p className="small muted">{PLANNING_STATUSES_NOTE}</p>
        {more ? (
          <Button size="sm" busy={more.loading} onClick={more.load}>
            Show more objectives
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
