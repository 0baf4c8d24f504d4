import { h, uid } from './dom';
import type { Actions, State } from './state';

/** Labelled inputs whose text is kept in the state's drafts and whose errors sit right under them. */

type FieldOpts = { key: string; label: string; type?: string; required?: boolean; hint?: string; rows?: number; placeholder?: string; autocomplete?: string; min?: string };

export function field(state: State, actions: Actions, o: FieldOpts): HTMLElement {
  const id = uid('f');
  const error = state.errors[o.key];
  const describedBy = error ? `${id}-error` : o.hint ? `${id}-hint` : undefined;
  const common = {
    id,
    name: o.key,
    'data-key': o.key,
    required: o.required ?? false,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy,
    placeholder: o.placeholder,
    min: o.min,
    autocomplete: o.autocomplete ?? 'off',
    value: state.drafts[o.key] ?? '',
    onInput: (e: Event) => actions.draft(o.key, (e.target as HTMLInputElement).value),
  };
  const control = o.rows ? h('textarea', { ...common, rows: o.rows }) : h('input', { ...common, type: o.type ?? 'text' });
  return h(
    'div',
    { className: error ? 'field field-invalid' : 'field' },
    h('div', { className: 'field-label' }, h('label', { for: id }, o.label), o.required ? null : h('span', { className: 'field-optional', 'aria-hidden': 'true' }, '(optional)')),
    control,
    o.hint && !error ? h('p', { className: 'field-hint', id: `${id}-hint` }, o.hint) : null,
    error ? h('p', { className: 'field-error', id: `${id}-error` }, error) : null,
  );
}

export function select(state: State, actions: Actions, o: { key: string; label: string; options: { value: string; label: string }[] }): HTMLElement {
  const id = uid('f');
  const value = state.drafts[o.key] ?? '';
  return h(
    'div',
    { className: 'field' },
    h('div', { className: 'field-label' }, h('label', { for: id }, o.label), h('span', { className: 'field-optional', 'aria-hidden': 'true' }, '(optional)')),
    h(
      'select',
      { id, name: o.key, 'data-key': o.key, onChange: (e: Event) => actions.draft(o.key, (e.target as HTMLSelectElement).value) },
      o.options.map((opt) => h('option', { value: opt.value, selected: opt.value === value }, opt.label)),
    ),
  );
}

/** The message region of a form or item: always present, so screen readers announce what appears. */
export function message(state: State, key: string): HTMLElement {
  const m = state.messages.get(key);
  return h('div', { className: 'form-alert-region', role: 'alert' }, m ? h('div', { className: `alert alert-${m.tone}` }, m.text) : null);
}

export function button(label: string, o: { onClick?: () => void; variant?: string; busy?: boolean; type?: 'button' | 'submit'; key?: string; ariaLabel?: string; small?: boolean }): HTMLButtonElement {
  return h(
    'button',
    {
      type: o.type ?? 'button',
      className: `btn btn-${o.variant ?? 'secondary'}${o.small ? ' btn-sm' : ''}`,
      disabled: o.busy ?? false,
      'aria-busy': o.busy ? 'true' : undefined,
      'aria-label': o.ariaLabel,
      'data-key': o.key,
      onClick: o.onClick,
    },
    o.busy ? h('span', { className: 'spinner spinner-sm', 'aria-hidden': 'true' }) : null,
    label,
  );
}
