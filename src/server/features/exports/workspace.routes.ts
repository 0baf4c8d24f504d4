import { exportsApi as api } from '../../../shared/routes/exports.js';
import { audit } from '../../core/audit.js';
import { ctx, type App } from '../../core/http.js';
import { nowIso } from '../../core/ids.js';
import { hit } from '../../core/limits.js';
import { route } from '../../core/route.js';
import { sendFile } from './csv-stream.js';
import { todayIn } from '../../../domain/dates.js';
import { workspaceZip } from './workspace.js';

const HOUR = 3_600_000;

/** A file name made of the workspace's name: letters and digits, the rest as dashes. */
const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'workspace';

export function workspaceExportRoute(app: App): void {
  // Rate limit, then the audit event (in its own transaction, before the first byte), then the stream.
  route(app, api.exportWorkspace, { permission: { role: 'admin' } }, async (req, reply) => {
    const { scope, actor } = ctx(req);
    await hit(req.server.db, `workspace-export:${actor.workspaceId}`, req.server.config.workspaceExportsPerHour, HOUR, 'This workspace was exported several times in the last hour. Please try again later.');
    const exportedAt = nowIso();
    const workspace = await req.server.db.selectFrom('workspaces').select('name').where('id', '=', actor.workspaceId).executeTakeFirstOrThrow();
    await audit(scope, actor, { entityType: 'workspace', entityId: actor.workspaceId, action: 'export', before: null, after: { exported_at: exportedAt } });
    return sendFile(reply, 'application/zip', `advance-${slug(workspace.name)}-${todayIn(actor.timeZone, new Date(exportedAt))}.zip`, workspaceZip(req.server.db, actor, exportedAt));
  });
}
