import type { GuestCommitment, GuestPlan } from '../../shared/plan-sharing';
import { GuestApiError, guestApi, tokenFromLocation } from './api';
import { h } from './dom';
import { formatDate } from './format';
import { button } from './fields';
import { initialState, type Actions, type State, type Tone } from './state';
import { planView, type CalendarLinks } from './view';
import { urlFor } from '../../shared/routes/client';
import { getSharedPlanCalendar } from '../../shared/routes/operations/calendar';
import '../styles/base.css';
import '../styles/forms.css';
import './share.css';

/**
 * The customer's plan page (/p/<token>): plain TypeScript, no framework, so it loads fast on a
 * phone. State lives in one object; every change re-renders the page and puts focus back where it was.
 */

const root = document.getElementById('app') as HTMLElement;
const live = document.getElementById('live') as HTMLElement;
const token = tokenFromLocation(window.location);
const api = guestApi(token ?? '');
const state: State = initialState();
/** The customer's side as a calendar: the feed keyed by this link's token (it ends with the link). */
const calendarPath = token ? urlFor(getSharedPlanCalendar, { params: { token } }) : '';
const calendarLinks: CalendarLinks = { subscribe: `webcal://${window.location.host}${calendarPath}`, download: calendarPath };
/** Where focus should land after the next render (a data-key), when not where it already is. */
let focusNext: string | null = null;

function render(): void {
  const active = document.activeElement as HTMLElement | null;
  const key = focusNext ?? active?.dataset.key ?? null;
  focusNext = null;
  root.setAttribute('aria-busy', state.plan || state.loadError ? 'false' : 'true');
  root.replaceChildren(state.plan ? planView(state.plan, state, actions, calendarLinks) : state.loadError ? failure(state.loadError) : loading());
  if (key) root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

const loading = () => h('p', { className: 'share-loading' }, h('span', { className: 'spinner', 'aria-hidden': 'true' }), ' Opening the plan…');

function failure(err: GuestApiError): HTMLElement {
  const gone = err.failure.status === 404;
  return h(
    'div',
    { className: 'share-card share-failure' },
    h('h1', null, gone ? 'This link does not open a plan' : 'The plan could not be loaded'),
    h('p', null, gone ? 'It may have expired or been switched off. Ask the person who sent it to you for a new link.' : err.message),
    gone ? null : button('Try again', { onClick: actions.reload, variant: 'primary' }),
  );
}

const announce = (text: string) => {
  live.textContent = '';
  // A fresh text node after clearing makes screen readers read repeated messages too.
  requestAnimationFrame(() => (live.textContent = text));
};

function say(key: string, text: string, tone: Tone = 'danger'): void {
  state.messages.set(key, { text, tone });
}

function replaceCommitment(c: GuestCommitment): void {
  if (!state.plan) return;
  const list = state.plan.commitments;
  state.plan = { ...state.plan, commitments: list.some((x) => x.id === c.id) ? list.map((x) => (x.id === c.id ? c : x)) : [...list, c] };
}

/**
 * Server field errors beside their fields (`newDate` → `redate.newDate`); the rest as the form's
 * message. A form without fields (answering a date) shows the server's own words. A plan closed
 * meanwhile is reloaded, so the page says it is closed and offers nothing to change.
 */
function fail(err: unknown, form: string, messageKey: string, hasFields = true): void {
  const failure = err instanceof GuestApiError ? err.failure : null;
  if (failure?.status === 404) {
    state.plan = null;
    state.loadError = err as GuestApiError;
    return;
  }
  if (failure?.code === 'plan_closed') {
    say(messageKey, failure.message);
    void load();
    return;
  }
  const fields = hasFields ? (failure?.details.filter((d) => d.path) ?? []) : [];
  for (const d of fields) state.errors[`${form}.${d.path.split('.')[0]}`] = d.message;
  say(messageKey, fields.length ? 'Some fields need attention — see the messages below them.' : (failure?.message ?? 'Something went wrong. Try again.'));
}

function clearForm(form: string, messageKey: string): void {
  state.messages.delete(messageKey);
  for (const k of Object.keys(state.errors)) if (k.startsWith(`${form}.`)) delete state.errors[k];
}

async function run(busyKey: string, work: () => Promise<void>): Promise<void> {
  if (state.busy.has(busyKey)) return;
  state.busy.add(busyKey);
  render();
  try {
    await work();
  } finally {
    state.busy.delete(busyKey);
    render();
  }
}

function required(form: string, checks: [field: string, ok: boolean, text: string][]): boolean {
  for (const [f, ok, text] of checks) if (!ok) state.errors[`${form}.${f}`] = text;
  const firstBad = checks.find(([, ok]) => !ok);
  if (firstBad) focusNext = `${form}.${firstBad[0]}`;
  return !firstBad;
}

const actions: Actions = {
  draft: (key, value) => {
    state.drafts[key] = value;
  },
  reload: () => void load(),
  tick: (c, done) =>
    void run(`tick:${c.id}`, async () => {
      state.messages.delete(c.id);
      try {
        replaceCommitment(await api.setDone(c.id, done));
        announce(done ? `Marked “${c.title}” done. Thank you!` : `Marked “${c.title}” not done.`);
      } catch (err) {
        fail(err, 'tick', c.id);
      }
      focusNext = `tick:${c.id}`;
    }),
  openRedate: (id) => {
    state.redating = id;
    state.drafts['redate.newDate'] = '';
    state.drafts['redate.reason'] = '';
    clearForm('redate', id);
    focusNext = 'redate.newDate';
    render();
  },
  closeRedate: () => {
    focusNext = state.redating ? `open-redate:${state.redating}` : null;
    state.redating = null;
    render();
  },
  submitRedate: (c) => {
    clearForm('redate', c.id);
    const newDate = state.drafts['redate.newDate'] ?? '';
    const reason = (state.drafts['redate.reason'] ?? '').trim();
    const ok = required('redate', [
      ['newDate', newDate !== '', 'Choose the new date.'],
      // With the reason missing too, the date already gone is flagged now, so both show at once;
      // alone, it is the server's to say (with the day and the zone it is judged in).
      ['newDate', newDate === '' || reason !== '' || newDate >= c.earliestNewDate, `Pick today (${formatDate(c.earliestNewDate, true)}) or a later date.`],
      ['reason', reason !== '', 'Say why, in a sentence.'],
    ]);
    if (!ok) return render();
    void run(`redate:${c.id}`, async () => {
      try {
        replaceCommitment(await api.proposeDate(c.id, newDate, reason));
        state.redating = null;
        say(c.id, 'New date sent. The other side confirms it; until then the current date stands.', 'success');
        focusNext = c.canTick ? `tick:${c.id}` : `item:${c.id}`;
      } catch (err) {
        fail(err, 'redate', c.id);
      }
    });
  },
  answer: (c, renegotiationId, accept) =>
    void run(`answer:${renegotiationId}`, async () => {
      state.messages.delete(c.id);
      try {
        replaceCommitment(await api.answer(renegotiationId, accept));
        say(c.id, accept ? 'New date accepted.' : 'You kept the original date.', 'success');
        focusNext = c.canTick ? `tick:${c.id}` : `item:${c.id}`;
      } catch (err) {
        fail(err, 'answer', c.id, false);
      }
    }),
  openAdd: () => {
    state.adding = true;
    clearForm('add', 'add');
    focusNext = 'add.title';
    render();
  },
  closeAdd: () => {
    state.adding = false;
    focusNext = 'open-add';
    render();
  },
  submitAdd: () => {
    clearForm('add', 'add');
    const d = state.drafts;
    const title = (d['add.title'] ?? '').trim();
    const dueDate = d['add.dueDate'] ?? '';
    const ok = required('add', [
      ['title', title !== '', 'Say what will be done.'],
      ['dueDate', dueDate !== '', 'Choose the date.'],
    ]);
    if (!ok) return render();
    void run('add', async () => {
      try {
        const ownerName = (d['add.ownerName'] ?? '').trim();
        const created = await api.addCommitment({ title, detail: (d['add.detail'] ?? '').trim() || null, dueDate, ownerName: ownerName || undefined, milestoneId: d['add.milestoneId'] || null });
        replaceCommitment(created);
        for (const k of ['add.title', 'add.detail', 'add.dueDate', 'add.ownerName', 'add.milestoneId']) delete d[k];
        state.adding = false;
        say('add', `Added “${created.title}” to the plan.`, 'success');
        focusNext = 'open-add';
      } catch (err) {
        fail(err, 'add', 'add');
      }
    });
  },
  submitComment: () => {
    clearForm('comment', 'comment');
    const body = (state.drafts['comment.body'] ?? '').trim();
    if (!required('comment', [['body', body !== '', 'Write something first.']])) return render();
    void run('comment', async () => {
      try {
        const comment = await api.comment(body);
        if (state.plan) state.plan = { ...state.plan, comments: [...state.plan.comments, comment] };
        state.drafts['comment.body'] = '';
        announce('Comment sent.');
        focusNext = 'comment.body';
      } catch (err) {
        fail(err, 'comment', 'comment');
      }
    });
  },
};

async function load(): Promise<void> {
  state.loadError = null;
  render();
  try {
    const plan: GuestPlan = await api.plan();
    state.plan = plan;
    document.title = `${plan.title} · Mutual plan`;
  } catch (err) {
    state.loadError = err instanceof GuestApiError ? err : new GuestApiError({ status: 0, code: 'unknown', message: 'Something went wrong.', details: [] });
  }
  render();
}

if (!token) {
  state.loadError = new GuestApiError({ status: 404, code: 'not_found', message: 'No plan in this address.', details: [] });
  render();
} else {
  void load();
}
