import { HistoryEventList, HistoryQuery } from '../audit.js';
import { IdParams } from '../common.js';
import { CreatedPlan, CreatePlanBody, Plan, PlanList, PlanListQuery, ReopenPlanBody, UpdatePlanBody } from '../plans.js';
import { TeamSummary, TeamSummaryQuery } from '../team-view.js';
import { defineRoutes } from './define.js';

const tags = ['plans'] as const;

/** Mutual plans. Their milestones, commitments, sharing and insights: the other files beside this one. */
export const plansApi = defineRoutes({
  listPlans: { tags, summary: 'List mutual plans', query: PlanListQuery, response: { 200: PlanList } },
  getTeamSummary: {
    tags,
    summary: 'Per person in the view: plans by health, seller and customer reliability (each with n)',
    query: TeamSummaryQuery,
    response: { 200: TeamSummary },
  },
  getOpportunityPlan: { tags, summary: 'Get the opportunity’s mutual plan (404 when it has none)', params: IdParams, response: { 200: Plan } },
  createPlan: {
    tags,
    summary: 'Create the opportunity’s mutual plan',
    params: IdParams,
    body: CreatePlanBody,
    response: { 201: CreatedPlan },
    errors: ['duplicate', 'rule_violation', 'date_in_past'],
  },
  getPlan: { tags, summary: 'Get a mutual plan with its milestones and commitments', params: IdParams, response: { 200: Plan } },
  updatePlan: {
    tags,
    summary: 'Change a mutual plan (send its version)',
    params: IdParams,
    body: UpdatePlanBody,
    response: { 200: Plan },
    errors: ['plan_closed', 'rule_violation', 'date_in_past'],
  },
  reopenPlan: {
    tags,
    summary: 'Reopen a completed or abandoned plan (send its version); audited',
    params: IdParams,
    body: ReopenPlanBody,
    response: { 200: Plan },
    errors: ['rule_violation'],
  },
  listPlanHistory: {
    tags,
    summary: 'Everything that happened on the plan: its milestones, commitments, date changes, share links and comments (newest first, keyset paging)',
    params: IdParams,
    query: HistoryQuery,
    response: { 200: HistoryEventList },
  },
});
