import { CoachingQuery } from '../coaching.js';
import { IdParams } from '../common.js';
import { Retrospective, SubmitRetrospectiveBody, TeamRetrospectives } from '../retrospectives.js';
import { defineRoutes } from './define.js';

const tags = ['coaching'] as const;

/** Retrospectives on closed deals: process apart from outcome. */
export const retrospectivesApi = defineRoutes({
  getRetrospective: {
    tags,
    summary: 'A deal’s retrospective: each side’s answers (kept apart until both are in), the outcome-blind process score once you have answered, and the 2×2 of process and outcome',
    description:
      'The deal’s owner, their manager or an admin. `yourPerspective` says which answers are yours to give (the owner the rep’s, the manager of the owner’s team the manager’s). An open deal answers with `closed: false` and no score.',
    params: IdParams,
    response: { 200: Retrospective },
    errors: ['forbidden'],
  },
  submitRetrospective: {
    tags,
    summary: 'Give or revise your answers to a closed deal’s retrospective (send the version of your answers you read, 0 when you had not answered)',
    description: 'Your side is decided by who you are. A stale version answers 409 with the retrospective as it is now. Every change is recorded with who made it, when, before and after.',
    params: IdParams,
    body: SubmitRetrospectiveBody,
    response: { 200: Retrospective },
    errors: ['rule_violation', 'version_conflict'],
  },
  getTeamRetrospectives: {
    tags,
    summary: 'A team’s deals closed in a period with where each retrospective stands, and whether the process predicts wins',
    description:
      'Deals of the team’s active reps closed in the period (default: the current fiscal quarter), by rep name. A deal’s place in the 2×2 shows once you have answered its retrospective. `processWins`: the win rate (won ÷ won or lost) of deals with a sound process score against those with a weak one, with intervals and the two-proportion z-test’s verdict in words. The team’s manager or an admin.',
    params: IdParams,
    query: CoachingQuery,
    response: { 200: TeamRetrospectives },
    errors: ['forbidden'],
  },
});
