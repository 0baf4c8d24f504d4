import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useReviewMode } from '../../app/reviewMode';
import { useTitle } from '../../lib/hooks';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingCard } from '../../ui/States';
import { opportunityStatusLabel } from '../opportunities/statusWords';
import { retrospectiveQuery } from './api';
import { AnswersCard } from './AnswersCard';
import { LessonToGoal } from './LessonToGoal';
import { ProcessFindings } from './ProcessFindings';
import { QuadrantGrid } from './QuadrantGrid';
import { RetroForm } from './RetroForm';
import './retrospectives.css';

/**
 * A closed deal's retrospective: your answers first, then what the data shows about the process, and
 * the deal in the 2×2 of process and outcome. In review mode the outcome stays hidden.
 */
export function RetrospectivePage() {
  const { id = '' } = useParams();
  const query = useQuery(retrospectiveQuery(id));
  const review = useReviewMode();
  const [revising, setRevising] = useState(false);
  useTitle(query.data ? `Retrospective · ${query.data.opportunity.name}` : 'Retrospective');
  if (query.isPending) return <LoadingCard title="Retrospective" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const back = { to: `/opportunities/${r.opportunity.id}`, label: r.opportunity.name };
  const header = (
    <PageHeader
      title={`Retrospective · ${r.opportunity.name}`}
      back={back}
      meta={<span>{`${r.opportunity.owner.name}’s deal · ${opportunityStatusLabel(r.opportunity.status)}. The process is judged apart from the outcome: a win can hide luck, a loss can follow sound work.`}</span>}
    />
  );
  if (!r.closed) {
    return (
      <div className="page">
        {header}
        <EmptyState icon="goals" title="Not closed yet">
          A retrospective is for a closed deal: once it is won, lost or walked away from, its owner and their manager answer here.
        </EmptyState>
      </div>
    );
  }
  const asking = r.yourPerspective !== null && (r.yours === null || revising);
  return (
    <div className="page retrospective">
      {header}
      {asking && r.yourPerspective ? (
        <Card title={r.yours ? 'Revise your answers' : 'Your answers first'}>
          <RetroForm
            opportunityId={r.opportunity.id}
            perspective={r.yourPerspective}
            current={r.yours}
            onSaving={() => setRevising(true)}
            onDone={() => setRevising(false)}
          />
        </Card>
      ) : null}
      {r.process && !asking ? (
        <div className="retro-grid">
          <Card title="What the data shows">
            <ProcessFindings process={r.process} />
          </Card>
          <Card title="Process and outcome">
            {review || !r.placement ? <p className="muted">The outcome is hidden in review mode.</p> : <QuadrantGrid placement={r.placement} />}
          </Card>
        </div>
      ) : null}
      {!asking ? <AnswersCard r={r} /> : null}
      {!asking && r.yours?.lesson ? <LessonToGoal key={r.yours.version} lesson={r.yours.lesson} /> : null}
      {r.yours && !revising ? (
        <div className="button-row">
          <Button onClick={() => setRevising(true)}>Revise my answers</Button>
        </div>
      ) : null}
    </div>
  );
}
