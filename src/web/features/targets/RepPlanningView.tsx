import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMe } from '../../app/session';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ErrorState, LoadingCard } from '../../ui/States';
import { repPlanningQuery } from './api';
import { PlannedObjectives } from './PlannedObjectives';
import { PlanningFigures } from './PlanningFigures';
import { PlanningHeader } from './PlanningHeader';
import { fiscalYearSentence, whoSetsYourTarget } from './planningWords';
import { noTarget } from './targetForm';
import { TargetForm } from './TargetForm';

/** One rep's year: the target, the objectives due in it per currency, the gap, and the objectives themselves. */
export function RepPlanningView({ userId, year, onYear, mine, back }: {
  /** Undefined: the signed-in person. */
  userId: string | undefined;
  year: number | undefined;
  onYear: (year: number) => void;
  mine: boolean;
  back?: { to: string; label: string };
}) {
  const me = useMe();
  const planning = useInfiniteQuery(repPlanningQuery(userId, year));
  const [editing, setEditing] = useState(false);
  if (planning.isPending) return <LoadingCard title="Account planning" />;
  if (planning.isError) return <ErrorState error={planning.error} onRetry={() => void planning.refetch()} />;
  const [first] = planning.data.pages;
  const fy = first.fiscalYear;
  const objectives = planning.data.pages.flatMap((p) => p.objectiveList.data);
  const who = mine ? 'Your' : `${first.rep.name}’s`;
  const whoSets = whoSetsYourTarget(me.user.role, first.canSetTarget);
  return (
    <div className="page">
      <PlanningHeader
        back={back}
        fiscalYear={fy.fiscalYear}
        startMonth={first.fiscalYearStartMonth}
        onYear={onYear}
        meta={<span>{`${who} yearly target against the objectives due in ${fy.name}. ${fiscalYearSentence(fy, first.fiscalYearStartMonth)}`}</span>}
      />
      <Card
        title={mine ? `Your ${fy.name}` : `${first.rep.name} · ${fy.name}`}
        actions={
          first.canSetTarget && !editing ? (
            <Button size="sm" icon="edit" onClick={() => setEditing(true)}>
              {first.target ? 'Change target' : 'Set target'}
            </Button>
          ) : null
        }
      >
        <PlanningFigures figures={first} fiscalYearName={fy.name} />
        {editing ? (
          <TargetForm
            userId={first.rep.id}
            repName={first.rep.name}
            fiscalYear={fy.fiscalYear}
            fiscalYearName={fy.name}
            currency={first.targetCurrency}
            record={first.target ?? noTarget(first.rep.id, fy.fiscalYear)}
            onDone={() => setEditing(false)}
          />
        ) : null}
        {mine && !first.target && whoSets ? <p className="small muted">{whoSets}</p> : null}
      </Card>
      <PlannedObjectives
        objectives={objectives}
        fiscalYearName={fy.name}
        mine={mine}
        more={planning.hasNextPage ? { load: () => void planning.fetchNextPage(), loading: planning.isFetchingNextPage } : null}
      />
    </div>
  );
}
