import { lazy, Suspense } from 'react';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/Icon';
import { LoadingCard } from '../../ui/States';
import { accountContactsParams } from '../../app/lists';
import { ContactRows } from '../contacts/ContactRows';
import { exportContacts } from '../../../shared/routes/operations/exports';
import { ExportLink } from '../records/ExportLink';
import { ObjectivesCard } from '../objectives/ObjectivesCard';
import { InteractionsCard } from '../interactions/InteractionsCard';
import { OpportunityRows } from '../opportunities/OpportunityRows';
import { AddLink } from '../records/AddLink';
import { HistoryCard } from '../records/HistoryCard';
import { RecordDetailsCard } from '../records/RecordDetailsCard';
import { RecordHeader } from '../records/RecordHeader';
import { RecordRoute } from '../records/RecordRoute';
import { Detail } from '../records/RecordStates';
import { AccountFields } from './AccountFields';
import { accountSpec } from './accountForm';

// Plan code (and its styles) loads only when an account page shows the card.
const CustomerReliabilityCard = lazy(() => import('../commitments/CustomerReliabilityCard').then((m) => ({ default: m.CustomerReliabilityCard })));

export function AccountPage() {
  return (
    <RecordRoute resource="accounts" noun="account" back={{ to: '/accounts', label: 'Back to accounts' }}>
      {(a, page) => (
        <>
          <RecordHeader
            meta={
              a.domain ? (
                <a href={`https://${a.domain}`} target="_blank" rel="noreferrer noopener">
                  <Icon name="external" size={14} />
                  {a.domain}
                </a>
              ) : null
            }
            updatedAt={a.updatedAt}
            back={{ to: '/accounts', label: 'Accounts' }}
            page={page}
          />
          <div className="record-layout">
            <div>
              <RecordDetailsCard page={page} spec={accountSpec} fields={(form) => <AccountFields form={form} currentOwner={a.owner} />}>
                <Detail label="Industry">{a.industry}</Detail>
                <Detail label="Size">{a.size ? `${a.size} employees` : null}</Detail>
                <Detail label="Domain">{a.domain}</Detail>
                <Detail label="Owner">{a.owner.name}</Detail>
                <Detail label="Notes" wide>
                  {a.notes ? <span className="pre-wrap">{a.notes}</span> : null}
                </Detail>
              </RecordDetailsCard>
              <ObjectivesCard accountId={a.id} canAdd={a.permissions.canEdit && !a.archivedAt} />
              <InteractionsCard accountId={a.id} canPlan={!a.archivedAt} />
              <Card
                title="Contacts"
                flush
                actions={
                  <>
                    <ExportLink route={exportContacts} query={accountContactsParams(a.id)} label="Export contacts" />
                    {a.permissions.canEdit && !a.archivedAt ? <AddLink to={`/contacts/new?accountId=${a.id}`} small>Add contact</AddLink> : null}
                  </>
                }
              >
                <ContactRows accountId={a.id} />
              </Card>
              <Card title="Opportunities" flush actions={!a.archivedAt ? <AddLink to={`/opportunities/new?accountId=${a.id}`} small>Add opportunity</AddLink> : null}>
                <OpportunityRows accountId={a.id} />
              </Card>
            </div>
            <div>
              <Suspense fallback={<LoadingCard title="Keeping their word" />}>
                <CustomerReliabilityCard accountId={a.id} accountName={a.name} />
              </Suspense>
              <HistoryCard resource="accounts" id={a.id} noun="account" />
            </div>
          </div>
        </>
      )}
    </RecordRoute>
  );
}
