import type { GuestCommitment, GuestPlan } from '../../shared/plan-sharing';
import { h, type Child } from './dom';
import { button, field, message } from './fields';
import { ago, dueWhen, formatDate, today, untilTarget } from './format';
import type { Actions, State } from './state';
import { addForm, commentsSection, isClosed } from './sections';

const STATE_WORDS = { missed: 'Past its date', done: 'Done', dropped: 'Dropped' } as const;

/** The calendar feed of the customer's own side: where to subscribe (webcal:) or download it once. */
export type CalendarLinks = { subscribe: string; download: string };

/** The whole page for a loaded plan. */
export function planView(plan: GuestPlan, state: State, actions: Actions, calendar: CalendarLinks): HTMLElement {
  const seller = plan.sellerContact.name;
  const sideCount = (side: 'customer' | 'seller') => {
    const list = plan.commitments.filter((c) => c.side === side && c.status !== 'dropped');
    return `${list.filter((c) => c.status === 'done').length} of ${list.length} done`;
  };
  const known = new Set(plan.milestones.map((m) => m.id));
  const loose = plan.commitments.filter((c) => !c.milestoneId || !known.has(c.milestoneId));
  const closed = isClosed(plan);
  return h(
    'div',
    { className: 'share' },
    h(
      'header',
      { className: 'share-head' },
      h('p', { className: 'eyebrow' }, 'Mutual plan'),
      h('h1', null, plan.title),
      h('p', { className: 'share-sub' }, `Shared with ${plan.recipient.name} by ${seller}`),
      closed ? null : h('p', { className: 'share-target' }, h('strong', null, `Target ${formatDate(plan.targetDate)}`), ` · ${untilTarget(plan.targetDate)}`),
    ),
    closed
      ? h(
          'div',
          { className: 'alert alert-info share-closed', role: 'status' },
          h('strong', null, `This plan is ${plan.status}.`),
          ` It is closed: nothing on it can be ticked, re-dated or added any more. Talk to ${seller} if there is more to do.`,
        )
      : null,
    plan.agreedOutcome || plan.whyItMatters
      ? h(
          'section',
          { className: 'share-card share-outcome', 'aria-labelledby': 'outcome-h' },
          h('h2', { id: 'outcome-h' }, 'What we are working towards'),
          plan.agreedOutcome ? h('p', { className: 'outcome' }, plan.agreedOutcome) : null,
          plan.whyItMatters ? [h('h3', null, 'Why it matters'), h('p', null, plan.whyItMatters)] : null,
        )
      : null,
    h(
      'section',
      { className: 'share-progress', 'aria-label': 'Progress' },
      h('p', null, h('span', { className: 'pill pill-customer' }, 'Your team'), ` ${sideCount('customer')}`),
      h('p', null, h('span', { className: 'pill pill-seller' }, `${seller}’s team`), ` ${sideCount('seller')}`),
    ),
    plan.milestones.map((m, i) =>
      group(
        `${i + 1}. ${m.title}`,
        m.dueDate ? formatDate(m.dueDate) : null,
        plan.commitments.filter((c) => c.milestoneId === m.id),
        plan,
        state,
        actions,
      ),
    ),
    loose.length > 0 ? group(plan.milestones.length ? 'Other commitments' : 'Commitments', null, loose, plan, state, actions) : null,
    closed ? null : addForm(plan, state, actions),
    closed || !plan.commitments.some((c) => c.side === 'customer') ? null : calendarSection(calendar),
    commentsSection(plan, state, actions),
    h('footer', { className: 'share-foot' }, `This link is for ${plan.recipient.name}. Questions? Talk to ${seller}.`),
  );
}

function group(title: string, date: string | null, items: GuestCommitment[], plan: GuestPlan, state: State, actions: Actions): HTMLElement {
  const done = items.filter((c) => c.status === 'done').length;
  const counted = items.filter((c) => c.status !== 'dropped').length;
  return h(
    'section',
    { className: 'share-card share-group' },
    h('h2', null, title),
    h('p', { className: 'group-meta' }, [date, counted ? `${done} of ${counted} done` : 'Nothing here yet'].filter(Boolean).join(' · ')),
    items.length ? h('ul', { className: 'items' }, items.map((c) => item(c, plan, state, actions))) : null,
  );
}

function item(c: GuestCommitment, plan: GuestPlan, state: State, actions: Actions): HTMLElement {
  const titleId = `t-${c.id}`;
  const metaId = `m-${c.id}`;
  const ours = c.side === 'customer';
  const pending = c.renegotiations.filter((r) => r.status === 'pending');
  const owner = c.role && c.role !== c.ownerName ? `${c.ownerName} · ${c.role}` : c.ownerName;
  const due = c.status === 'open' ? `${formatDate(c.dueDate)} · ${dueWhen(c.dueDate)}` : formatDate(c.dueDate);
  const tick = c.canTick
    ? h('input', {
        type: 'checkbox',
        id: `cb-${c.id}`,
        className: 'tick',
        checked: c.status === 'done',
        disabled: state.busy.has(`tick:${c.id}`),
        'data-key': `tick:${c.id}`,
        'aria-describedby': metaId,
        onChange: (e: Event) => actions.tick(c, (e.target as HTMLInputElement).checked),
      })
    : h('span', { className: `mark mark-${c.state}`, 'aria-hidden': 'true' });
  const title = c.canTick ? h('label', { for: `cb-${c.id}`, id: titleId, className: 'item-title' }, c.title) : h('span', { id: titleId, className: 'item-title' }, c.title);
  const tags: Child[] = [
    h('span', { className: `pill pill-${c.side}` }, ours ? 'Your team' : `${plan.sellerContact.name}’s team`),
    c.mustDo ? h('span', { className: 'tag tag-must' }, 'Must do') : null,
    c.state !== 'open' ? h('span', { className: `tag tag-${c.state}` }, STATE_WORDS[c.state]) : null,
  ];
  const canRedate = !isClosed(plan) && c.status === 'open' && pending.length === 0;
  return h(
    'li',
    { className: `item item-${c.state}`, id: `c-${c.id}`, tabindex: -1, 'data-key': `item:${c.id}`, 'aria-labelledby': titleId },
    tick,
    h(
      'div',
      { className: 'item-body' },
      title,
      h('div', { className: 'tags' }, tags),
      h('p', { className: c.state === 'missed' ? 'item-meta late' : 'item-meta', id: metaId }, `${owner} · ${due}`),
      c.detail ? h('p', { className: 'item-detail' }, c.detail) : null,
      moved(c),
      pending.map((r) =>
        h(
          'div',
          { className: 'proposal' },
          h('p', null, h('strong', null, `${r.requestedBy.name} proposed ${formatDate(r.toDate)}`), ` instead of ${formatDate(r.fromDate, true)} · ${ago(r.requestedAt)}`),
          h('p', { className: 'reason' }, `“${r.reason}”`),
          r.canAnswer
            ? h(
                'div',
                { className: 'row' },
                button('Accept new date', { variant: 'primary', small: true, busy: state.busy.has(`answer:${r.id}`), key: `accept:${r.id}`, ariaLabel: `Accept new date for “${c.title}”`, onClick: () => actions.answer(c, r.id, true) }),
                button('Keep the original date', { small: true, busy: state.busy.has(`answer:${r.id}`), key: `decline:${r.id}`, ariaLabel: `Keep the original date for “${c.title}”`, onClick: () => actions.answer(c, r.id, false) }),
              )
            : h('p', { className: 'muted' }, r.requestedBy.side === 'customer' ? `Waiting for ${plan.sellerContact.name}’s answer. Until then, ${formatDate(r.fromDate, true)} stands.` : 'Waiting for an answer.'),
        ),
      ),
      canRedate && state.redating !== c.id
        ? h('div', { className: 'row' }, button('Propose a new date', { small: true, variant: 'ghost', key: `open-redate:${c.id}`, ariaLabel: `Propose a new date for “${c.title}”`, onClick: () => actions.openRedate(c.id) }))
        : null,
      state.redating === c.id ? redateForm(c, state, actions) : null,
      message(state, c.id),
    ),
  );
}

/** A date in force that is not the one first agreed says so, whoever moved it, with when it was and why. */
function moved(c: GuestCommitment): HTMLElement | null {
  if (c.dueDate === c.originalDueDate) return null;
  const last = c.renegotiations.filter((r) => r.status === 'accepted' && r.toDate === c.dueDate).at(-1);
  if (!last) return null;
  return h('p', { className: 'item-moved' }, `Moved from ${formatDate(last.fromDate, true)}, asked by ${last.requestedBy.name} (${ago(last.requestedAt)}): “${last.reason}”`);
}

function redateForm(c: GuestCommitment, state: State, actions: Actions): HTMLElement {
  const late = c.dueDate < today();
  return h(
    'form',
    {
      className: 'inline-form-box',
      novalidate: true,
      'aria-label': `New date for “${c.title}”`,
      onSubmit: (e: Event) => {
        e.preventDefault();
        actions.submitRedate(c);
      },
    },
    h('p', { className: 'muted' }, late ? 'The date has passed — agreeing a new one still helps everyone plan.' : 'Saying so before the date helps everyone plan. The other side confirms the new date.'),
    field(state, actions, { key: 'redate.newDate', label: 'New date', type: 'date', required: true, min: c.earliestNewDate, hint: `Today (${formatDate(c.earliestNewDate, true)}) or later.` }),
    field(state, actions, { key: 'redate.reason', label: 'Reason', rows: 3, required: true, hint: 'Both sides see it.' }),
    h(
      'div',
      { className: 'row' },
      button('Send new date', { type: 'submit', variant: 'primary', busy: state.busy.has(`redate:${c.id}`) }),
      button('Cancel', { variant: 'ghost', onClick: actions.closeRedate }),
    ),
  );
}

/** Plain links: a calendar app subscribes to the feed (kept up to date), or takes a one-off file. */
function calendarSection(links: CalendarLinks): HTMLElement {
  return h(
    'section',
    { className: 'share-card share-calendar', 'aria-labelledby': 'calendar-h' },
    h('h2', { id: 'calendar-h' }, 'Your dates in your calendar'),
    h('p', { className: 'muted' }, 'Your team’s commitments on this plan, as all-day entries on their due dates. Only your side: nothing of ours.'),
    h(
      'p',
      { className: 'calendar-links' },
      h('a', { href: links.subscribe, className: 'btn btn-secondary btn-sm' }, 'Subscribe in your calendar app'),
      h('a', { href: links.download, download: 'plan.ics', className: 'btn btn-ghost btn-sm' }, 'Download once (.ics)'),
    ),
    h('p', { className: 'muted small' }, 'A subscription follows new dates and ticks; a download is a copy of today’s dates.'),
  );
}
