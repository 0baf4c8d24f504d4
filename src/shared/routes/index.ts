import { accountsApi } from './accounts.js';
import { authApi } from './auth.js';
import { commitmentsApi } from './commitments.js';
import { contactsApi } from './contacts.js';
import type { RouteContract } from './define.js';
import { insightsApi } from './insights.js';
import { milestonesApi } from './milestones.js';
import { opportunitiesApi } from './opportunities.js';
import { peopleApi } from './people.js';
import { planTemplatesApi } from './plan-templates.js';
import { plansApi } from './plans.js';
import { searchApi } from './search.js';
import { sharedPlanApi } from './shared-plan.js';
import { notificationsApi, sharingApi } from './sharing.js';
import { stagesApi } from './stages.js';

/**
 * Every feature's route table. The web imports the one table it needs (src/web/app/api.ts); this
 * list is for the checks that need them all (operationIds unique and unchanged, each registered).
 */
export const routeTables: Record<string, Record<string, RouteContract>> = {
  accountsApi,
  authApi,
  commitmentsApi,
  contactsApi,
  insightsApi,
  milestonesApi,
  notificationsApi,
  opportunitiesApi,
  peopleApi,
  planTemplatesApi,
  plansApi,
  searchApi,
  sharedPlanApi,
  sharingApi,
  stagesApi,
};
