import type { RepPlanning } from '../../../shared/targets';
import { formatDate, formatMoney, plural } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { gapTone, gapWords, perCurrency } from './planningWords';

type Figures = Pick<RepPlanning, 'target' | 'objectives' | 'gap' | 'otherCurrencies' | 'objectiveCount'>;

/** A person's year in three figures: the target, the objectives per currency, and the gap in words. */
export function PlanningFigures({ figures, fiscalYearName }: { figures: Figures; fiscalYearName: string }) {
  const { target, gap, otherCurrencies } = figures;
  return (
    <dl className="planning-figures">
      <div>
        <dt>Yearly target</dt>
        <dd>
          {target ? (
            <>
              <span className="planning-amount">{formatMoney(target.amount)}</span>
              <span className="small muted">
                {target.setBy ? ` Set by ${target.setBy.name}` : ' Set'} on {formatDate(target.updatedAt.slice(0, 10))}
              </span>
            </>
          ) : (
            <span className="muted">No target for {fiscalYearName} yet</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Objectives due in {fiscalYearName}</dt>
        <dd>
          <span className="planning-amount">{gap ? formatMoney({ amountMinor: gap.objectivesMinor, currency: gap.currency }) : perCurrency(figures.objectives)}</span>
          <span className="small muted"> {plural(figures.objectiveCount, 'objective')}</span>
        </dd>
      </div>
      <div>
        <dt>Gap</dt>
        <dd>
          {gap ? (
            <Badge tone={gapTone(gap)}>{gapWords(gap)}</Badge>
          ) : (
            <span className="muted">No target to measure against</span>
          )}
        </dd>
      </div>
      {gap && otherCurrencies.length > 0 ? (
        <div className="span-2">
          <dt>In other currencies (not in the gap)</dt>
          <dd>
            {perCurrency(otherCurrencies)} <span className="small muted">— never added to the {gap.currency} target or converted.</span>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
