import { AuditEventList, HistoryQuery } from '../audit.js';
import { IdParams } from '../common.js';
import {
  AddWhyRungBody,
  CompleteStepBody,
  CreateGoalBody,
  CreateGoalNoteBody,
  CreateWhyLadderBody,
  EndWhyLadderBody,
  Goal,
  GoalList,
  GoalListQuery,
  GoalNote,
  UpdateGoalBody,
  UpdateWhyLadderBody,
  WhyLadder,
  WhyLadderList,
  WhyLadderListQuery,
} from '../goals.js';
import { defineRoutes } from './define.js';

const tags = ['goals'] as const;

const PRIVATE =
  'Why ladders are private to their rep: to anyone else — their manager before it is shared, other reps, admins — a ladder answers 404 exactly like one that does not exist, and is never listed.';

/** Why ladders (private unless shared with the rep's manager) and what goals with their one tiny next step. */
export const goalsApi = defineRoutes({
  listWhyLadders: {
    tags,
    summary: 'Your why ladders, newest first (or, for a manager, the whys a rep of their team shared)',
    description: `${PRIVATE} With ownerId, a manager of the rep's team sees only what the rep shared; anyone else gets an empty list.`,
    query: WhyLadderListQuery,
    response: { 200: WhyLadderList },
  },
  createWhyLadder: {
    tags,
    summary: 'Start a why ladder with your answer to “What do you want to achieve?”',
    description: 'The ladder is yours alone (private) until you share it with your manager.',
    body: CreateWhyLadderBody,
    response: { 201: WhyLadder },
  },
  getWhyLadder: { tags, summary: 'A why ladder: its rungs, where it stands, the proposed and saved why', description: PRIVATE, params: IdParams, response: { 200: WhyLadder } },
  updateWhyLadder: {
    tags,
    summary: 'Save the why (once the ladder has ended), or share it with your manager and stop sharing (the owner; send the version)',
    description: `${PRIVATE} Sharing shows the ladder and its why to whoever leads your team; stopping makes it private again at once.`,
    params: IdParams,
    body: UpdateWhyLadderBody,
    response: { 200: WhyLadder },
    errors: ['rule_violation'],
  },
  addWhyRung: {
    tags,
    summary: 'Answer “What will that get you?”: the next rung (the owner; send the version)',
    description:
      'An answer that repeats an earlier rung (ignoring case, accents, punctuation and spacing) ends the ladder and proposes the last distinct answer as the why. A rung added to an ended ladder continues it: it climbs again, and a saved why stays until another is saved.',
    params: IdParams,
    body: AddWhyRungBody,
    response: { 200: WhyLadder },
    errors: ['rule_violation'],
  },
  endWhyLadder: {
    tags,
    summary: 'Say the answer has stopped changing: the ladder ends and proposes its last distinct answer (the owner; send the version)',
    params: IdParams,
    body: EndWhyLadderBody,
    response: { 200: WhyLadder },
  },
  listWhyLadderHistory: {
    tags,
    summary: 'Everything that happened on a why ladder, newest first (its owner only)',
    description: `${PRIVATE} Its history is its owner's alone, shared or not.`,
    params: IdParams,
    query: HistoryQuery,
    response: { 200: AuditEventList },
  },
  listGoals: {
    tags,
    summary: 'What goals, newest first, each with its current step and its measure (yours by default)',
    description: 'A manager may list a rep of their team, an admin anyone; other reps’ goals are not listed. A why linked to a goal shows only to those who may read that why.',
    query: GoalListQuery,
    response: { 200: GoalList },
    errors: ['forbidden', 'not_found'],
  },
  createGoal: {
    tags,
    summary: 'Set a what goal with its first tiny step (yours; a manager or admin may set an outcome goal — a quota — for a rep of their team)',
    description: 'The measure is computed by Advance from its data; a stretch goal that ends short shows how far it got. The why, if linked, must be one of the owner’s own.',
    body: CreateGoalBody,
    response: { 201: Goal },
    errors: ['forbidden', 'rule_violation', 'date_in_past'],
  },
  getGoal: {
    tags,
    summary: 'A what goal: its measure with n (and interval for a rate), progress, current step, step log and notes',
    description: 'Its owner, the manager of the owner’s team and admins read it; to anyone else it does not exist (404).',
    params: IdParams,
    response: { 200: Goal },
  },
  updateGoal: {
    tags,
    summary: 'Change a goal, close it (done or dropped) or reopen it with a new step (send the version)',
    description:
      'Title, period, measure, target and stretch belong to whoever set the goal (the owner; for a quota, the manager or an admin). The why link, the current step, closing and reopening belong to the owner.',
    params: IdParams,
    body: UpdateGoalBody,
    response: { 200: Goal },
    errors: ['rule_violation', 'date_in_past'],
  },
  completeGoalStep: {
    tags,
    summary: 'Complete the current step: what you learned and the next tiny step, in one action (the owner; send the version)',
    description: 'The step is logged with its date and lesson and the next one becomes current, in one transaction; with goalDone the goal is closed as done instead.',
    params: IdParams,
    body: CompleteStepBody,
    response: { 200: Goal },
    errors: ['rule_violation'],
  },
  createGoalNote: {
    tags,
    summary: 'Add a note to a goal’s log (the owner): a learning goal counts them',
    params: IdParams,
    body: CreateGoalNoteBody,
    response: { 201: GoalNote },
  },
  listGoalHistory: {
    tags,
    summary: 'Everything that happened on a goal — the goal, its steps and notes — newest first',
    description: 'Whoever reads the goal. Events of the why it links to are never part of it.',
    params: IdParams,
    query: HistoryQuery,
    response: { 200: AuditEventList },
  },
});
