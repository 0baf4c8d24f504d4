import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { BUYING_ROLE_LABELS } from '../../../shared/contacts';
import { Badge } from '../../ui/Badge';
import { LoadingCard } from '../../ui/States';
import { HistoryCard } from '../records/HistoryCard';
import { MetaLink } from '../records/MetaLink';
import { RecordDetailsCard } from '../records/RecordDetailsCard';
import { RecordHeader } from '../records/RecordHeader';
import { RecordRoute } from '../records/RecordRoute';
import { Detail } from '../records/RecordStates';
import { ContactFields } from './ContactFields';
import { contactSpec } from './contactForm';

// Plan code (and its styles) loads only when a contact page shows the card.
const ContactReliabilityCard = lazy(async () => ({ default: (await import('../commitments/ContactReliabilityCard')).ContactReliabilityCard }));

/** A person at an account (contacts have no owner of their own: the account's owner answers for them). */
export function ContactPage() {
  return (
    <RecordRoute resource="contacts" noun="contact" back={{ to: '/accounts', label: 'Back to accounts' }}>
      {(c, page) => (
        <>
          <RecordHeader
            back={{ to: `/accounts/${c.account.id}`, label: c.account.name }}
            meta={
              <>
                {c.title ? <span>{c.title}</span> : null}
                <MetaLink icon="accounts" to={`/accounts/${c.account.id}`}>
                  {c.account.name}
                </MetaLink>
                {c.buyingRole ? <Badge tone="accent">{BUYING_ROLE_LABELS[c.buyingRole]}</Badge> : null}
              </>
            }
            page={page}
          />
          <div className="record-layout">
            <div>
              <RecordDetailsCard page={page} spec={contactSpec} fields={(form) => <ContactFields form={form} />}>
                <Detail label="Email">{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}</Detail>
                <Detail label="Phone">{c.phone ? <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a> : null}</Detail>
                <Detail label="Title">{c.title}</Detail>
                <Detail label="Role in the decision">{c.buyingRole ? BUYING_ROLE_LABELS[c.buyingRole] : null}</Detail>
                <Detail label="Account">
                  <Link to={`/accounts/${c.account.id}`}>{c.account.name}</Link>
                </Detail>
              </RecordDetailsCard>
            </div>
            <div>
              <Suspense fallback={<LoadingCard title="Keeping their word" />}>
                <ContactReliabilityCard accountId={c.account.id} contactId={c.id} contactName={c.name} />
              </Suspense>
              <HistoryCard resource="contacts" id={c.id} noun="contact" />
            </div>
          </div>
        </>
      )}
    </RecordRoute>
  );
}
