import type { FiscalSettings, UpdateFiscalSettingsBody } from '../../../shared/targets.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { conflict, invalid } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import { currentFiscalYear, loadCalendar, presentFiscalYear, type Calendar } from './calendar.js';

export function presentFiscalSettings(calendar: Calendar): FiscalSettings {
  return {
    fiscalYearStartMonth: calendar.startMonth,
    targetCurrency: calendar.targetCurrency,
    version: calendar.version,
    currentFiscalYear: presentFiscalYear(calendar, currentFiscalYear(calendar)),
  };
}

export async function getFiscalSettings(scope: Scope): Promise<FiscalSettings> {
  return presentFiscalSettings(await loadCalendar(scope));
}

/**
 * Changes the start month or the target currency at the workspace version the admin read (409 with
 * the current settings otherwise; the version is the workspace's, shared with its other settings),
 * with an audit event in the same transaction. Targets already set keep their year and currency.
 */
export async function updateFiscalSettings({ scope, actor, input, version }: { scope: Scope; actor: Actor; input: Omit<UpdateFiscalSettingsBody, 'version'>; version?: number }): Promise<FiscalSettings> {
  return scope.transaction(async (tx) => {
    const current = await loadCalendar(tx);
    if (version === undefined) throw invalid('version', 'Send the version you edited (the "version" field or an If-Match header).');
    if (version !== current.version) throw conflict(presentFiscalSettings(current));
    const before = { fiscal_year_start_month: current.startMonth, target_currency: current.targetCurrency };
    const patch: Partial<typeof before> = {};
    if (input.fiscalYearStartMonth !== undefined && input.fiscalYearStartMonth !== current.startMonth) patch.fiscal_year_start_month = input.fiscalYearStartMonth;
    if (input.targetCurrency !== undefined && input.targetCurrency !== current.targetCurrency) patch.target_currency = input.targetCurrency;
    if (Object.keys(patch).length === 0) return presentFiscalSettings(current);
    const result = await tx.db
      .updateTable('workspaces')
      .set({ ...patch, version: current.version + 1, updated_at: nowIso() })
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict(await getFiscalSettings(tx));
    await audit(tx, actor, {
      entityType: 'workspace',
      entityId: current.id,
      action: 'update',
      before: Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof typeof before]])),
      after: patch,
    });
    return getFiscalSettings(tx);
  });
}
