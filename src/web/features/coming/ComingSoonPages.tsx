import { useTitle } from '../../lib/hooks';
import { ComingSoon } from './ComingSoon';

export function GoalsPage() {
  useTitle('Goals');
  return (
    <ComingSoon
      icon="goals"
      title="Goals you care about"
      lead="Why you do this work, the goals that lead there, and one tiny next step you can take today."
      points={[
        'Your why: ask yourself “What will that get you?” until the answer stops changing. It stays private unless you share it.',
        'Your goals on the way there: outcomes, how you work, and what you want to learn. Stretch goals are welcome, and missing one is not a failure.',
        'One tiny next step for each goal. After it, note what you learned and choose the next one.',
      ]}
    />
  );
}
