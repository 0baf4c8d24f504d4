import type { GuestPlan } from '../../shared/plan-sharing';
import { h } from './dom';
import { button, field, message, select } from './fields';
import { todayIn } from '../../domain/dates';
import { ago } from './format';
import type { Actions, State } from './state';

/** A completed or abandoned plan is closed: the page shows it, read-only. */
export const isClosed = (plan: GuestPlan) => plan.status === 'completed' || plan.status === 'abandoned';

/** "Add something your team will do": a customer-side commitment, owned by the reader unless they name someone. */
export function addForm(plan: GuestPlan, state: State, actions: Actions): HTMLElement {
  if (!state.adding) {
    return h(
      'section',
      { className: 'share-add' },
      button('Add something your team will do', { variant: 'secondary', key: 'open-add', onClick: actions.openAdd }),
      message(state, 'add'),
    );
  }
  return h(
    'section',
    { className: 'share-card', 'aria-labelledby': 'add-h' },
    h('h2', { id: 'add-h' }, 'Add something your team will do'),
    h(
      'form',
      {
        novalidate: true,
        onSubmit: (e: Event) => {
          e.preventDefault();
          actions.submitAdd();
        },
      },
      message(state, 'add'),
      field(state, actions, { key: 'add.title', label: 'What will be done', required: true, placeholder: 'e.g. Security questionnaire answered' }),
      field(state, actions, { key: 'add.detail', label: 'Detail', rows: 2 }),
      field(state, actions, { key: 'add.dueDate', label: 'By when', type: 'date', required: true, min: todayIn(plan.timeZone, new Date()), hint: `Today or later — dates are days in ${plan.timeZone.replace(/_/g, ' ')}.` }),
      field(state, actions, { key: 'add.ownerName', label: 'Who will do it', hint: `Leave empty if it is you, ${plan.recipient.name}.`, autocomplete: 'name' }),
      plan.milestones.length
        ? select(state, actions, { key: 'add.milestoneId', label: 'Milestone', options: [{ value: '', label: 'No milestone' }, ...plan.milestones.map((m) => ({ value: m.id, label: m.title }))] })
        : null,
      h(
        'div',
        { className: 'row' },
        button('Add to the plan', { type: 'submit', variant: 'primary', busy: state.busy.has('add') }),
        button('Cancel', { variant: 'ghost', onClick: actions.closeAdd }),
      ),
    ),
  );
}

export function commentsSection(plan: GuestPlan, state: State, actions: Actions): HTMLElement {
  return h(
    'section',
    { className: 'share-card', 'aria-labelledby': 'comments-h' },
    h('h2', { id: 'comments-h' }, 'Conversation'),
    plan.comments.length === 0
      ? h('p', { className: 'muted' }, `No comments yet. Ask a question or share an update — ${plan.sellerContact.name} sees it.`)
      : h(
          'ol',
          { className: 'comments' },
          plan.comments.map((c) =>
            h(
              'li',
              { className: `comment comment-${c.authorSide}` },
              h('p', { className: 'comment-who' }, h('strong', null, c.authorName), ` · ${ago(c.createdAt)}`),
              h('p', { className: 'comment-body' }, c.body),
            ),
          ),
        ),
    isClosed(plan)
      ? null
      : h(
          'form',
          {
            novalidate: true,
            onSubmit: (e: Event) => {
              e.preventDefault();
              actions.submitComment();
            },
          },
          message(state, 'comment'),
          field(state, actions, { key: 'comment.body', label: 'Write a comment', rows: 3, required: true }),
          button('Send comment', { type: 'submit', variant: 'primary', busy: state.busy.has('comment') }),
        ),
  );
}
