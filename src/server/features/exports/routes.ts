import { exportsApi as api } from '../../../shared/routes/exports.js';
import { ctx, type App } from '../../core/http.js';
import { route } from '../../core/route.js';
import { listAccounts } from '../accounts/queries.js';
import { listCheckIns } from '../check-ins/queries.js';
import { listContacts } from '../contacts/queries.js';
import { listFocus } from '../focus/service.js';
import { listGoals } from '../goals/goals.queries.js';
import { listInteractions } from '../interactions/queries.js';
import { listAccountObjectives } from '../objectives/queries.js';
import { listOpportunities } from '../opportunities/queries.js';
import { listPlans } from '../plans/queries.js';
import { accountColumns, checkInColumns, contactColumns, focusColumns, goalColumns, interactionColumns, objectiveColumns, opportunityColumns, planColumns } from './columns.js';
import { datedName, EXPORT_PAGE_SIZE, onePage, reviewed, sendCsv } from './csv-stream.js';
import { workspaceExportRoute } from './workspace.routes.js';

/**
 * Each list's CSV: the list's own function, with the list's filters and its permission, read page
 * after page (csv-stream.ts) — so a file holds exactly what the list shows the same person.
 */
/** The list's own filters: review mode changes the file's columns, not which rows are in it. */
const withoutReview = <Q extends { review?: 'on' }>({ review: _review, ...filters }: Q) => filters;

export function exportRoutes(app: App): void {
  const page = { limit: EXPORT_PAGE_SIZE };

  route(app, api.exportAccounts, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    return sendCsv(reply, datedName('accounts', actor.timeZone, 'csv'), reviewed(accountColumns, req.query), (cursor) => listAccounts(scope, actor, { ...withoutReview(req.query), ...page, cursor }));
  });

  route(app, api.exportContacts, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    return sendCsv(reply, datedName('contacts', actor.timeZone, 'csv'), reviewed(contactColumns, req.query), (cursor) => listContacts(scope, actor, { ...withoutReview(req.query), ...page, cursor }));
  });

  route(app, api.exportOpportunities, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    const columns = opportunityColumns(req.query.flag !== undefined);
    return sendCsv(reply, datedName('opportunities', actor.timeZone, 'csv'), reviewed(columns, req.query), (cursor) => listOpportunities(scope, actor, { ...withoutReview(req.query), ...page, cursor }));
  });

  route(app, api.exportFocus, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    // One clock for the whole file: every page judges the flags at the same moment.
    const now = new Date();
    return sendCsv(reply, datedName('focus', actor.timeZone, 'csv'), reviewed(focusColumns, req.query), (cursor) => listFocus(scope, actor, { ...withoutReview(req.query), ...page, cursor }, now));
  });

  route(app, api.exportPlans, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    return sendCsv(reply, datedName('plans', actor.timeZone, 'csv'), reviewed(planColumns, req.query), (cursor) => listPlans(scope, actor, { ...withoutReview(req.query), ...page, cursor }));
  });

  route(app, api.exportInteractions, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    return sendCsv(reply, datedName('interactions', actor.timeZone, 'csv'), reviewed(interactionColumns, req.query), (cursor) => listInteractions(scope, actor, { ...withoutReview(req.query), ...page, cursor }));
  });

  route(app, api.exportAccountObjectives, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    // The account page's list is read whole (objectives are few per account): so is its file.
    return sendCsv(reply, datedName('objectives', actor.timeZone, 'csv'), reviewed(objectiveColumns, req.query), async () => onePage((await listAccountObjectives(scope, actor, req.params.id)).data));
  });

  route(app, api.exportGoals, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    const now = new Date();
    return sendCsv(reply, datedName('goals', actor.timeZone, 'csv'), reviewed(goalColumns, req.query), (cursor) => listGoals(scope, actor, { ...withoutReview(req.query), ...page, cursor }, now));
  });

  route(app, api.exportCheckIns, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    const now = new Date();
    return sendCsv(reply, datedName('check-ins', actor.timeZone, 'csv'), reviewed(checkInColumns, req.query), (cursor) => listCheckIns(scope, actor, { ...withoutReview(req.query), ...page, cursor }, now));
  });

  workspaceExportRoute(app);
}
