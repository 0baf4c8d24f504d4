import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { BUYING_ROLE_LABELS, type Contact } from '../../../shared/contacts';
import { useRecord } from '../../app/records';
import { useTitle } from '../../lib/hooks';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoading, SkeletonLines } from '../../ui/States';
import { ArchiveControl } from '../records/ArchiveControl';
import { HistoryCard } from '../records/HistoryCard';
import { Detail, RecordError } from '../records/RecordStates';
import { ContactEditForm } from './ContactEditForm';

// Plan code (and its styles) loads only when a contact page shows the card.
const ContactReliabilityCard = lazy(() => import('../plans/ContactReliabilityCard').then((m) => ({ default: m.ContactReliabilityCard })));

export function ContactPage() {
  const { id = '' } = useParams();
  const query = useRecord<Contact>('contacts', id);
  const [editing, setEditing] = useState(false);
  useTitle(query.data?.name ?? 'Contact');

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <RecordError error={query.error} noun="contact" back={{ to: '/accounts', label: 'Back to accounts' }} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const canEdit = c.permissions.canEdit;

  return (
    <div className="page">
      <PageHeader
        back={{ to: `/accounts/${c.account.id}`, label: c.account.name }}
        title={c.name}
        badge={c.archivedAt ? <Badge tone="warning">Archived</Badge> : null}
        meta={
          <>
            {c.title ? <span>{c.title}</span> : null}
            <span>
              <Icon name="accounts" size={14} />
              <Link to={`/accounts/${c.account.id}`}>{c.account.name}</Link>
            </span>
            {c.buyingRole ? <Badge tone="accent">{BUYING_ROLE_LABELS[c.buyingRole]}</Badge> : null}
          </>
        }
        actions={
          canEdit && !editing ? (
            <>
              <Button icon="edit" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <ArchiveControl resource="contacts" record={c} noun="contact" />
            </>
          ) : null
        }
      />
      <div className="record-layout">
        <div>
          {editing ? (
            <Card title="Edit contact">
              <ContactEditForm contact={c} onDone={() => setEditing(false)} />
            </Card>
          ) : (
            <Card title="Details">
              <dl className="details">
                <Detail label="Email">{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}</Detail>
                <Detail label="Phone">{c.phone ? <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a> : null}</Detail>
                <Detail label="Title">{c.title}</Detail>
                <Detail label="Role in the decision">{c.buyingRole ? BUYING_ROLE_LABELS[c.buyingRole] : null}</Detail>
                <Detail label="Account">
                  <Link to={`/accounts/${c.account.id}`}>{c.account.name}</Link>
                </Detail>
              </dl>
            </Card>
          )}
        </div>
        <div>
          <Suspense
            fallback={
              <Card title="Keeping their word" flush>
                <SkeletonLines lines={4} padded />
              </Card>
            }
          >
            <ContactReliabilityCard accountId={c.account.id} contactId={c.id} contactName={c.name} />
          </Suspense>
          <HistoryCard resource="contacts" id={c.id} noun="contact" />
        </div>
      </div>
    </div>
  );
}
