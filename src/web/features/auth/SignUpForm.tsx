import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { SignUpBody } from '../../../shared/auth';
import { createWorkspace, requestSignUp } from '../../../shared/routes/operations/auth';
import type { EmailSent } from '../../../shared/mail';
import { call, type BodyOf } from '../../app/api';
import { useSetup, useStartSession } from '../../app/session';
import { useState } from 'react';
import { CheckYourEmail } from './CheckYourEmail';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { NewPasswordField } from './NewPasswordField';
import { FormAlert } from '../../ui/FormAlert';
import { TimeZoneSelect, browserTimeZone } from '../../ui/TimeZoneSelect';

const FIELDS = ['workspaceName', 'name', 'email', 'password', 'timeZone'] as const;

export function SignUpForm() {
  const startSession = useStartSession();
  const navigate = useNavigate();
  const form = useForm({ workspaceName: '', name: '', email: '', password: '', timeZone: browserTimeZone() }, { guard: false });
  // A server that sends mail confirms the address first (and answers alike for every address).
  const byEmail = useSetup().data?.signUpByEmail ?? false;
  const [emailed, setEmailed] = useState<EmailSent | null>(null);
  const signUp = useMutation({
    mutationFn: async (body: BodyOf<typeof createWorkspace>) =>
      byEmail ? { kind: 'emailed' as const, sent: await call(requestSignUp, { body }) } : { kind: 'created' as const, me: await call(createWorkspace, { body }) },
    onSuccess: (result) => {
      if (result.kind === 'emailed') return setEmailed(result.sent);
      startSession(result.me);
      navigate('/today', { replace: true });
    },
    onError: (err) => {
      const { fieldErrors, formError } = fromServer(err, FIELDS);
      form.fail(fieldErrors, formError);
    },
  });

  if (emailed) {
    return (
      <CheckYourEmail email={emailed.email}>
        If this address is new to Advance, the email has a link to confirm it and create your workspace. If it already has an account,
        the email says so and how to sign in.
      </CheckYourEmail>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const result = check(SignUpBody, form.values, FIELDS);
        if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
        form.clear();
        signUp.mutate(result.data);
      }}
    >
      <FormAlert message={form.formError} />
      <TextField label="Workspace name" hint="Usually your company or team name." autoComplete="organization" required {...form.field('workspaceName')} />
      <TextField label="Your name" autoComplete="name" required {...form.field('name')} />
      <TextField label="Email" type="email" autoComplete="email" required {...form.field('email')} />
      <NewPasswordField {...form.field('password')} />
      <TimeZoneSelect label="Time zone" hint="Used for due dates and for what “today” means. You can change it later." {...form.field('timeZone')} />
      <Button type="submit" variant="primary" className="btn-block" busy={signUp.isPending}>
        Create workspace
      </Button>
    </form>
  );
}
