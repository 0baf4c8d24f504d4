import { CALENDAR_CANCELLED_KEEP_DAYS, CALENDAR_PAST_INTERACTION_DAYS } from '../../../shared/calendar.js';
import { ADVANCE_KIND_LABELS, INTERACTION_KIND_LABELS } from '../../../shared/interactions.js';
import { eventEnd, feedSequence, feedStatus, latest } from '../../../domain/calendar.js';
import type { Scope } from '../../core/scope.js';
import { selectCommitments, type AnyCommitmentRow } from '../commitments/queries.js';
import type { FeedEvent } from './ics.js';

const DAY_MS = 86_400_000;
/** At most this many interactions in one feed (the newest): a feed is for planning, not an archive. */
const MAX_INTERACTIONS = 1000;
const CLOSED_PLAN = new Set(['completed', 'abandoned']);
const OPEN_OBJECTIVE = new Set(['planned', 'active']);

/** What a commitment belongs to, as its event shows it. */
type Subject = { label: string; path: string; closed: boolean; version: number; updatedAt: string };

const commitmentUid = (id: string) => `commitment-${id}@advance`;
const interactionUid = (id: string) => `interaction-${id}@advance`;

/** The subjects of these commitments, one query per kind (only their titles and state: nothing private). */
async function subjectsOf(scope: Scope, rows: readonly AnyCommitmentRow[]): Promise<Map<string, Subject>> {
  const ids = (kind: AnyCommitmentRow['subject_kind']) => [...new Set(rows.filter((r) => r.subject_kind === kind).map((r) => r.subject_id))];
  const [plans, objectives, interactions, checkIns] = [ids('plan'), ids('objective'), ids('interaction'), ids('check_in')];
  const out = new Map<string, Subject>();
  const [p, o, i, c] = await Promise.all([
    plans.length
      ? scope
          .selectFrom('plans')
          .innerJoin('opportunities as deal', 'deal.id', 'plans.opportunity_id')
          .select(['plans.id', 'plans.title', 'plans.status', 'plans.version', 'plans.updated_at', 'deal.name as deal_name'])
          .where('plans.id', 'in', plans)
          .execute()
      : [],
    objectives.length
      ? scope
          .selectFrom('account_objectives')
          .innerJoin('accounts as account', 'account.id', 'account_objectives.account_id')
          .select(['account_objectives.id', 'account_objectives.title', 'account_objectives.status', 'account_objectives.version', 'account_objectives.updated_at', 'account.name as account_name'])
          .where('account_objectives.id', 'in', objectives)
          .execute()
      : [],
    interactions.length
      ? scope
          .selectFrom('interactions')
          .innerJoin('accounts as account', 'account.id', 'interactions.account_id')
          .select(['interactions.id', 'interactions.kind', 'interactions.cancelled_at', 'interactions.version', 'interactions.updated_at', 'account.name as account_name'])
          .where('interactions.id', 'in', interactions)
          .execute()
      : [],
    checkIns.length
      ? scope
          .selectFrom('check_ins')
          .innerJoin('users as manager', 'manager.id', 'check_ins.manager_id')
          .innerJoin('users as rep', 'rep.id', 'check_ins.rep_id')
          .select(['check_ins.id', 'check_ins.local_date', 'check_ins.version', 'check_ins.updated_at', 'manager.name as manager_name', 'rep.name as rep_name'])
          .where('check_ins.id', 'in', checkIns)
          .execute()
      : [],
  ]);
  for (const r of p) out.set(r.id, { label: `the mutual plan “${r.title}” (${r.deal_name})`, path: `/plans/${r.id}`, closed: CLOSED_PLAN.has(r.status), version: r.version, updatedAt: r.updated_at });
  for (const r of o) out.set(r.id, { label: `the objective “${r.title}” (${r.account_name})`, path: `/objectives/${r.id}`, closed: !OPEN_OBJECTIVE.has(r.status), version: r.version, updatedAt: r.updated_at });
  for (const r of i) {
    out.set(r.id, { label: `the ${INTERACTION_KIND_LABELS[r.kind].toLowerCase()} with ${r.account_name}`, path: `/interactions/${r.id}`, closed: r.cancelled_at !== null, version: r.version, updatedAt: r.updated_at });
  }
  for (const r of c) out.set(r.id, { label: `the check-in of ${r.local_date} (${r.manager_name} and ${r.rep_name})`, path: `/check-ins/${r.id}`, closed: false, version: r.version, updatedAt: r.updated_at });
  return out;
}

/** A commitment as an all-day event on its due date (null once it has been over long enough). */
export function commitmentEvent(row: AnyCommitmentRow, subject: Pick<Subject, 'closed' | 'version' | 'updatedAt'>, words: { context: string; url: string | null }, now: Date): FeedEvent | null {
  const changedAt = latest(row.updated_at, subject.updatedAt);
  const status = feedStatus({ open: row.status === 'open' && !subject.closed, lastChangedAt: changedAt }, now, CALENDAR_CANCELLED_KEEP_DAYS);
  if (!status) return null;
  const state = row.status === 'done' ? 'Done. ' : row.status === 'dropped' ? 'Dropped. ' : subject.closed ? 'No longer planned. ' : '';
  return {
    uid: commitmentUid(row.id),
    sequence: feedSequence(row.version, subject.version),
    status,
    summary: `${row.must_do === 1 ? 'Must do: ' : ''}${row.title}`,
    description: [`${state}Due ${row.due_date}: ${words.context}.`, row.detail ?? '', words.url ? `Open: ${words.url}` : ''].filter(Boolean).join('\n\n'),
    url: words.url,
    created: row.created_at,
    changedAt,
    when: { allDay: row.due_date },
  };
}

/**
 * A person's feed: the commitments they own, of every kind (one engine: commitments/queries.ts),
 * and the interactions they own or attend that have a time. Only titles, dates, the planned outcome
 * and links: no notes, no internal detail beyond what the person wrote on the commitment itself.
 */
export async function personalEvents(scope: Scope, userId: string, baseUrl: string, now: Date): Promise<FeedEvent[]> {
  const keepFrom = new Date(now.getTime() - CALENDAR_CANCELLED_KEEP_DAYS * DAY_MS).toISOString();
  const commitments = await selectCommitments(scope)
    .where('commitments.owner_user_id', '=', userId)
    .where((eb) => eb.or([eb('commitments.status', '=', 'open'), eb('commitments.updated_at', '>=', keepFrom)]))
    .execute();
  const subjects = await subjectsOf(scope, commitments);
  const events: FeedEvent[] = [];
  for (const row of commitments) {
    const subject = subjects.get(row.subject_id);
    if (!subject) continue;
    const event = commitmentEvent(row, subject, { context: `your commitment on ${subject.label}`, url: `${baseUrl}${subject.path}` }, now);
    if (event) events.push(event);
  }

  // Owned and attended in two queries, each on its index (an OR of both would read every interaction).
  const from = new Date(now.getTime() - CALENDAR_PAST_INTERACTION_DAYS * DAY_MS).toISOString();
  const planned = () =>
    scope
      .selectFrom('interactions')
      .innerJoin('accounts as account', 'account.id', 'interactions.account_id')
      .select([
        'interactions.id',
        'interactions.kind',
        'interactions.starts_at',
        'interactions.time_zone',
        'interactions.duration_minutes',
        'interactions.outcome_kind',
        'interactions.outcome_statement',
        'interactions.cancelled_at',
        'interactions.version',
        'interactions.created_at',
        'interactions.updated_at',
        'account.name as account_name',
      ])
      .where('interactions.starts_at', 'is not', null)
      // sort_at is starts_at when there is one: the range the indexes serve.
      .where('interactions.sort_at', '>=', from)
      .where((eb) => eb.or([eb('interactions.cancelled_at', 'is', null), eb('interactions.updated_at', '>=', keepFrom)]))
      .orderBy('interactions.sort_at', 'desc')
      .limit(MAX_INTERACTIONS);
  const attending = scope.selectFrom('interaction_attendees').select('interaction_attendees.interaction_id').where('interaction_attendees.user_id', '=', userId);
  const [owned, attended] = await Promise.all([
    planned().where('interactions.owner_id', '=', userId).execute(),
    planned().where('interactions.id', 'in', attending).where('interactions.owner_id', '!=', userId).execute(),
  ]);
  const interactions = [...owned, ...attended];
  for (const i of interactions) {
    const status = feedStatus({ open: i.cancelled_at === null, lastChangedAt: i.updated_at }, now, CALENDAR_CANCELLED_KEEP_DAYS);
    if (!status || !i.starts_at) continue;
    const url = `${baseUrl}/interactions/${i.id}`;
    events.push({
      uid: interactionUid(i.id),
      sequence: feedSequence(i.version),
      status,
      summary: `${INTERACTION_KIND_LABELS[i.kind]} with ${i.account_name}`,
      description: [
        status === 'cancelled' ? 'Cancelled.' : '',
        `What the customer should agree to (${ADVANCE_KIND_LABELS[i.outcome_kind].toLowerCase()}): ${i.outcome_statement}`,
        `Open: ${url}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
      url,
      created: i.created_at,
      changedAt: i.updated_at,
      when: { start: i.starts_at, end: eventEnd(i.starts_at, i.duration_minutes), timeZone: i.time_zone ?? 'UTC' },
    });
  }
  return events;
}

/**
 * The customer's own side of one plan: customer-side commitments that are not internal-only (what
 * the share page shows them), never the seller side.
 */
export async function customerEvents(scope: Scope, plan: { id: string; title: string; status: string; version: number; updatedAt: string }, shareUrl: string, now: Date): Promise<FeedEvent[]> {
  const rows = await selectCommitments(scope)
    .where('commitments.subject_kind', '=', 'plan')
    .where('commitments.plan_id', '=', plan.id)
    .where('commitments.side', '=', 'customer')
    .where('commitments.internal_only', '=', 0)
    .execute();
  const subject = { closed: CLOSED_PLAN.has(plan.status), version: plan.version, updatedAt: plan.updatedAt };
  return rows.flatMap((row) => commitmentEvent(row, subject, { context: `${row.owner_user_name ?? row.owner_contact_name ?? row.owner_name ?? 'Your side'}’s commitment on “${plan.title}”`, url: shareUrl }, now) ?? []);
}
