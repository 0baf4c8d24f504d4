import { IdParams } from '../common.js';
import {
  FiscalSettings,
  PLANNING_STATUSES_NOTE,
  RepPlanning,
  RepPlanningQuery,
  SetYearlyTargetBody,
  TeamPlanning,
  TeamPlanningQuery,
  UpdateFiscalSettingsBody,
  YearlyTarget,
} from '../targets.js';
import { defineRoutes } from './define.js';

const tags = ['targets'] as const;

/** The fiscal calendar, yearly targets per rep, and account planning (targets against objectives). */
export const targetsApi = defineRoutes({
  getFiscalSettings: { tags, summary: 'The workspace’s fiscal year start month and target currency (admins)', response: { 200: FiscalSettings } },
  updateFiscalSettings: {
    tags,
    summary: 'Change the fiscal year start month or the target currency (admins; send the workspace’s version)',
    description:
      'A fiscal year is named by the calendar year it starts in. Changing the start month redraws the bounds of every year; targets stay with the year they were set for, and keep the currency they were set in.',
    body: UpdateFiscalSettingsBody,
    response: { 200: FiscalSettings },
  },
  setYearlyTarget: {
    tags,
    summary: 'Set a rep’s yearly target for a fiscal year (their manager or an admin; send the version read, 0 when there was none)',
    description:
      'Creates the target when the rep has none for that year, else changes it. A rep cannot set their own target. The amount is in the workspace’s target currency. Every change is recorded with who made it, when, before and after.',
    params: IdParams,
    body: SetYearlyTargetBody,
    response: { 200: YearlyTarget },
    errors: ['rule_violation'],
  },
  getAccountPlanning: {
    tags,
    summary: 'A rep’s account planning for a fiscal year: target, objectives due per currency, and the gap',
    description: `Default: yourself, in the current fiscal year of the workspace’s calendar. A manager may read a rep of a team they lead; an admin anyone. ${PLANNING_STATUSES_NOTE} Amounts are summed per currency, never across currencies.`,
    query: RepPlanningQuery,
    response: { 200: RepPlanning },
    errors: ['forbidden', 'not_found'],
  },
  getTeamAccountPlanning: {
    tags,
    summary: 'A team’s account planning: each rep (in name order, never ranked) and the team’s totals per currency',
    description: `The team’s manager or an admin. ${PLANNING_STATUSES_NOTE}`,
    params: IdParams,
    query: TeamPlanningQuery,
    response: { 200: TeamPlanning },
    errors: ['forbidden'],
  },
});
