import { randomBytes } from 'node:crypto';
import { judgeCustomerWordOfWorkspace } from '../commitments/customer-word.js';
import { fixZones } from '../commitments/zones.js';
import { refreshFocusFlags } from '../focus/stored.js';
import type { Selectable } from 'kysely';
import { uuidV7At } from '../../../domain/demo-data.js';
import { DEFAULT_STAGES } from '../../../shared/stages.js';
import { audit, diff, type AuditAction, type AuditEntity } from '../../core/audit.js';
import type { Db } from '../../core/db/connect.js';
import type { AuditEventTable, OpportunityTable } from '../../core/db/schema.js';
import { seedBuiltInTemplates } from '../templates/templates.js';
import { Scope } from '../../core/scope.js';
import { DEMO_PEOPLE, DEMO_SIGN_IN_AS, DEMO_TEAM_NAME, DEMO_TIME_ZONE, DEMO_WORKSPACE_NAME, demoEmail, type DemoPersonKey } from './catalogue.js';
import type { DemoPlan, OppState, PlannedOpportunity } from './plan.js';
import { DEMO_FISCAL_YEAR_START_MONTH } from './objective-stories.js';
import { DEMO_STAGE_GATE } from './qualification.js';
import { mutualPlanRows, type Recorder } from './seed-plans.js';
import { demoMails } from './mails.js';
import { storyRows } from './seed-story.js';
import { goalRows } from './seed-goals.js';
import { searchTextOf } from '../../../domain/search-text.js';
import { wipeWorkspace } from './wipe.js';

// Backdated records get ids carrying their backdated time (see uuidV7At).
const backdatedId = (at: string) => uuidV7At(Date.parse(at), randomBytes(16));

const plusMinutes = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();

type OppSnapshot = Pick<Selectable<OpportunityTable>, 'name' | 'account_id' | 'amount_minor' | 'currency' | 'stage_id' | 'close_date' | 'owner_id' | 'status' | 'close_reason' | 'closed_at' | 'archived_at'>;

/**
 * Writes the demo workspace described by `plan` in one transaction, with history backdated to when
 * each thing happened. Throws if a demo person's email already exists (a concurrent first call won
 * the race); the transaction then leaves nothing behind.
 */
export async function seedDemo(db: Db, plan: DemoPlan, passwordHash: string, opts: { seededAt?: string; replacing?: string; resetBy?: { name: string; previousSeededAt: string | null } } = {}): Promise<{ workspaceId: string }> {
  const start = plan.startedAt;
  const seededAt = opts.seededAt ?? new Date().toISOString();
  const workspaceId = backdatedId(start);
  const teamId = backdatedId(start);
  const keys = Object.keys(DEMO_PEOPLE) as DemoPersonKey[];
  const people = Object.fromEntries(keys.map((key, i) => [key, { id: backdatedId(plusMinutes(start, i + 1)), name: DEMO_PEOPLE[key].name, at: plusMinutes(start, i + 1) }])) as Record<
    DemoPersonKey,
    { id: string; name: string; at: string }
  >;
  const events: Omit<AuditEventTable, 'workspace_id'>[] = [];
  const recordAs: Recorder = (actor, at, entityType, entityId, action, before, after) =>
    events.push({
      id: backdatedId(at),
      actor_id: actor.id,
      actor_name: actor.name,
      entity_type: entityType,
      entity_id: entityId,
      action,
      changes: JSON.stringify(diff(before as Record<string, unknown> | null, after as Record<string, unknown>)),
      occurred_at: at,
    });
  const record = (by: DemoPersonKey, at: string, entityType: AuditEntity, entityId: string, action: AuditAction, before: object | null, after: object) =>
    recordAs(people[by], at, entityType, entityId, action, before, after);

  const users = keys.map((key) => {
    const p = DEMO_PEOPLE[key];
    return {
      id: people[key].id,
      email: demoEmail(key),
      name: p.name,
      password_hash: passwordHash,
      role: p.role,
      team_id: p.role === 'admin' ? null : teamId,
      time_zone: p.timeZone,
      status: 'active' as const,
      deactivated_at: null,
      version: 1,
      created_at: people[key].at,
      updated_at: people[key].at,
    };
  });
  record('admin', start, 'workspace', workspaceId, 'create', null, { name: DEMO_WORKSPACE_NAME, default_time_zone: DEMO_TIME_ZONE });
  for (const u of users) record('admin', u.created_at, 'user', u.id, 'create', null, { name: u.name, email: u.email, role: u.role });
  const teamAt = plusMinutes(start, keys.length + 1);
  record('admin', teamAt, 'team', teamId, 'create', null, { name: DEMO_TEAM_NAME, manager_id: people.manager.id });

  const stages = DEFAULT_STAGES.map((name, position) => ({ id: backdatedId(start), name, position, archived_at: null, version: 1, created_at: start, updated_at: start }));

  const accounts = plan.accounts.map((a) => {
    const row = { id: backdatedId(a.createdAt), name: a.name, domain: a.domain, industry: a.industry, size: a.size, owner_id: people[a.owner].id, notes: a.notes, archived_at: null, version: 1, created_at: a.createdAt, updated_at: a.createdAt };
    record(a.createdBy, a.createdAt, 'account', row.id, 'create', null, row);
    return row;
  });
  const contactsByAccount = plan.accounts.map((a, index) =>
    a.contacts.map((c) => {
      const row = { id: backdatedId(c.createdAt), account_id: accounts[index].id, name: c.name, title: c.title, email: c.email, phone: c.phone, buying_role: c.buyingRole, archived_at: null, version: 1, created_at: c.createdAt, updated_at: c.createdAt };
      record(a.owner, c.createdAt, 'contact', row.id, 'create', null, row);
      return row;
    }),
  );
  const contacts = contactsByAccount.flat();

  const snapshot = (o: PlannedOpportunity, s: OppState): OppSnapshot => ({
    name: o.name,
    account_id: accounts[o.account].id,
    amount_minor: s.amountMinor,
    currency: o.currency,
    stage_id: stages[s.stage].id,
    close_date: s.closeDate,
    owner_id: people[o.owner].id,
    status: s.status,
    close_reason: s.closeReason,
    closed_at: s.closedAt,
    archived_at: null,
  });
  const opportunities = plan.opportunities.map((o) => {
    const id = backdatedId(o.createdAt);
    let state = o.initial;
    let before = snapshot(o, state);
    record(o.owner, o.createdAt, 'opportunity', id, 'create', null, before);
    for (const change of o.changes) {
      state = { ...state, ...change.set };
      const after = snapshot(o, state);
      record(change.by, change.at, 'opportunity', id, 'update', before, after);
      before = after;
    }
    const updatedAt = o.changes.at(-1)?.at ?? o.createdAt;
    return { id, ...before, version: 1 + o.changes.length, created_at: o.createdAt, updated_at: updatedAt };
  });
  const setUpAt = plusMinutes(start, keys.length + 2);
  const story = storyRows(plan, {
    people,
    accountIds: accounts.map((a) => a.id),
    opportunityIds: opportunities.map((o) => o.id),
    opportunities: plan.opportunities,
    contacts: contactsByAccount,
    setUpAt,
    backdatedId,
    record: recordAs,
  });
  // Qualification written down is one more change of the deal; the counters follow its interactions.
  const qualified = opportunities.map((o, i) => {
    const { columns, at } = story.opportunityColumns[i];
    if (!at) return { ...o, ...columns };
    return { ...o, ...columns, version: o.version + 1, updated_at: at > o.updated_at ? at : o.updated_at };
  });
  const settings = { fiscal_year_start_month: DEMO_FISCAL_YEAR_START_MONTH, target_currency: 'EUR', stage_gate_stage_id: stages[DEMO_STAGE_GATE].id };
  record('admin', setUpAt, 'workspace', workspaceId, 'update', { fiscal_year_start_month: 1, target_currency: 'USD', stage_gate_stage_id: null }, settings);
  const plans = mutualPlanRows(plan.mutualPlans, {
    people,
    opportunityIds: opportunities.map((o) => o.id),
    contacts: contactsByAccount,
    backdatedId,
    record: recordAs,
  });
  const goals = goalRows(plan.goals, { people, backdatedId, record: recordAs });

  await db.transaction().execute(async (trx) => {
    // A stale demo gives way to the new story in the same transaction: visitors never see half of it.
    if (opts.replacing) await wipeWorkspace(trx, opts.replacing);
    await trx
      .insertInto('workspaces')
      .values({ id: workspaceId, name: DEMO_WORKSPACE_NAME, default_time_zone: DEMO_TIME_ZONE, is_demo: 1, demo_seeded_at: seededAt, version: 1, created_at: start, updated_at: start })
      .execute();
    const { stage_gate_stage_id: gate, ...yearSettings } = settings;
    const scope = new Scope(trx, workspaceId);
    // People first: their unique emails are what makes a concurrent second seeding fail early.
    await scope.insert('users', users);
    await scope.insert('teams', { id: teamId, name: DEMO_TEAM_NAME, manager_id: people.manager.id, version: 1, created_at: teamAt, updated_at: teamAt });
    await scope.insert('stages', stages);
    // The gate names one of the stages, so it is set once they exist.
    await trx.updateTable('workspaces').set({ ...yearSettings, stage_gate_stage_id: gate, version: 2, updated_at: setUpAt }).where('id', '=', workspaceId).execute();
    await scope.insert('rep_targets', story.targets);
    // Search text is derived, not audited: added here as the features add it on create.
    await scope.insert('accounts', accounts.map((a) => ({ ...a, search_text: searchTextOf.account(a) })));
    await scope.insert('contacts', contacts.map((c) => ({ ...c, search_text: searchTextOf.contact(c) })));
    await scope.insert('opportunities', qualified.map((o) => ({ ...o, search_text: searchTextOf.opportunity(o) })));
    await scope.insert('sweet_spot_criteria', story.criteria);
    await scope.insert('opportunity_criteria', story.answers);
    await scope.insert('account_objectives', story.objectives);
    await scope.insert('objective_opportunities', story.objectiveOpportunities);
    await scope.insert('objective_contributors', story.contributors);
    await scope.insert('objective_insights', story.insights);
    await scope.insert('interactions', story.interactions);
    await scope.insert('interaction_attendees', story.attendees);
    await scope.insert('commitments', story.agreedActions);
    await seedBuiltInTemplates(scope);
    await scope.insert('plans', plans.plans.map((p) => ({ ...p, search_text: searchTextOf.plan(p) })));
    await scope.insert('plan_milestones', plans.milestones);
    await scope.insert('commitments', [...plans.commitments, ...story.tasks]);
    await scope.insert('commitment_renegotiations', plans.renegotiations);
    // The customer side's word on each deal, as the commitment engine keeps it after its writes.
    await judgeCustomerWordOfWorkspace(scope);
    // And every deal's focus flags, as each write keeps them (deals without a plan included).
    await refreshFocusFlags(scope, 'workspace');
    await scope.insert('plan_share_links', plans.shareLinks);
    await scope.insert('plan_share_visits', plans.visits);
    await scope.insert('plan_comments', plans.comments);
    // Whys and what goals; the check-ins, their answers, notes and agreed actions (the engine's commitments).
    await scope.insert('why_ladders', goals.ladders);
    await scope.insert('why_rungs', goals.rungs);
    await scope.insert('goals', goals.goals);
    await scope.insert('goal_steps', goals.steps);
    await scope.insert('goal_notes', goals.notes);
    await scope.insert('check_in_series', goals.series);
    await scope.insert('check_ins', goals.checkIns);
    await scope.insert('check_in_answers', goals.answers);
    await scope.insert('check_in_notes', goals.checkInNotes);
    await scope.insert('commitments', goals.actions);
    // Each commitment's zone, fixed as the engine fixes it when one is made (the story's owners are set).
    await fixZones(scope, 'unset');
    await scope.insert('notifications', [...plans.notifications, ...story.notifications, ...goals.notifications]);
    await scope.insert('audit_events', events);
    // A few mails the story sent, for the development mail page (never really mailed).
    const owners = new Map(qualified.map((o) => [o.id as string, o.owner_id as string]));
    await scope.insert('mail_outbox', demoMails({ workspaceId, people, plans, ownerOfOpportunity: (id) => owners.get(id), seededAt, backdatedId }));
    // "Reset demo": who asked, in the new workspace's history, in the transaction that reset it.
    if (opts.resetBy) {
      await audit(scope, { id: people[DEMO_SIGN_IN_AS].id, name: opts.resetBy.name }, {
        entityType: 'workspace',
        entityId: workspaceId,
        action: 'reset',
        before: { demo_seeded_at: opts.resetBy.previousSeededAt },
        after: { demo_seeded_at: seededAt },
      });
    }
  });
  return { workspaceId };
}
