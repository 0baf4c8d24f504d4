import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { setReviewMode } from './reviewMode';

/** Says review mode is on — amounts, won/lost and win rates are hidden — and turns it off. */
export function ReviewModeBanner() {
  return (
    <section className="review-banner" aria-label="Review mode">
      <Icon name="eyeOff" size={15} />
      <span>
        <strong>Review mode is on.</strong> Amounts, won and lost deals and win rates are hidden, so the process is reviewed without the halo of the outcome.
      </span>
      <Button size="sm" variant="ghost" onClick={() => setReviewMode(false)}>
        Turn off
      </Button>
    </section>
  );
}
