import { UpdateContactBody, type Contact } from '../../../shared/contacts';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { ConflictBanner } from '../records/ConflictBanner';
import { useRecordEditor } from '../records/useRecordEditor';
import { ContactFields } from './ContactFields';
import { contactSpec } from './contactForm';

export function ContactEditForm({ contact, onDone }: { contact: Contact; onDone: () => void }) {
  const { form, submit, conflict, discard, saving } = useRecordEditor(contactSpec, contact, UpdateContactBody, onDone);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {conflict ? <ConflictBanner conflict={conflict} noun="contact" onDiscard={discard} /> : null}
      <FormAlert message={form.formError} />
      <ContactFields form={form} />
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
