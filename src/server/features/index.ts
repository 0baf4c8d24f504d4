import type { App } from '../core/http.js';
import { accountRoutes } from './accounts/routes.js';
import { authRoutes } from './auth/routes.js';
import { coachingRoutes } from './coaching/routes.js';
import { contactRoutes } from './contacts/routes.js';
import { demoRoutes } from './demo/routes.js';
import { opportunityRoutes } from './opportunities/routes.js';
import { peopleRoutes } from './people/routes.js';
import { commitmentsFeature } from './commitments/routes.js';
import { objectiveRoutes } from './objectives/routes.js';
import { interactionRoutes } from './interactions/routes.js';
import { plansFeature } from './plans/routes.js';
import { qualificationRoutes } from './qualification/routes.js';
import { retrospectiveRoutes } from './retrospectives/routes.js';
import { renegotiationRoutes } from './renegotiations/renegotiations.routes.js';
import { guestRoutes } from './sharing/guest.routes.js';
import { sharingRoutes } from './sharing/sharing.routes.js';
import { templateRoutes } from './templates/templates.routes.js';
import { searchRoutes } from './search/routes.js';
import { stageRoutes } from './stages/routes.js';
import { targetRoutes } from './targets/routes.js';
import { goalRoutes } from './goals/routes.js';
import { mailRoutes } from './mail/routes.js';

/** Every feature's routes, mounted under /api/v1. */
export function registerFeatures(app: App): void {
  authRoutes(app);
  demoRoutes(app);
  peopleRoutes(app);
  stageRoutes(app);
  accountRoutes(app);
  objectiveRoutes(app);
  interactionRoutes(app);
  contactRoutes(app);
  opportunityRoutes(app);
  qualificationRoutes(app);
  plansFeature(app);
  commitmentsFeature(app);
  renegotiationRoutes(app);
  templateRoutes(app);
  sharingRoutes(app);
  guestRoutes(app);
  searchRoutes(app);
  targetRoutes(app);
  coachingRoutes(app);
  retrospectiveRoutes(app);
  goalRoutes(app);
  mailRoutes(app);
}
