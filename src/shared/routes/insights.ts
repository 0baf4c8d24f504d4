import { IdParams } from '../common.js';
import { CustomerReliability, PlanReliability, UserReliability } from '../plan-reliability.js';
import { TodayQuery } from '../team-view.js';
import { Today } from '../today.js';
import { defineRoutes } from './define.js';

const tags = ['plans'] as const;

/** What the plans say: Today's list and reliability. */
export const insightsApi = defineRoutes({
  getToday: {
    tags,
    summary: 'Your (or your team’s) commitments due today, overdue and this week, and new dates waiting for an answer',
    query: TodayQuery,
    response: { 200: Today },
  },
  getPlanReliability: { tags, summary: 'Reliability on a plan, per side and per person', params: IdParams, response: { 200: PlanReliability } },
  getUserReliability: { tags, summary: 'A person’s reliability on the seller side, overall and per plan', params: IdParams, response: { 200: UserReliability } },
  getOpportunityReliability: { tags, summary: 'The customer side’s reliability on this deal, per person', params: IdParams, response: { 200: CustomerReliability } },
  getAccountReliability: { tags, summary: 'The customer company’s reliability across its deals’ plans', params: IdParams, response: { 200: CustomerReliability } },
});
