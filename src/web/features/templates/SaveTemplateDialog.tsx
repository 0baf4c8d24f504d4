import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SavePlanAsTemplateBody, type PlanTemplate } from '../../../shared/plan-templates';
import type { Plan } from '../../../shared/plans';
import { savePlanAsTemplate } from '../../../shared/routes/operations/plan-templates';
import { call, type BodyOf } from '../../app/api';
import { FIX_FIELDS, check, fromServer, orNull, useForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { DialogActions } from '../../ui/DialogActions';

const FIELDS = ['name', 'description'] as const;

/** A plan that worked becomes a starting point for the team: milestones and commitments, dates as offsets, no names. */
export function SaveTemplateDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof savePlanAsTemplate>) => call(savePlanAsTemplate, { params: { id: plan.id }, body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['plan-templates'] }),
  });
  const form = useForm({ name: plan.title, description: '' });
  const [saved, setSaved] = useState<PlanTemplate | null>(null);
  return (
    <Dialog open onClose={onClose} title="Save as a template">
      {saved ? (
        <>
          <FormAlert tone="success" message={`Saved. “${saved.name}” is now offered to everyone in the workspace when they create a plan.`} />
          <div className="form-actions">
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </div>
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (save.isPending) return;
            const result = check(SavePlanAsTemplateBody, { name: form.values.name.trim(), description: orNull(form.values.description) }, FIELDS);
            if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
            form.clear();
            save.mutate(result.data, {
              onSuccess: (template) => {
                form.markSaved();
                setSaved(template);
              },
              onError: (err) => {
                const { fieldErrors, formError } = fromServer(err, FIELDS);
                form.fail(fieldErrors, formError);
              },
            });
          }}
        >
          <p>Milestones and commitments are kept with their sides, roles and must-dos; dates become days from the start. Customer names are left out.</p>
          <FormAlert message={form.formError} />
          <TextField label="Name" required autoComplete="off" {...form.field('name')} />
          <TextAreaField label="Description" rows={3} hint="When is this template a good start?" {...form.field('description')} />
          <DialogActions onCancel={onClose} busy={save.isPending} label="Save template" />
        </form>
      )}
    </Dialog>
  );
}
