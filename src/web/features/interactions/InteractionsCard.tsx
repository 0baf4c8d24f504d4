import { qs } from '../../app/api';
import { Card } from '../../ui/Card';
import { AddLink } from '../records/AddLink';
import { AdvanceRateLine } from './AdvanceRateLine';
import { exportInteractions } from '../../../shared/routes/operations/exports';
import { ExportLink } from '../records/ExportLink';
import { useQuery } from '@tanstack/react-query';
import { interactionsCardQueries } from './api';
import { InteractionList } from './InteractionList';
import '../../styles/interactions.css';

/**
 * An account's or a deal's interactions: those waiting for their outcome, the next ones, the latest
 * results, and the advance rate with its n — on the account and opportunity pages.
 */
export function InteractionsCard({ accountId, opportunityId, canPlan }: { accountId: string; opportunityId?: string; canPlan: boolean }) {
  const scope = opportunityId ? { opportunityId } : { accountId };
  const queries = interactionsCardQueries(scope);
  const pending = useQuery(queries.pending);
  const upcoming = useQuery(queries.upcoming);
  const done = useQuery(queries.done);
  const rate = useQuery(queries.rate);
  const loading = pending.isPending || upcoming.isPending || done.isPending;
  const failed = pending.isError || upcoming.isError || done.isError;
  const none = !loading && !failed && !pending.data?.data.length && !upcoming.data?.data.length && !done.data?.data.length;
  return (
    <Card
      title="Interactions"
      actions={
        <>
          {none ? null : <ExportLink route={exportInteractions} query={scope} label="Export interactions" />}
          {canPlan ? <AddLink to={`/interactions/new${qs({ accountId, opportunityId })}`} small>Plan an interaction</AddLink> : null}
        </>
      }
    >
      <AdvanceRateLine rate={rate.data} />
      {loading ? <p className="muted">Loading interactions…</p> : null}
      {failed ? <p className="warning-text">The interactions could not be loaded.</p> : null}
      {none ? <p className="muted">No interaction yet. Plan the next call with the advance you want the customer to agree to.</p> : null}
      {pending.data?.data.length ? (
        <section aria-label="Record the outcome">
          <h3 className="interaction-group">Record the outcome</h3>
          <InteractionList items={pending.data.data} recordLink />
        </section>
      ) : null}
      {upcoming.data?.data.length ? (
        <section aria-label="Coming up">
          <h3 className="interaction-group">Coming up</h3>
          <InteractionList items={upcoming.data.data} />
        </section>
      ) : null}
      {done.data?.data.length ? (
        <section aria-label="Latest results">
          <h3 className="interaction-group">Latest results</h3>
          <InteractionList items={done.data.data} />
        </section>
      ) : null}
    </Card>
  );
}
