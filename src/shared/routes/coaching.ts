import { CoachingQuery, RepCoaching, TeamCoaching } from '../coaching.js';
import { IdParams } from '../common.js';
import { defineRoutes } from './define.js';

const tags = ['coaching'] as const;

const PERIOD =
  'The period defaults to the current fiscal quarter; it is read in whole weeks, Monday to Sunday, in the workspace’s time zone, and a week still under way is counted but not charted.';

/** Coaching figures: a rep's process first, then outcomes; a team's reps by name, never ranked. */
export const coachingApi = defineRoutes({
  getRepCoaching: {
    tags,
    summary: 'A person’s coaching figures for a period: planned outcomes, advances, commitments kept (both sides), then deals won, lost and walked away',
    description: `Each rate with n and its 95 % Wilson interval ("too few to judge" below 5), each weekly series as an XmR process-behaviour chart with its signals in words. ${PERIOD} A rep reads their own; a manager those of the teams they lead; an admin anyone’s.`,
    params: IdParams,
    query: CoachingQuery,
    response: { 200: RepCoaching },
    errors: ['forbidden'],
  },
  getTeamCoaching: {
    tags,
    summary: 'A team’s coaching figures: each rep in name order (never ranked) against the rest of the team, and the team’s weekly charts',
    description: `A rep’s figure is compared with the rest of the team pooled by the two-proportion z-test (pooled, two-sided, α = 0.05); only a verdict of "different" is worth highlighting. ${PERIOD} The team’s manager or an admin.`,
    params: IdParams,
    query: CoachingQuery,
    response: { 200: TeamCoaching },
    errors: ['forbidden'],
  },
});
