import { accountsApi } from './accounts.js';
import { authApi } from './auth.js';
import { coachingApi } from './coaching.js';
import { checkInsApi } from './check-ins.js';
import { commitmentsApi } from './commitments.js';
import { contactsApi } from './contacts.js';
import { exportsApi } from './exports.js';
import { focusApi } from './focus.js';
import type { RouteContract } from './define.js';
import { insightsApi } from './insights.js';
import { interactionsApi } from './interactions.js';
import { importsApi } from './imports.js';
import { mailApi } from './mail.js';
import { milestonesApi } from './milestones.js';
import { objectivesApi } from './objectives.js';
import { opportunitiesApi } from './opportunities.js';
import { peopleApi } from './people.js';
import { planTemplatesApi } from './plan-templates.js';
import { plansApi } from './plans.js';
import { qualificationApi } from './qualification.js';
import { retrospectivesApi } from './retrospectives.js';
import { searchApi } from './search.js';
import { sharedPlanApi } from './shared-plan.js';
import { notificationsApi, sharingApi } from './sharing.js';
import { stagesApi } from './stages.js';
import { targetsApi } from './targets.js';
import { goalsApi } from './goals.js';
import { webhooksApi } from './webhooks.js';

/**
 * Every feature's route table, for what needs them all: the checks (operationIds unique and
 * unchanged, each registered) and the typed clients' types (client.ts, type-only).
 */
const tables = {
  accountsApi,
  authApi,
  coachingApi,
  checkInsApi,
  commitmentsApi,
  contactsApi,
  exportsApi,
  focusApi,
  insightsApi,
  interactionsApi,
  importsApi,
  mailApi,
  milestonesApi,
  notificationsApi,
  objectivesApi,
  opportunitiesApi,
  peopleApi,
  planTemplatesApi,
  plansApi,
  qualificationApi,
  retrospectivesApi,
  searchApi,
  sharedPlanApi,
  sharingApi,
  stagesApi,
  targetsApi,
  goalsApi,
  webhooksApi,
};

export const routeTables: Record<string, Record<string, RouteContract>> = tables;

type Tables = typeof tables;
/** Every contract, as one union of their types (the typed clients look theirs up by method and path). */
export type AllContracts = { [T in keyof Tables]: Tables[T][keyof Tables[T]] }[keyof Tables];
