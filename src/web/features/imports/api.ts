import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createImport, dryRunImport, getImport, listImportResults, listImports, startImport, updateImport } from '../../../shared/routes/operations/imports';
import type { ImportOutcome } from '../../../shared/imports';
import { defuseCell } from '../../../domain/csv-cell';
import { call, type BodyOf } from '../../app/api';

const importKey = (id: string) => ['import', id] as const;

export function useImports() {
  return useQuery({ queryKey: ['imports'], queryFn: () => call(listImports, { query: { limit: 50 } }), refetchInterval: (q) => (q.state.data?.data.some((i) => i.status === 'queued' || i.status === 'running') ? 2000 : false) });
}

/** One import; while it runs, asked again every second for its progress. */
export function useImport(id: string) {
  return useQuery({
    queryKey: importKey(id),
    queryFn: () => call(getImport, { params: { id } }),
    refetchInterval: (q) => (q.state.data?.status === 'queued' || q.state.data?.status === 'running' ? 1000 : false),
  });
}

export function useCreateImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createImport>) => call(createImport, { body }),
    onSuccess: (created) => {
      client.setQueryData(importKey(created.id), created);
      void client.invalidateQueries({ queryKey: ['imports'] });
    },
  });
}

export function useUpdateImport(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateImport>) => call(updateImport, { params: { id }, body }),
    onSuccess: (updated) => client.setQueryData(importKey(id), updated),
  });
}

export function useDryRun(id: string) {
  return useMutation({ mutationFn: () => call(dryRunImport, { params: { id } }) });
}

export function useStartImport(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => call(startImport, { params: { id }, body: { version } }),
    onSuccess: (started) => {
      client.setQueryData(importKey(id), started);
      void client.invalidateQueries({ queryKey: ['imports'] });
    },
  });
}

export function useImportResults(id: string, outcome: ImportOutcome | undefined, enabled: boolean) {
  return useQuery({ queryKey: ['import-results', id, outcome ?? 'all'], queryFn: () => call(listImportResults, { params: { id }, query: { limit: 100, ...(outcome ? { outcome } : {}) } }), enabled });
}

/** Every skipped row (page by page), as a CSV file to fix and import again. */
export async function skippedRowsCsv(id: string): Promise<string> {
  const lines = ['Row,Id in the source,Reason'];
  let cursor: string | undefined;
  do {
    const page = await call(listImportResults, { params: { id }, query: { limit: 200, outcome: 'skipped', ...(cursor ? { cursor } : {}) } });
    for (const r of page.data) lines.push([String(r.row), r.externalId ?? '', r.reason ?? ''].map((cell) => csvCell(cell)).join(','));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * One cell of the skipped rows' file. Its text comes from the uploaded file (a source id, a column's
 * name in a reason), so a cell a spreadsheet would run as a formula is defused and quoted, as in
 * every export the server writes (domain/csv.ts; papaparse stays out of the web app).
 */
export function csvCell(s: string): string {
  const text = String(defuseCell(s));
  return text !== s || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
