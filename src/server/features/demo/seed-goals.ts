import type { Insertable } from 'kysely';
import { todayIn } from '../../../domain/dates.js';
import { DEFAULT_CHECK_IN_QUESTIONS } from '../../../shared/check-ins.js';
import { describeNotification } from '../../../shared/notifications.js';
import type {
  CheckInAnswersTable,
  CheckInNoteTable,
  CheckInSeriesTable,
  CheckInTable,
  CommitmentTable,
  GoalNoteTable,
  GoalStepTable,
  GoalTable,
  NotificationTable,
  WhyLadderTable,
  WhyRungTable,
} from '../../core/db/schema.js';
import { commitmentRow } from '../commitments/engine.js';
import { DEMO_PEOPLE, type DemoPersonKey } from './catalogue.js';
import { managerClock, type PlannedGoal, type PlannedGoals, type PlannedLadder, type PlannedSeries } from './goal-stories.js';
import type { Recorder } from './seed-plans.js';

/** Rows are written by the demo's Scope, which adds the workspace id. */
type Row<T> = Omit<Insertable<T>, 'workspace_id'>;

export type GoalRows = {
  ladders: Row<WhyLadderTable>[];
  rungs: Row<WhyRungTable>[];
  goals: Row<GoalTable>[];
  steps: Row<GoalStepTable>[];
  notes: Row<GoalNoteTable>[];
  series: Row<CheckInSeriesTable>[];
  checkIns: Row<CheckInTable>[];
  answers: Row<CheckInAnswersTable>[];
  checkInNotes: Row<CheckInNoteTable>[];
  /** The actions agreed in check-ins: the commitment engine's own rows (subject `check_in`). */
  actions: Row<CommitmentTable>[];
  notifications: Row<NotificationTable>[];
};

type Context = {
  people: Record<DemoPersonKey, { id: string; name: string }>;
  backdatedId: (at: string) => string;
  record: Recorder;
};

const latest = (...instants: (string | null)[]) => instants.filter((x): x is string => x !== null).sort().at(-1) as string;

/**
 * The rows of the goals story, as the goals and check-ins features write them — ladders and rungs,
 * goals with their one current step, check-ins with answers, notes and agreed actions — each with
 * its audit events at the moment it happened: the why ladders' under their private entity types
 * (their owner's history alone), a goal's without the link to a why (as goals.service does).
 */
export function goalRows(plan: PlannedGoals, ctx: Context): GoalRows {
  const out: GoalRows = { ladders: [], rungs: [], goals: [], steps: [], notes: [], series: [], checkIns: [], answers: [], checkInNotes: [], actions: [], notifications: [] };
  const ladderIds = plan.ladders.map((l) => ladderRows(l, ctx, out));
  for (const goal of plan.goals) goalRowsOf(goal, goal.why === null ? null : ladderIds[goal.why], ctx, out);
  for (const series of plan.series) seriesRows(series, ctx, out);
  return out;
}

function ladderRows(l: PlannedLadder, { people, backdatedId, record }: Context, out: GoalRows): string {
  const owner = people[l.owner];
  const id = backdatedId(l.createdAt);
  record(owner, l.createdAt, 'why_ladder', id, 'create', null, { owner_id: owner.id, shared_with_manager: 0 });
  l.rungs.forEach((r, position) => {
    const rung = { id: backdatedId(r.at), ladder_id: id, position, answer: r.answer, created_at: r.at };
    out.rungs.push(rung);
    record(owner, r.at, 'why_rung', rung.id, 'create', null, { ladder_id: id, position, answer: r.answer });
  });
  const lastRung = l.rungs.at(-1)?.at ?? l.createdAt;
  let version = l.rungs.length;
  if (l.stoppedChanging) {
    version += 1;
    record(owner, lastRung, 'why_ladder', id, 'update', { stopped_changing: 0 }, { stopped_changing: 1 });
  }
  if (l.why && l.whySavedAt) {
    version += 1;
    record(owner, l.whySavedAt, 'why_ladder', id, 'update', { why: null, why_saved_at: null }, { why: l.why, why_saved_at: l.whySavedAt });
  }
  if (l.sharedAt) {
    version += 1;
    record(owner, l.sharedAt, 'why_ladder', id, 'update', { shared_with_manager: 0, shared_at: null }, { shared_with_manager: 1, shared_at: l.sharedAt });
  }
  out.ladders.push({
    id,
    owner_id: owner.id,
    why: l.why,
    why_saved_at: l.whySavedAt,
    stopped_changing: l.stoppedChanging ? 1 : 0,
    shared_with_manager: l.sharedAt ? 1 : 0,
    shared_at: l.sharedAt,
    version,
    created_at: l.createdAt,
    updated_at: latest(lastRung, l.whySavedAt, l.sharedAt),
  });
  return id;
}

function goalRowsOf(g: PlannedGoal, whyId: string | null, { people, backdatedId, record }: Context, out: GoalRows): void {
  const owner = people[g.owner];
  const setter = people[g.setBy];
  const zone = DEMO_PEOPLE[g.owner].timeZone;
  const id = backdatedId(g.createdAt);
  const row = {
    id,
    owner_id: owner.id,
    set_by_id: setter.id,
    kind: g.kind,
    title: g.title,
    period_start: g.period.start,
    period_end: g.period.end,
    measure: g.measure,
    measure_amount_minor: g.measureAmount?.amountMinor ?? null,
    measure_currency: g.measureAmount?.currency ?? null,
    target_value: g.targetValue,
    target_amount_minor: g.targetAmount?.amountMinor ?? null,
    target_currency: g.targetAmount?.currency ?? null,
    why_id: whyId,
    stretch: g.stretch ? 1 : 0,
    status: 'active' as GoalTable['status'],
    closed_at: null as string | null,
    version: 1,
    created_at: g.createdAt,
    updated_at: g.createdAt,
  };
  // The goal's own history never names the why (its manager reads it): the link is on the ladder's.
  const { why_id: _private, ...shared } = row;
  record(setter, g.createdAt, 'goal', id, 'create', null, shared);
  if (whyId) record(owner, g.createdAt, 'why_ladder', whyId, 'update', { linked_goal_id: null }, { linked_goal_id: id });
  let updatedAt = g.createdAt;
  g.steps.forEach((s, position) => {
    const step = {
      id: backdatedId(s.createdAt),
      goal_id: id,
      position,
      text: s.text,
      status: s.status,
      lesson: s.lesson,
      done_at: s.doneAt,
      done_on: s.doneAt ? todayIn(zone, new Date(s.doneAt)) : null,
      closed_at: s.closedAt,
      created_at: s.createdAt,
    };
    out.steps.push(step);
    // The first step comes with the goal (from whoever set it); each next one with the step it follows.
    record(position === 0 ? setter : owner, s.createdAt, 'goal_step', step.id, 'create', null, { goal_id: id, position, text: s.text, status: 'current' });
    if (s.status === 'done' && s.doneAt) {
      record(owner, s.doneAt, 'goal_step', step.id, 'complete', { status: 'current' }, { status: 'done', lesson: s.lesson, done_on: step.done_on });
      row.version += 1;
      updatedAt = latest(updatedAt, s.doneAt);
    }
  });
  if (g.status !== 'active' && g.closedAt) {
    const current = g.steps.at(-1);
    if (g.status === 'done') {
      record(owner, g.closedAt, 'goal', id, 'update', { status: 'active' }, { status: 'done' });
    } else {
      record(owner, g.closedAt, 'goal', id, 'update', { status: 'active', closed_at: null }, { status: g.status, closed_at: g.closedAt });
      if (current?.status === 'set_aside') record(owner, g.closedAt, 'goal_step', out.steps.at(-1)!.id, 'update', { status: 'current' }, { status: 'set_aside' });
      row.version += 1;
    }
    row.status = g.status;
    row.closed_at = g.closedAt;
    updatedAt = latest(updatedAt, g.closedAt);
  }
  for (const n of g.notes) {
    const note = { id: backdatedId(n.at), goal_id: id, author_id: owner.id, body: n.body, created_at: n.at };
    out.notes.push(note);
    record(owner, n.at, 'goal_note', note.id, 'create', null, { goal_id: id, body: n.body });
  }
  out.goals.push({ ...row, updated_at: updatedAt });
}

const QUESTIONS = JSON.stringify(DEFAULT_CHECK_IN_QUESTIONS);
const NOTIFIED_DAYS = 42;

function seriesRows(s: PlannedSeries, { people, backdatedId, record }: Context, out: GoalRows): void {
  const manager = people.manager;
  const rep = people[s.rep];
  const seriesId = backdatedId(s.createdAt);
  const series = {
    id: seriesId,
    manager_id: manager.id,
    rep_id: rep.id,
    cadence: s.cadence,
    weekday: s.weekday,
    day_of_month: s.dayOfMonth,
    time: s.time,
    time_zone: s.timeZone,
    starts_on: s.startsOn,
    duration_minutes: s.durationMinutes,
    ended_at: null,
    version: 1,
    created_at: s.createdAt,
    updated_at: s.createdAt,
  };
  out.series.push(series);
  record(manager, s.createdAt, 'check_in_series', seriesId, 'create', null, series);

  for (const c of s.checkIns) {
    const id = backdatedId(c.openedAt);
    const opened = {
      id,
      series_id: seriesId,
      manager_id: manager.id,
      rep_id: rep.id,
      scheduled_at: c.at,
      local_date: c.localDate,
      local_time: c.localTime,
      time_zone: s.timeZone,
      status: 'upcoming' as CheckInTable['status'],
      held_at: null as string | null,
    };
    // Opened when its reminder was due (by Advance), as the bell does.
    record({ id: null, name: 'Advance' }, c.openedAt, 'check_in', id, 'create', null, opened);
    const closedAt = c.heldAt ?? c.at;
    record(manager, closedAt, 'check_in', id, 'update', { status: 'upcoming', held_at: null }, { status: c.status, held_at: c.heldAt });
    out.checkIns.push({ ...opened, questions: QUESTIONS, status: c.status, held_at: c.heldAt, version: 2, created_at: c.openedAt, updated_at: closedAt });

    const answers = JSON.stringify(c.answers);
    out.answers.push({ id, answers, submitted_at: c.submittedAt, version: c.submittedAt ? 2 : 1, created_at: c.openedAt, updated_at: c.submittedAt ?? c.openedAt });
    if (c.submittedAt) record(rep, c.submittedAt, 'check_in_answers', id, 'update', { answers: '[]', submitted_at: null }, { answers, submitted_at: c.submittedAt });
    // Daniel heard of the answers of the last weeks' check-ins (older notifications have been tidied away).
    if (c.submittedAt && Date.parse(c.at) > Date.parse(s.checkIns.at(-1)?.at ?? c.at) - NOTIFIED_DAYS * 86_400_000) {
      const { date, time } = managerClock(c.at);
      const data = { date, time };
      out.notifications.push({
        id: backdatedId(c.submittedAt),
        user_id: manager.id,
        kind: 'check_in_answers_arrived',
        plan_id: null,
        check_in_id: id,
        dedupe_key: `check_in_answers:${id}`,
        actor_name: rep.name,
        data: JSON.stringify(data),
        share_link_id: null,
        event_count: 1,
        last_event_at: c.submittedAt,
        text: describeNotification({ kind: 'check_in_answers_arrived', actorName: rep.name, data, count: 1 }),
        created_at: c.submittedAt,
        // Read when he opened the check-in to meet.
        read_at: c.at,
      });
    }
    for (const n of c.notes) {
      const note = { id: backdatedId(n.at), check_in_id: id, author_id: manager.id, author_name: manager.name, body: n.body, visibility: n.visibility, version: 1, created_at: n.at, updated_at: n.at };
      out.checkInNotes.push(note);
      // Who wrote a note and who may read it — never what a private note says (as check-ins/service.ts).
      record(manager, n.at, 'check_in_note', note.id, 'create', null, { check_in_id: id, author_id: manager.id, visibility: n.visibility, body_chars: n.body.length });
    }
    c.actions.forEach((a, position) => {
      const owner = a.owner === 'manager' ? manager : rep;
      const first = commitmentRow(
        { kind: 'check_in', id },
        { side: 'seller', owner_user_id: owner.id, owner_contact_id: null, owner_name: null, owner_email: null, title: a.title, dueDate: a.dueDate },
        { id: backdatedId(a.createdAt), position, now: a.createdAt },
      );
      record(manager, a.createdAt, 'commitment', first.id, 'create', null, first);
      let row: Row<CommitmentTable> = first;
      if (a.status === 'done' && a.doneAt) {
        record(owner, a.doneAt, 'commitment', first.id, 'update', { status: 'open', done_at: null }, { status: 'done', done_at: a.doneAt });
        row = { ...first, status: 'done', done_at: a.doneAt, version: 2, updated_at: a.doneAt };
      } else if (a.status === 'dropped' && a.dropped) {
        record(manager, a.dropped.at, 'commitment', first.id, 'update', { status: 'open', drop_reason: null }, { status: 'dropped', drop_reason: a.dropped.reason });
        row = { ...first, status: 'dropped', drop_reason: a.dropped.reason, version: 2, updated_at: a.dropped.at };
      }
      out.actions.push(row);
    });
  }
}
