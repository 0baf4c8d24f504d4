import { useState, type ReactNode } from 'react';
import { Badge, type Tone } from './Badge';
import { Button } from './Button';
import { SelectField } from './Field';
import { ErrorState, SkeletonLines } from './States';

/**
 * The parts of the outbox-style logs (the email outbox, a webhook endpoint's deliveries): a "Show"
 * filter by status, the list with its loading, error and empty states, and rows that open to their
 * detail one at a time, with "again" on one that gave up.
 */

/** The "Show" filter: every status with its label, or all (''). */
export function StatusFilter<S extends string>({ name, statuses, labels, all, value, onChange }: { name: string; statuses: readonly S[]; labels: Record<S, string>; all: string; value: S | ''; onChange: (status: S | '') => void }) {
  return <SelectField label="Show" name={name} options={statuses.map((s) => ({ value: s, label: labels[s] }))} placeholder={all} value={value} onChange={(v: string) => onChange(v as S | '')} />;
}

type ListQuery<T> = { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown; data?: { data: T[] } };

/** The rows of a log as its query has them; `row` gets whether it is the one open and how to open or close it. */
export function OutboxList<T extends { id: string }>({ query, skeletonLines, empty, row }: { query: ListQuery<T>; skeletonLines: number; empty: ReactNode; row: (item: T, open: boolean, onToggle: () => void) => ReactNode }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      {query.isPending ? <SkeletonLines lines={skeletonLines} /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.data.length === 0 ? empty : null}
      {query.data && query.data.data.length > 0 ? <ul className="mail-list">{query.data.data.map((item) => row(item, open === item.id, () => setOpen(open === item.id ? null : item.id)))}</ul> : null}
    </>
  );
}

/** One row: its title opens the detail (`children`, shown while open), its status, a line of facts, and `again` when it gave up. */
export function OutboxRow({
  title,
  tone,
  label,
  facts,
  again,
  open,
  onToggle,
  children,
}: {
  title: ReactNode;
  tone: Tone;
  label: string;
  facts: ReactNode;
  again: { label: string; busy: boolean; onClick: () => void } | null;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  return (
    <li className="mail-row">
      <div className="mail-row-head">
        <button type="button" className="link-button mail-subject" aria-expanded={open} onClick={onToggle}>
          {title}
        </button>
        <Badge tone={tone}>{label}</Badge>
      </div>
      <div className="row-sub">{facts}</div>
      {again ? (
        <Button variant="secondary" busy={again.busy} onClick={again.onClick}>
          {again.label}
        </Button>
      ) : null}
      {open ? children : null}
    </li>
  );
}
