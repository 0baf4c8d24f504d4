import type { ReactNode } from 'react';
import { useMe } from '../../app/session';
import { relativeTime } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { ArchiveControl, type Archivable } from './ArchiveControl';
import type { RecordPageContext } from './RecordPage';

type Person = { id: string; name: string };

const isArchivable = (record: object): record is Archivable => 'archivedAt' in record && 'version' in record;

/** What every record page's header reads from its record. */
type HeaderRecord = ({ name: string } | { title: string }) & { owner?: Person; archivedAt?: string | null; permissions: { canEdit: boolean } };

export type RecordHeaderProps<R extends HeaderRecord> = {
  /** The record, its noun and edit toggle; records of the records API (which archive) get Archive / Restore beside Edit. */
  page: RecordPageContext<R>;
  back: { to: string; label: string };
  editLabel?: string;
  /** Status badges; "Archived" follows them when the record is. */
  badges?: ReactNode;
  /** Context before the owner: the account, a domain. */
  meta?: ReactNode;
  /** When the record last changed, after the owner. */
  updatedAt?: string;
  /** Actions for everyone, after Edit. */
  actions?: ReactNode;
  /** Notices between the header and the view-only line. */
  notices?: ReactNode;
  /** Whether to say who can change a record the person may not (default: yes, when it has an owner). */
  showViewOnly?: boolean;
  viewOnlyNote?: string;
};

/**
 * The top of every record page: back link, title and badges, who owns it, Edit and Archive for those
 * who may change it (not while editing), and for everyone else a line saying who can.
 */
export function RecordHeader<R extends HeaderRecord>(p: RecordHeaderProps<R>) {
  const me = useMe();
  const { record, noun, edit, resource } = p.page;
  const canEdit = record.permissions.canEdit;
  const archived = Boolean(record.archivedAt);
  const editActions =
    canEdit && !edit.editing ? (
      <>
        <Button icon="edit" onClick={edit.start}>
          {p.editLabel ?? 'Edit'}
        </Button>
        {resource && resource !== 'objectives' && resource !== 'interactions' && isArchivable(record) ? <ArchiveControl resource={resource} record={record} noun={noun} /> : null}
      </>
    ) : null;
  return (
    <>
      <PageHeader
        back={p.back}
        title={'name' in record ? record.name : record.title}
        badge={
          p.badges || archived ? (
            <>
              {p.badges}
              {archived ? <Badge tone="warning">Archived</Badge> : null}
            </>
          ) : null
        }
        meta={
          <>
            {p.meta}
            {record.owner ? (
              <span>
                <Icon name="user" size={14} />
                Owned by {record.owner.id === me.user.id ? 'you' : record.owner.name}
              </span>
            ) : null}
            {p.updatedAt ? <span className="muted">Updated {relativeTime(p.updatedAt, me.user.timeZone)}</span> : null}
          </>
        }
        actions={
          editActions || p.actions ? (
            <>
              {editActions}
              {p.actions}
            </>
          ) : null
        }
      />
      {p.notices}
      {!canEdit && record.owner && p.showViewOnly !== false ? (
        <p className="view-only">
          <Icon name="alert" size={15} />
          View only: {record.owner.name}, their manager or an admin can change this {noun}.{p.viewOnlyNote ? ` ${p.viewOnlyNote}` : null}
        </p>
      ) : null}
    </>
  );
}
