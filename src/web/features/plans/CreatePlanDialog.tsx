import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { todayIn } from '../../../domain/dates';
import type { Opportunity } from '../../../shared/opportunities';
import { CreatePlanBody } from '../../../shared/plans';
import { listPlanTemplates } from '../../../shared/routes/operations/plan-templates';
import { call } from '../../app/api';
import { useMe } from '../../app/session';
import { plural } from '../../lib/format';
import { FIX_FIELDS, check, fromServer, orNull, useForm } from '../../lib/forms';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { SkeletonLines } from '../../ui/States';
import { useCreatePlan } from './api';
import { DialogActions } from '../../ui/DialogActions';
import { BLANK, TemplateChoice } from '../templates/TemplateChoice';

const FIELDS = ['templateId', 'title', 'agreedOutcome', 'startDate', 'targetDate'] as const;

/**
 * A new plan on the deal, blank or from a template. From a template the dates of milestones and
 * commitments follow from the start and target dates, so those two are asked for here.
 */
export function CreatePlanDialog({ opportunity: o, onClose }: { opportunity: Opportunity; onClose: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreatePlan(o.id);
  const templates = useQuery({ queryKey: ['plan-templates'], queryFn: () => call(listPlanTemplates, { query: { limit: 200 } }), select: (r) => r.data, staleTime: 60_000 });
  const form = useForm({ templateId: BLANK, title: `${o.account.name}: ${o.name}`, agreedOutcome: '', startDate: todayIn(me.user.timeZone, new Date()), targetDate: o.closeDate });
  const v = form.values;
  const template = templates.data?.find((t) => t.id === v.templateId);

  const submit = () => {
    const body = template
      ? { templateId: template.id, title: v.title.trim() || undefined, agreedOutcome: orNull(v.agreedOutcome), startDate: v.startDate || undefined, targetDate: v.targetDate || undefined }
      : { title: v.title.trim(), agreedOutcome: orNull(v.agreedOutcome), targetDate: v.targetDate || undefined };
    const result = check(CreatePlanBody, body, FIELDS);
    if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
    form.clear();
    create.mutate(result.data, {
      // Template dates that had to move are said on the plan's page.
      onSuccess: (plan) => {
        form.markSaved();
        navigate(`/plans/${plan.id}`, { state: { dateAdjustments: plan.dateAdjustments } });
      },
      onError: (err) => {
        const { fieldErrors, formError } = fromServer(err, FIELDS);
        form.fail(fieldErrors, formError);
      },
    });
  };

  return (
    <Dialog open onClose={onClose} title="Create a mutual plan">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!create.isPending) submit();
        }}
      >
        <p>It starts as a draft. Go through it with the customer, change what they want changed, then share it with them.</p>
        <FormAlert message={form.formError} />
        {templates.isPending ? (
          <SkeletonLines lines={2} />
        ) : (
          <TemplateChoice
            templates={templates.data ?? []}
            value={v.templateId}
            onChange={(id) => {
              form.set('templateId', id);
              // A template sets its own length from the start date; keep the deal's close date for a blank plan.
              form.set('targetDate', id === BLANK ? o.closeDate : '');
            }}
          />
        )}
        <div className="form-grid">
          <TextField className="span-2" label="Title" required={!template} autoComplete="off" hint={template ? `Leave empty to call it “${template.name}”.` : undefined} {...form.field('title')} />
          <TextAreaField className="span-2" label="Agreed outcome" rows={3} hint="What success looks like for the customer, in their words." {...form.field('agreedOutcome')} />
          {template ? <TextField label="Start date" type="date" hint="Commitment dates count from here." {...form.field('startDate')} /> : null}
          <TextField
            label="Target date"
            type="date"
            required={!template}
            hint={template ? `Leave empty for the start plus ${plural(template.lengthDays, 'day')}.` : 'When the customer wants the outcome.'}
            {...form.field('targetDate')}
          />
        </div>
        <DialogActions onCancel={onClose} busy={create.isPending} label="Create plan" />
      </form>
    </Dialog>
  );
}
