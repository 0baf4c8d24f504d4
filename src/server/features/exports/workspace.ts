import { PassThrough } from 'node:stream';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { csvLines, UTF8_BOM, type CsvCell } from '../../../domain/csv.js';
import type { Actor } from '../../core/actor.js';
import { dbKind, type Db } from '../../core/db/connect.js';
import { Scope } from '../../core/scope.js';
import { EXCLUDED_NOTE, EXPORT_TABLES, type ExportTable } from './workspace-tables.js';

/**
 * The whole workspace as one zip, written while it is read: each table is read in keyset pages of
 * PAGE rows and each page is compressed and handed to the response before the next is read, the
 * writer waiting whenever the client is slower — memory holds a page and the compressor's window,
 * never the workspace. The zip holds:
 *   README.txt       what is in it and what is left out (workspace-tables.ts);
 *   workspace.json   { format, exportedAt, exportedBy, workspace, excluded, entities: { <entity>: [records] } },
 *                    records as stored, keys in camelCase, JSON columns as objects; `audit_events` is every
 *                    record's history (entityType + entityId name the record);
 *   csv/<entity>.csv one CSV per entity, the same records (JSON columns as text).
 * The files are written one after another (a zip stream cannot interleave them), so each table is
 * read twice: once for the JSON, once for its CSV. Not a snapshot: a change made while the export
 * runs may show in one file and not the other.
 */

const PAGE = 500;

type Row = Record<string, unknown>;
type Loose = Record<string, Row>;

export const FORMAT = 'advance.workspace-export';
export const FORMAT_VERSION = 1;

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** PostgreSQL hands bigint columns over as text: amounts in minor units are numbers, on both engines. */
function normalize(spec: Pick<ExportTable, 'omit' | 'json' | 'ownerOnly'>, row: Row, forJson: boolean, actor: Actor): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (spec.omit?.includes(column) || column === 'workspace_id') continue;
    const owner = spec.ownerOnly?.[column];
    let v = owner && row[owner] !== actor.id ? null : value;
    if (column.endsWith('_minor') && typeof v === 'string') v = Number(v);
    if (forJson && spec.json?.includes(column) && typeof v === 'string') {
      try {
        v = JSON.parse(v);
      } catch {
        // Kept as text if it is not JSON after all.
      }
    }
    out[camel(column)] = v;
  }
  return out;
}

/** A table's rows of this workspace (and only those the exporting person may take), page by page. */
export async function* pagesOf(db: Db, spec: ExportTable, actor: Actor, size = PAGE): AsyncGenerator<Row[]> {
  const scope = new Scope(db, actor.workspaceId);
  const sqlite = dbKind(db) === 'sqlite';
  let after: unknown[] | null = null;
  for (;;) {
    // Every table here has the same shape to this code: rows of columns. On SQLite the workspace is
    // compared as `+workspace_id` (same rows), which keeps the planner off the (workspace_id, …)
    // indexes: walking the key's own index, a page costs the same at any depth, where those would
    // sort the workspace's whole table for every page (100 000 accounts: 59 s → 7 s).
    let q = sqlite
      ? (db as unknown as Kysely<Loose>).selectFrom(spec.table).selectAll().where(sql<boolean>`+${sql.ref('workspace_id')} = ${actor.workspaceId}`)
      : (scope.selectFrom(spec.table) as unknown as SelectQueryBuilder<Loose, string, Row>).selectAll();
    if (spec.only) q = q.where(spec.only(actor));
    if (after) {
      const values = after;
      q = q.where(sql<boolean>`(${sql.join(spec.key.map((k) => sql.ref(k)))}) > (${sql.join(values)})`);
    }
    for (const k of spec.key) q = q.orderBy(sql.ref(k), 'asc');
    const rows = await q.limit(size).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    after = spec.key.map((k) => last[k]);
  }
}

/** The zip as a stream; `done` settles when the last byte is handed over (or the client went away). */
export function workspaceZip(db: Db, actor: Actor, exportedAt: string): PassThrough {
  const out = new PassThrough();
  const zip = new Zip((err, chunk, final) => {
    if (err) return void out.destroy(err);
    out.write(chunk);
    if (final) out.end();
  });
  // Waits while the client is behind; stops (throws) if it has gone.
  const drained = async () => {
    if (out.destroyed) throw new Error('export stopped: the client went away');
    if (!out.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
    if (out.destroyed) throw new Error('export stopped: the client went away');
  };
  const file = (name: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    return {
      write: async (text: string) => {
        f.push(strToU8(text));
        await drained();
      },
      end: () => f.push(new Uint8Array(0), true),
    };
  };

  (async () => {
    const readme = file('README.txt');
    await readme.write(
      [
        `Advance workspace export (${FORMAT} version ${FORMAT_VERSION}), made ${exportedAt} by ${actor.name}.`,
        '',
        'workspace.json: every record of every entity, and every audit event (entities.audit_events: who changed which record, when, before and after).',
        'csv/<entity>.csv: the same records, one CSV per entity (UTF-8 with a byte-order mark; an empty file when there are none).',
        '',
        ...EXCLUDED_NOTE,
        '',
      ].join('\r\n'),
    );
    readme.end();

    const json = file('workspace.json');
    const workspace = await db.selectFrom('workspaces').selectAll().where('id', '=', actor.workspaceId).executeTakeFirstOrThrow();
    const head = { format: FORMAT, formatVersion: FORMAT_VERSION, exportedAt, exportedBy: { id: actor.id, name: actor.name }, excluded: EXCLUDED_NOTE.join(' '), workspace: normalize({}, workspace as Row, true, actor) };
    await json.write(`${JSON.stringify(head).slice(0, -1)},"entities":{`);
    for (const [i, spec] of EXPORT_TABLES.entries()) {
      await json.write(`${i === 0 ? '' : ','}${JSON.stringify(spec.entity)}:[`);
      let first = true;
      for await (const rows of pagesOf(db, spec, actor)) {
        await json.write((first ? '' : ',') + rows.map((r) => JSON.stringify(normalize(spec, r, true, actor))).join(','));
        first = false;
      }
      await json.write(']');
    }
    await json.write('}}');
    json.end();

    for (const spec of EXPORT_TABLES) {
      const csv = file(`csv/${spec.entity}.csv`);
      let columns: string[] | null = null;
      await csv.write(UTF8_BOM);
      for await (const rows of pagesOf(db, spec, actor)) {
        const records = rows.map((r) => normalize(spec, r, false, actor));
        const lines: CsvCell[][] = [];
        if (!columns) {
          columns = Object.keys(records[0]);
          lines.push(columns);
        }
        for (const r of records) lines.push(columns.map((c) => r[c] as CsvCell));
        await csv.write(csvLines(lines));
      }
      csv.end();
    }
    zip.end();
  })().catch((err: unknown) => {
    zip.terminate();
    if (!out.destroyed) out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}
