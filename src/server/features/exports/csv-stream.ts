import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { csvLines, UTF8_BOM, type CsvCell } from '../../../domain/csv.js';
import { todayIn } from '../../../domain/dates.js';
import { LIST_LIMIT_MAX } from '../../../shared/common.js';

/**
 * One column of an export: its header and what each row puts in it, and what review mode does with
 * it — `hidden` (an amount, a close reason) leaves the column out; a function writes that instead.
 */
export type CsvColumn<T> = { readonly header: string; readonly value: (row: T) => CsvCell; readonly inReview?: 'hidden' | ((row: T) => CsvCell) };

/** The columns a file started in review mode has: what the screen shows in review mode, no more. */
export function reviewed<T>(columns: readonly CsvColumn<T>[], query: { review?: 'on' }): readonly CsvColumn<T>[] {
  if (query.review !== 'on') return columns;
  return columns.filter((c) => c.inReview !== 'hidden').map((c) => (typeof c.inReview === 'function' ? { header: c.header, value: c.inReview } : c));
}

export type Page<T> = { data: T[]; nextCursor: string | null };

/** Pages of a list as its own list function reads them (the largest page a list hands out). */
export const EXPORT_PAGE_SIZE = LIST_LIMIT_MAX;

/** `attachment; filename=…`, with the RFC 5987 form for names that are not plain ASCII. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** `accounts-2026-11-26.csv`: the list's name and the day of the export where the person is. */
export const datedName = (name: string, timeZone: string, ext: string, now = new Date()) => `${name}-${todayIn(timeZone, now)}.${ext}`;

/**
 * Sends a list as CSV, read with the list's own function one page at a time: memory holds a page,
 * never the whole list, however long it is. The first page is read before anything is sent, so a
 * refused filter still answers with the usual JSON error; later pages stream as the client reads.
 */
export async function sendCsv<T>(reply: FastifyReply, filename: string, columns: readonly CsvColumn<T>[], readPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<FastifyReply> {
  const first = await readPage(undefined);
  const rowsOf = (page: Page<T>) => csvLines(page.data.map((row) => columns.map((c) => c.value(row))));
  async function* chunks(): AsyncGenerator<Buffer> {
    yield Buffer.from(UTF8_BOM + csvLines([columns.map((c) => c.header)]) + rowsOf(first));
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await readPage(cursor);
      yield Buffer.from(rowsOf(page));
      cursor = page.nextCursor;
    }
  }
  return sendFile(reply, 'text/csv; charset=utf-8', filename, Readable.from(chunks(), { objectMode: false }));
}

/** A download: its media type, the name it is saved under, never cached; the body streams. */
export function sendFile(reply: FastifyReply, contentType: string, filename: string, body: Readable): FastifyReply {
  return reply.header('content-type', contentType).header('content-disposition', attachment(filename)).header('cache-control', 'no-store').send(body);
}

/** Every page of a list, for a list that is read whole (an account's objectives). */
export const onePage = <T>(data: T[]): Page<T> => ({ data, nextCursor: null });
