import { formatCalendarDate, todayIn } from '../../../domain/dates.js';
import { missingEvidence, type ChangeCommitmentLevel, type EvidencePart } from '../../../domain/qualification.js';
import type { CriterionAnswer, CriterionFit, OpportunityQualification, UpdateQualificationBody } from '../../../shared/qualification.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { AppError, conflict, dateInPast, invalid, notFound, type ErrorDetail } from '../../core/errors.js';
import { canEditOwned } from '../../core/policies.js';
import { updateAtVersion } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { gateStage } from './gate.js';
import { refreshFocusFlags } from '../focus/stored.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

/** The qualification columns of an opportunity, as stored. */
type Columns = {
  change_commitment: ChangeCommitmentLevel;
  change_evidence: string | null;
  change_said_by_contact_id: string | null;
  change_said_by_name: string | null;
  change_said_on: string | null;
  cost_of_inaction: string | null;
  cost_per_month_minor: number | null;
  compelling_event: string | null;
  compelling_event_date: string | null;
};

/** The deal with its qualification, its stage's place and who may edit it. */
async function loadDeal(scope: Scope, id: string) {
  const row = await scope
    .selectFrom('opportunities')
    .innerJoin('users as owner', 'owner.id', 'opportunities.owner_id')
    .innerJoin('stages as stage', 'stage.id', 'opportunities.stage_id')
    .leftJoin('contacts as said_by', 'said_by.id', 'opportunities.change_said_by_contact_id')
    .select([
      'opportunities.id',
      'opportunities.version',
      'opportunities.currency',
      'opportunities.account_id',
      'opportunities.owner_id',
      'owner.team_id as owner_team_id',
      'stage.position as stage_position',
      'said_by.name as said_by_contact_name',
      'opportunities.change_commitment',
      'opportunities.change_evidence',
      'opportunities.change_said_by_contact_id',
      'opportunities.change_said_by_name',
      'opportunities.change_said_on',
      'opportunities.cost_of_inaction',
      'opportunities.cost_per_month_minor',
      'opportunities.compelling_event',
      'opportunities.compelling_event_date',
    ])
    .where('opportunities.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Opportunity');
  const columns: Columns = {
    change_commitment: row.change_commitment,
    change_evidence: row.change_evidence ?? null,
    change_said_by_contact_id: row.change_said_by_contact_id ?? null,
    change_said_by_name: row.change_said_by_name ?? null,
    change_said_on: row.change_said_on ?? null,
    cost_of_inaction: row.cost_of_inaction ?? null,
    cost_per_month_minor: row.cost_per_month_minor === null || row.cost_per_month_minor === undefined ? null : Number(row.cost_per_month_minor),
    compelling_event: row.compelling_event ?? null,
    compelling_event_date: row.compelling_event_date ?? null,
  };
  return { ...row, columns };
}

/**
 * The deal's answer to each active criterion (no row = unknown), in checklist order, and to any
 * archived criterion it answered before it was archived.
 */
async function criteriaOf(scope: Scope, opportunityId: string): Promise<(CriterionFit & { position: number })[]> {
  const rows = await scope
    .selectFrom('sweet_spot_criteria')
    .leftJoin('opportunity_criteria as a', (join) => join.onRef('a.criterion_id', '=', 'sweet_spot_criteria.id').on('a.opportunity_id', '=', opportunityId))
    .select(['sweet_spot_criteria.id', 'sweet_spot_criteria.label', 'sweet_spot_criteria.position', 'sweet_spot_criteria.archived_at', 'a.answer'])
    .orderBy('sweet_spot_criteria.position')
    .orderBy('sweet_spot_criteria.id')
    .execute();
  return rows
    .filter((r) => r.archived_at === null || r.answer)
    .map((r) => ({ criterionId: r.id, label: r.label, position: r.position, archived: r.archived_at !== null, answer: r.answer ?? 'unknown' }));
}

export async function getQualification(scope: Scope, actor: Actor, id: string): Promise<OpportunityQualification> {
  const deal = await loadDeal(scope, id);
  const criteria = await criteriaOf(scope, id);
  const gate = await gateStage(scope);
  const c = deal.columns;
  return {
    id: deal.id,
    version: deal.version,
    currency: deal.currency,
    criteria: criteria.map(({ position: _position, ...fit }) => fit),
    changeCommitment: c.change_commitment,
    changeEvidence: c.change_evidence,
    changeSaidByContact: c.change_said_by_contact_id && deal.said_by_contact_name !== null ? { id: c.change_said_by_contact_id, name: deal.said_by_contact_name } : null,
    changeSaidByName: c.change_said_by_name,
    changeSaidOn: c.change_said_on,
    costOfInaction: c.cost_of_inaction,
    costPerMonth: c.cost_per_month_minor === null ? null : { amountMinor: c.cost_per_month_minor, currency: deal.currency },
    compellingEvent: c.compelling_event,
    compellingEventDate: c.compelling_event_date,
    stageGate: gate ? { stage: { id: gate.id, name: gate.name }, reached: deal.stage_position >= gate.position } : null,
    permissions: { canEdit: canEditOwned(actor, { id: deal.owner_id, teamId: deal.owner_team_id }) },
  };
}

const EVIDENCE_ISSUES: Record<EvidencePart, ErrorDetail> = {
  evidence: { path: 'changeEvidence', message: 'An evidenced commitment needs the evidence: what the customer said or did that shows they will change.' },
  saidBy: { path: 'changeSaidByContactId', message: 'Say who said it: a contact at the account, or type a name.' },
  saidOn: { path: 'changeSaidOn', message: 'Say on which day it was said.' },
};

const blankToNull = (s: string | null | undefined) => (s === undefined ? undefined : s === null || s === '' ? null : s);

/** The columns the body sets (undefined: not sent). Setting who said it as a contact clears a typed name, and the reverse. */
function columnsFrom(input: Omit<UpdateQualificationBody, 'version'>, currency: string, issues: ErrorDetail[]): Partial<Columns> {
  const contactId = input.changeSaidByContactId;
  const name = blankToNull(input.changeSaidByName);
  if (input.costPerMonth && input.costPerMonth.currency !== currency) {
    issues.push({ path: 'costPerMonth.currency', message: `Give the cost in the deal’s currency, ${currency}.` });
  }
  return {
    change_commitment: input.changeCommitment,
    change_evidence: blankToNull(input.changeEvidence),
    change_said_by_contact_id: contactId !== undefined ? contactId : name ? null : undefined,
    change_said_by_name: name !== undefined ? name : contactId ? null : undefined,
    change_said_on: input.changeSaidOn,
    cost_of_inaction: blankToNull(input.costOfInaction),
    cost_per_month_minor: input.costPerMonth === undefined ? undefined : input.costPerMonth === null ? null : input.costPerMonth.amountMinor,
    compelling_event: blankToNull(input.compellingEvent),
    compelling_event_date: input.compellingEventDate,
  };
}

/**
 * Change the qualification of a deal: only from the version read (409 with the current
 * qualification), the deal's version + 1, the criteria answers and one audit event on the deal
 * (before and after) in the same transaction. Checks, in order: what the body says (400 naming each
 * field), then a newly set compelling event date before today in the person's zone (422).
 */
export async function updateQualification({ scope, actor, id, input, version }: Op<{ id: string; input: Omit<UpdateQualificationBody, 'version'>; version?: number }>): Promise<OpportunityQualification> {
  return scope.transaction(async (tx) => {
    const deal = await loadDeal(tx, id);
    if (version === undefined) throw invalid('version', 'Send the version you edited (the "version" field or an If-Match header).');
    if (version !== deal.version) throw conflict(await getQualification(tx, actor, id));
    const current = deal.columns;
    const issues: ErrorDetail[] = [];
    const sent = Object.fromEntries(Object.entries(columnsFrom(input, deal.currency, issues)).filter(([, v]) => v !== undefined)) as Partial<Columns>;
    const next: Columns = { ...current, ...sent };
    const isNew = (column: keyof Columns) => sent[column] !== undefined && sent[column] !== null && sent[column] !== current[column];
    const zone = actor.timeZone;
    const today = todayIn(zone, new Date());

    for (const part of missingEvidence({ level: next.change_commitment, evidence: next.change_evidence, saidByContactId: next.change_said_by_contact_id, saidByName: next.change_said_by_name, saidOn: next.change_said_on })) {
      issues.push(EVIDENCE_ISSUES[part]);
    }
    let saidByName: string | null = deal.said_by_contact_name;
    if (isNew('change_said_by_contact_id')) {
      const contact = await tx.selectFrom('contacts').select(['name', 'account_id', 'archived_at']).where('contacts.id', '=', next.change_said_by_contact_id as string).executeTakeFirst();
      if (!contact || contact.account_id !== deal.account_id || contact.archived_at) issues.push({ path: 'changeSaidByContactId', message: 'Choose a contact of this deal’s account, or type a name.' });
      else saidByName = contact.name;
    }
    if (isNew('change_said_on') && (next.change_said_on as string) > today) {
      issues.push({ path: 'changeSaidOn', message: `${formatCalendarDate(next.change_said_on as string)} has not come yet in ${zone.replace(/_/g, ' ')}: pick the day it was said.` });
    }
    if (next.compelling_event_date && !next.compelling_event) issues.push({ path: 'compellingEvent', message: 'Say what the event is: what happens on that date.' });
    const answers = await answersToChange(tx, id, input.criteria ?? [], issues);
    if (issues.length > 0) throw new AppError('validation_failed', 'Some fields need attention.', issues);
    if (isNew('compelling_event_date') && (next.compelling_event_date as string) < today) throw dateInPast('compellingEventDate', next.compelling_event_date as string, zone);

    const changed = Object.fromEntries(Object.entries(sent).filter(([k, v]) => current[k as keyof Columns] !== v)) as Partial<Columns>;
    if (Object.keys(changed).length === 0 && answers.length === 0) return getQualification(tx, actor, id);
    if (!(await updateAtVersion(tx, 'opportunities', id, deal.version, changed))) throw conflict(await getQualification(tx, actor, id));
    // A commitment to change recorded (or taken back) moves the focus flags.
    if ('change_commitment' in changed) await refreshFocusFlags(tx, [id]);
    for (const a of answers) {
      await tx.deleteFrom('opportunity_criteria').where('opportunity_id', '=', id).where('criterion_id', '=', a.criterionId).execute();
      if (a.after !== 'unknown') await tx.insert('opportunity_criteria', { opportunity_id: id, criterion_id: a.criterionId, answer: a.after });
    }

    const before: Record<string, unknown> = Object.fromEntries(Object.keys(changed).map((k) => [k, current[k as keyof Columns]]));
    const after: Record<string, unknown> = { ...changed };
    // Who said it, as a person reads it in the history (the ids stay for integrations).
    if ('change_said_by_contact_id' in changed || 'change_said_by_name' in changed) {
      before.change_said_by = current.change_said_by_contact_id ? deal.said_by_contact_name : current.change_said_by_name;
      after.change_said_by = next.change_said_by_contact_id ? saidByName : next.change_said_by_name;
    }
    for (const a of answers) {
      before[`criterion:${a.label}`] = a.before;
      after[`criterion:${a.label}`] = a.after;
    }
    await audit(tx, actor, { entityType: 'opportunity', entityId: id, action: 'update', before, after });
    return getQualification(tx, actor, id);
  });
}

type AnswerChange = { criterionId: string; label: string; before: CriterionAnswer; after: CriterionAnswer };

/** The answers that change; a criterion of another workspace, or an archived one being answered anew (clearing is fine), is refused. */
async function answersToChange(scope: Scope, opportunityId: string, answers: { criterionId: string; answer: CriterionAnswer }[], issues: ErrorDetail[]): Promise<AnswerChange[]> {
  if (answers.length === 0) return [];
  const all = await scope
    .selectFrom('sweet_spot_criteria')
    .leftJoin('opportunity_criteria as a', (join) => join.onRef('a.criterion_id', '=', 'sweet_spot_criteria.id').on('a.opportunity_id', '=', opportunityId))
    .select(['sweet_spot_criteria.id', 'sweet_spot_criteria.label', 'sweet_spot_criteria.archived_at', 'a.answer'])
    .execute();
  const changes: AnswerChange[] = [];
  answers.forEach(({ criterionId, answer }, i) => {
    const criterion = all.find((c) => c.id === criterionId);
    const before = criterion?.answer ?? 'unknown';
    if (!criterion) issues.push({ path: `criteria.${i}.criterionId`, message: 'Choose a criterion of this workspace.' });
    else if (answer !== before && answer !== 'unknown' && criterion.archived_at) issues.push({ path: `criteria.${i}.answer`, message: `“${criterion.label}” is archived: an admin can restore it to answer it again.` });
    else if (answer !== before) changes.push({ criterionId, label: criterion.label, before, after: answer });
  });
  return changes;
}
