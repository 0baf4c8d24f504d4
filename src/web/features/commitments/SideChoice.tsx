import { COMMITMENT_SIDES, type CommitmentSide } from '../../../shared/commitments';

const CHOICES: Record<CommitmentSide, { label: string; hint: string }> = {
  seller: { label: 'Our side', hint: 'Someone in your team' },
  customer: { label: 'Customer side', hint: 'Someone at the customer' },
};

/** Whose word it is: two large radio buttons, easy to hit on a phone. */
export function SideChoice({ value, onChange }: { value: CommitmentSide; onChange: (side: CommitmentSide) => void }) {
  return (
    <fieldset className="side-choice">
      <legend>Whose commitment is it?</legend>
      <div className="side-choice-options">
        {COMMITMENT_SIDES.map((side) => (
          <label key={side} className={value === side ? 'side-option side-option-on' : 'side-option'}>
            <input type="radio" name="side" value={side} checked={value === side} onChange={() => onChange(side)} />
            <span>
              <strong>{CHOICES[side].label}</strong>
              <span className="side-option-hint">{CHOICES[side].hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
