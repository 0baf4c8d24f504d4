import { useTitle } from '../../lib/hooks';
import { ComingSoon } from './ComingSoon';

export function PlansPage() {
  useTitle('Plans');
  return (
    <ComingSoon
      icon="plans"
      title="Mutual plans"
      lead="Agree the outcome with your customer, then who does what by when — both sides’ commitments in one plan the customer opens by a private link."
      points={[
        'Milestones and commitments for your side and the customer’s, each with an owner and a date.',
        'Re-date before it slips: a renegotiated date is healthy, a silently missed one is not.',
        'See how reliably each side keeps its word — the customer’s side is a buying signal.',
      ]}
    />
  );
}

export function GoalsPage() {
  useTitle('Goals');
  return (
    <ComingSoon
      icon="goals"
      title="Goals you care about"
      lead="Your why, the what goals on the road there, and one tiny next step you can take today."
      points={[
        'Find your why by asking “What will that get you?” until the answer stops changing. It stays private unless you share it.',
        'Outcome, process and learning goals — stretch goals welcome; missing one is not a failure.',
        'After each step, note what you learned and pick the next one.',
      ]}
    />
  );
}
