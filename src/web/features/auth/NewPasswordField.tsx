import type { ComponentProps } from 'react';
import { PASSWORD_MIN } from '../../../shared/people';
import { TextField } from '../../ui/Field';

type Props = Omit<ComponentProps<typeof TextField>, 'type' | 'autoComplete' | 'hint' | 'required' | 'label'> & { label?: string };

/** A password being chosen (sign-up, invitation, reset, change): the same rule in the same words everywhere. */
export function NewPasswordField({ label = 'Password', ...field }: Props) {
  return <TextField label={label} type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters. A short sentence works well.`} required {...field} />;
}
