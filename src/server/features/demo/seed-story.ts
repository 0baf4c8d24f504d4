import type { Insertable } from 'kysely';
import { describeNotification } from '../../../shared/notifications.js';
import type {
  AccountObjectiveTable,
  CommitmentTable,
  InteractionAttendeeTable,
  InteractionTable,
  NotificationTable,
  ObjectiveContributorTable,
  ObjectiveInsightTable,
  ObjectiveOpportunityTable,
  OpportunityCriterionTable,
  OpportunityTable,
  RepTargetTable,
  SweetSpotCriterionTable,
} from '../../core/db/schema.js';
import { commitmentRow } from '../commitments/engine.js';
import type { DemoPersonKey } from './catalogue.js';
import type { PlannedInteraction } from './interactions.js';
import { SWEET_SPOT_CRITERIA } from './objective-stories.js';
import type { PlannedObjective, PlannedTarget } from './objectives.js';
import type { PlannedCounters, PlannedQualification } from './qualification.js';
import type { Recorder } from './seed-plans.js';

/** Rows are written by the demo's Scope, which adds the workspace id. */
type Row<T> = Omit<Insertable<T>, 'workspace_id'>;

export type StoryRows = {
  targets: Row<RepTargetTable>[];
  objectives: Row<AccountObjectiveTable>[];
  objectiveOpportunities: Row<ObjectiveOpportunityTable>[];
  contributors: Row<ObjectiveContributorTable>[];
  insights: Row<ObjectiveInsightTable>[];
  tasks: Row<CommitmentTable>[];
  /** Actions agreed in interactions that advanced (commitments with the interaction as subject). */
  agreedActions: Row<CommitmentTable>[];
  notifications: Row<NotificationTable>[];
  interactions: Row<InteractionTable>[];
  attendees: Row<InteractionAttendeeTable>[];
  criteria: Row<SweetSpotCriterionTable>[];
  answers: Row<OpportunityCriterionTable>[];
  /** Per opportunity: its counters and qualification columns, and when they last changed (a history event). */
  opportunityColumns: { columns: Partial<Insertable<OpportunityTable>>; at: string | null }[];
};

type Context = {
  people: Record<DemoPersonKey, { id: string; name: string }>;
  accountIds: readonly string[];
  opportunityIds: readonly string[];
  /** Per opportunity, in the same order: its account (index) and owner. */
  opportunities: readonly { account: number; owner: DemoPersonKey }[];
  contacts: readonly (readonly { id: string; name: string }[])[];
  /** When sales ops set the workspace up (criteria are defined then). */
  setUpAt: string;
  backdatedId: (at: string) => string;
  record: Recorder;
};

type Story = {
  objectives: readonly PlannedObjective[];
  targets: readonly PlannedTarget[];
  interactions: readonly PlannedInteraction[];
  counters: readonly PlannedCounters[];
  qualification: readonly PlannedQualification[];
};

function objectiveRows(story: Story, ctx: Context, out: StoryRows): string[] {
  const { people, backdatedId, record } = ctx;
  return story.objectives.map((o) => {
    const owner = people[o.owner];
    const id = backdatedId(o.createdAt);
    const opportunityIds = o.opportunities.map((i) => ctx.opportunityIds[i]);
    const created = {
      id,
      account_id: ctx.accountIds[o.account],
      title: o.title,
      kind: o.kind,
      client_goal: o.clientGoal,
      target_amount_minor: o.target?.amountMinor ?? null,
      target_currency: o.target?.currency ?? null,
      target_date: o.targetDate,
      status: o.statusChanges[0]?.from ?? o.status,
      owner_id: owner.id,
      version: 1,
      created_at: o.createdAt,
      updated_at: o.createdAt,
    };
    // As the objectives feature records it: the row with its linked deals as a list.
    record(owner, o.createdAt, 'objective', id, 'create', null, { ...created, opportunity_ids: [...opportunityIds].sort().join(',') });
    for (const c of o.statusChanges) record(owner, c.at, 'objective', id, 'update', { status: c.from }, { status: c.to });
    out.objectives.push({ ...created, status: o.status, version: 1 + o.statusChanges.length, updated_at: o.statusChanges.at(-1)?.at ?? o.createdAt });
    for (const opportunity_id of opportunityIds) out.objectiveOpportunities.push({ objective_id: id, opportunity_id });

    for (const c of o.contributors) {
      const user = people[c.user];
      out.contributors.push({ objective_id: id, user_id: user.id, invited_by_id: owner.id, created_at: c.at });
      record(owner, c.at, 'objective', id, 'invite', { contributor_id: null }, { contributor_id: user.id });
      const data = { objectiveTitle: o.title };
      out.notifications.push({
        id: backdatedId(c.at),
        user_id: user.id,
        kind: 'objective_invited',
        plan_id: null,
        objective_id: id,
        actor_name: owner.name,
        data: JSON.stringify(data),
        share_link_id: null,
        event_count: 1,
        last_event_at: c.at,
        text: describeNotification({ kind: 'objective_invited', actorName: owner.name, data, count: 1 }),
        created_at: c.at,
        read_at: c.readAt,
      });
    }
    for (const insight of o.insights) {
      const author = people[insight.by];
      const row = { id: backdatedId(insight.at), objective_id: id, author_id: author.id, author_name: author.name, body: insight.body, created_at: insight.at };
      out.insights.push(row);
      record(author, insight.at, 'objective_insight', row.id, 'create', null, row);
    }
    o.tasks.forEach((t, position) => {
      const taker = people[t.owner];
      // The engine's own row for a new task; done later if the story says so.
      const first = commitmentRow(
        { kind: 'objective', id },
        { side: 'seller', owner_user_id: taker.id, owner_contact_id: null, owner_name: null, owner_email: null, title: t.title, detail: t.detail, dueDate: t.dueDate, mustDo: t.mustDo },
        { id: backdatedId(t.createdAt), position, now: t.createdAt },
      );
      record(taker, t.createdAt, 'commitment', first.id, 'create', null, first);
      if (!t.doneAt) return void out.tasks.push(first);
      record(taker, t.doneAt, 'commitment', first.id, 'update', { status: 'open', done_at: null }, { status: 'done', done_at: t.doneAt });
      out.tasks.push({ ...first, status: 'done', done_at: t.doneAt, version: 2, updated_at: t.doneAt });
    });
    return id;
  });
}

function interactionRows(story: Story, ctx: Context, objectiveIds: readonly string[], out: StoryRows): void {
  const { people, backdatedId, record } = ctx;
  for (const i of story.interactions) {
    const owner = people[i.owner];
    const id = backdatedId(i.createdAt);
    const planned = {
      id,
      account_id: ctx.accountIds[i.account],
      opportunity_id: i.opportunity === null ? null : ctx.opportunityIds[i.opportunity],
      objective_id: i.objective === null ? null : objectiveIds[i.objective],
      owner_id: owner.id,
      kind: i.kind,
      starts_at: i.startsAt,
      time_zone: i.timeZone,
      duration_minutes: i.durationMinutes,
      sort_at: i.sortAt,
      outcome_kind: i.outcomeKind,
      outcome_statement: i.statement,
      needs_several_calls: i.needsSeveralCalls ? 1 : 0,
      first_call_goal: i.firstCallGoal,
      planning_notes: i.planningNotes,
      result: null,
      result_agreed: null,
      result_notes: null,
      result_recorded_at: null,
      result_recorded_by_id: null,
      cancelled_at: null,
      version: 1,
      created_at: i.createdAt,
      updated_at: i.createdAt,
    };
    const contacts = ctx.contacts[i.account];
    const contactIds = i.contacts.map((c) => contacts[c].id);
    const userIds = i.users.map((u) => people[u].id);
    // As the interactions feature records a plan: the row and who attends.
    record(owner, i.createdAt, 'interaction', id, 'create', null, { ...planned, attendee_contact_ids: contactIds.join(','), attendee_user_ids: userIds.join(',') });
    for (const contact_id of contactIds) out.attendees.push({ id: backdatedId(i.createdAt), interaction_id: id, contact_id, user_id: null });
    for (const user_id of userIds) out.attendees.push({ id: backdatedId(i.createdAt), interaction_id: id, contact_id: null, user_id });
    if (i.result === null || i.recordedAt === null) {
      out.interactions.push(planned);
      continue;
    }
    const recordedAt = i.recordedAt;
    // The actions agreed when it advanced: commitments of the engine, kept on the interaction.
    i.actions.forEach((a, position) => {
      const row = commitmentRow(
        { kind: 'interaction', id },
        {
          side: a.side,
          owner_user_id: a.ownerUser ? people[a.ownerUser].id : null,
          owner_contact_id: a.ownerContact !== null ? contacts[a.ownerContact].id : null,
          owner_name: null,
          owner_email: null,
          title: a.title,
          dueDate: a.dueDate,
          mustDo: a.mustDo,
          agreedInInteractionId: id,
        },
        { id: backdatedId(recordedAt), position, now: recordedAt },
      );
      record(owner, recordedAt, 'commitment', row.id, 'create', null, row);
      out.agreedActions.push(row);
    });
    const result = { result: i.result, ...(i.agreed !== null ? { result_agreed: i.agreed } : {}), ...(i.resultNotes !== null ? { result_notes: i.resultNotes } : {}) };
    const actions = i.actions.length ? { agreed_actions_added: i.actions.length, agreed_actions_on: `interaction:${id}` } : {};
    record(owner, recordedAt, 'interaction', id, 'record', Object.fromEntries(Object.keys(result).map((k) => [k, null])), { ...result, ...actions });
    out.interactions.push({ ...planned, ...result, result_recorded_at: recordedAt, result_recorded_by_id: owner.id, version: 2, updated_at: recordedAt });
  }
}

function qualificationRows(story: Story, ctx: Context, out: StoryRows): void {
  const { people, backdatedId, record } = ctx;
  const admin = people.admin;
  const criterionIds = SWEET_SPOT_CRITERIA.map((label, position) => {
    const row = { id: backdatedId(ctx.setUpAt), label, position, archived_at: null, version: 1, created_at: ctx.setUpAt, updated_at: ctx.setUpAt };
    out.criteria.push(row);
    record(admin, ctx.setUpAt, 'sweet_spot_criterion', row.id, 'create', null, row);
    return row.id;
  });
  story.qualification.forEach((q, index) => {
    const counters = story.counters[index];
    const opportunityId = ctx.opportunityIds[q.opportunity];
    const { account, owner } = ctx.opportunities[q.opportunity];
    const qualification = {
      change_commitment: q.changeCommitment,
      change_evidence: q.evidence,
      change_said_by_contact_id: q.saidBy === null ? null : ctx.contacts[account][q.saidBy].id,
      change_said_by_name: null,
      change_said_on: q.saidOn,
      cost_of_inaction: q.costOfInaction,
      cost_per_month_minor: q.costPerMonthMinor,
      compelling_event: q.compellingEvent,
      compelling_event_date: q.compellingEventDate,
    };
    // As the qualification feature stores them: "unknown" is no row at all.
    const answers = q.fit.flatMap((answer, k) => (answer === 'met' || answer === 'not_met' ? [{ k, answer }] : []));
    for (const { k, answer } of answers) out.answers.push({ opportunity_id: opportunityId, criterion_id: criterionIds[k], answer });
    const written = Object.fromEntries(Object.entries(qualification).filter(([k, v]) => v !== null && !(k === 'change_commitment' && v === 'none')));
    if (answers.length > 0 || Object.keys(written).length > 0) {
      // One history event on the deal, worded as the feature words it: who said it by name, each criterion by its label.
      const before: Record<string, unknown> = Object.fromEntries(Object.keys(written).map((k) => [k, k === 'change_commitment' ? 'none' : null]));
      const after: Record<string, unknown> = { ...written };
      if (q.saidBy !== null) {
        before.change_said_by = null;
        after.change_said_by = ctx.contacts[account][q.saidBy].name;
      }
      for (const { k, answer } of answers) {
        before[`criterion:${SWEET_SPOT_CRITERIA[k]}`] = 'unknown';
        after[`criterion:${SWEET_SPOT_CRITERIA[k]}`] = answer;
      }
      record(people[owner], q.at, 'opportunity', opportunityId, 'update', before, after);
    }
    const changed = answers.length > 0 || Object.keys(written).length > 0;
    out.opportunityColumns.push({ columns: { ...qualification, results_count: counters.resultsCount, no_advance_streak: counters.noAdvanceStreak }, at: changed ? q.at : null });
  });
}

/**
 * The rows of the demo's objectives, yearly targets, interactions and qualification, exactly as the
 * features write them, with their audit events recorded at the moment each thing happened.
 */
export function storyRows(story: Story, ctx: Context): StoryRows {
  const out: StoryRows = { targets: [], objectives: [], objectiveOpportunities: [], contributors: [], insights: [], tasks: [], agreedActions: [], notifications: [], interactions: [], attendees: [], criteria: [], answers: [], opportunityColumns: [] };
  const manager = ctx.people.manager;
  for (const t of story.targets) {
    const row = { id: ctx.backdatedId(t.setAt), user_id: ctx.people[t.user].id, fiscal_year: t.fiscalYear, amount_minor: t.amountMinor, currency: t.currency, set_by_id: manager.id, version: 1, created_at: t.setAt, updated_at: t.setAt };
    out.targets.push(row);
    ctx.record(manager, t.setAt, 'rep_target', row.id, 'create', null, row);
  }
  const objectiveIds = objectiveRows(story, ctx, out);
  interactionRows(story, ctx, objectiveIds, out);
  qualificationRows(story, ctx, out);
  return out;
}
