import { UpdateOpportunityBody, type Opportunity } from '../../../shared/opportunities';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { ConflictBanner } from '../records/ConflictBanner';
import { useRecordEditor } from '../records/useRecordEditor';
import { OpportunityFields } from './OpportunityFields';
import { opportunitySpec } from './opportunityForm';

export function OpportunityEditForm({ opportunity, onDone }: { opportunity: Opportunity; onDone: () => void }) {
  const { form, submit, conflict, discard, saving } = useRecordEditor(opportunitySpec, opportunity, UpdateOpportunityBody, onDone);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {conflict ? <ConflictBanner conflict={conflict} noun="opportunity" onDiscard={discard} /> : null}
      <FormAlert message={form.formError} />
      <OpportunityFields form={form} currentOwner={opportunity.owner} currentStage={opportunity.stage} withStatus />
      <div className="form-actions">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={saving}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
