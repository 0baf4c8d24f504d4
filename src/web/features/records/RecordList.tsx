import type { ReactNode } from 'react';
import { SkeletonTable } from '../../ui/States';
import { ListFooter } from './ListFooter';
import { ListStates } from './ListStates';
import { rowsOf, type PagedList } from './pagedList';

export type Column<T> = {
  header: string;
  /** On the header and the cells (e.g. `hide-sm` to drop the column on small screens). */
  className?: string;
  /** On the cells only. */
  cellClassName?: string;
  cell: (row: T) => ReactNode;
};

const classes = (...names: (string | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

/**
 * A list page's body: the filters, then loading, error, empty or the table, and the footer that pages
 * through the rest. While new filters load, the previous rows stay, dimmed.
 */
export function RecordList<T extends { id: string }>({ label, toolbar, list, columns, empty }: { label: string; toolbar: ReactNode; list: PagedList<T>; columns: Column<T>[]; empty: ReactNode }) {
  return (
    <section className="card" aria-label={label}>
      <div className="toolbar">{toolbar}</div>
      <ListStates list={list} loading={<SkeletonTable columns={columns.length} />} empty={empty}>
        {(rows) => (
          <div className={list.isPlaceholderData ? 'table-wrap list-stale' : 'table-wrap'} aria-busy={list.isFetching}>
            <table className="table">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.header} scope="col" className={c.className}>
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    {columns.map((c) => (
                      <td key={c.header} className={classes(c.className, c.cellClassName)}>
                        {c.cell(row)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListStates>
      <ListFooter count={rowsOf(list).length} list={list} />
    </section>
  );
}

/** The owner column: "Me" for the signed-in person's own records. */
export function ownerColumn<T extends { owner: { id: string; name: string } }>(meId: string, className?: string): Column<T> {
  return { header: 'Owner', className, cell: (row) => (row.owner.id === meId ? 'Me' : row.owner.name) };
}
