import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  size?: 'sm' | 'md';
  icon?: IconName;
  /** Shows a spinner and refuses clicks while a request runs; the label stays for screen readers. */
  busy?: boolean;
  children?: ReactNode;
};

export function buttonClass(variant: Variant = 'secondary', size: 'sm' | 'md' = 'md', extra = ''): string {
  return ['btn', `btn-${variant}`, size === 'sm' ? 'btn-sm' : '', extra].filter(Boolean).join(' ');
}

export function Button({ variant = 'secondary', size = 'md', icon, busy = false, className, children, disabled, type = 'button', ...rest }: ButtonProps) {
  return (
    <button {...rest} type={type} className={buttonClass(variant, size, className)} disabled={disabled || busy} aria-busy={busy || undefined}>
      {busy ? <span className="spinner spinner-sm" aria-hidden="true" /> : icon ? <Icon name={icon} size={size === 'sm' ? 15 : 17} /> : null}
      {children}
    </button>
  );
}
