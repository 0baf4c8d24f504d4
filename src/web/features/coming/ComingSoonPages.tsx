import { useTitle } from '../../lib/hooks';
import { ComingSoon } from './ComingSoon';

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
