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
import { datedName, EXPORT_PAGE_SIZE, onePage, sendCsv } from './csv-stream.js';
import { workspaceExportRoute } from './workspace.routes.js';

/**
 * Each list's CSV: the list's own function, with the list's filters and its permission, read page
 * after page (csv-stream.ts) — so a file holds exactly what the list shows the same person.
 */
export function exportRoutes(app: App): void {
  const page = { limit: EXPORT_PAGE_SIZE };

  route(app, api.exportAccounts, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    return sendCsv(reply, datedName('accounts', actor.timeZone, 'csv'), accountColumns, (cursor) => listAccounts(scope, actor, { ...req.query, ...page, cursor }));
  });

  route(app, api.exportContacts, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    return sendCsv(reply, datedName('contacts', actor.timeZone, 'csv'), contactColumns, (cursor) => listContacts(scope, actor, { ...req.query, ...page, cursor }));
  });

  route(app, api.exportOpportunities, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    const columns = opportunityColumns(req.query.flag !== undefined);
    return sendCsv(reply, datedName('opportunities', actor.timeZone, 'csv'), columns, (cursor) => listOpportunities(scope, actor, { ...req.query, ...page, cursor }));
  });

  route(app, api.exportFocus, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    // One clock for the whole file: every page judges the flags at the same moment.
    const now = new Date();
    return sendCsv(reply, datedName('focus', actor.timeZone, 'csv'), focusColumns, (cursor) => listFocus(scope, actor, { ...req.query, ...page, cursor }, now));
  });

  route(app, api.exportPlans, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    return sendCsv(reply, datedName('plans', actor.timeZone, 'csv'), planColumns, (cursor) => listPlans(scope, actor, { ...req.query, ...page, cursor }));
  });

  route(app, api.exportInteractions, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    return sendCsv(reply, datedName('interactions', actor.timeZone, 'csv'), interactionColumns, (cursor) => listInteractions(scope, actor, { ...req.query, ...page, cursor }));
  });

  route(app, api.exportAccountObjectives, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    // The account page's list is read whole (objectives are few per account): so is its file.
    return sendCsv(reply, datedName('objectives', actor.timeZone, 'csv'), objectiveColumns, async () => onePage((await listAccountObjectives(scope, actor, req.params.id)).data));
  });

  route(app, api.exportGoals, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    const now = new Date();
    return sendCsv(reply, datedName('goals', actor.timeZone, 'csv'), goalColumns, (cursor) => listGoals(scope, actor, { ...req.query, ...page, cursor }, now));
  });

  route(app, api.exportCheckIns, { permission: 'signedIn' }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    const now = new Date();
    return sendCsv(reply, datedName('check-ins', actor.timeZone, 'csv'), checkInColumns, (cursor) => listCheckIns(scope, actor, { ...req.query, ...page, cursor }, now));
  });

  workspaceExportRoute(app);
}
