import { Link } from 'react-router';
import { isReviewMode } from '../../app/reviewMode';
import { useMe } from '../../app/session';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { HistoryCard } from '../records/HistoryCard';
import { MetaLink } from '../records/MetaLink';
import { RecordDetailsCard } from '../records/RecordDetailsCard';
import { RecordHeader } from '../records/RecordHeader';
import { RecordRoute } from '../records/RecordRoute';
import { Detail } from '../records/RecordStates';
import { OpportunityFields } from './OpportunityFields';
import { opportunitySpec } from './opportunityForm';
import { StatusBadge } from './StatusBadge';
import { StatusCard } from './StatusCard';
import { opportunityStatusLabel } from './statusWords';
import { InteractionsCard } from '../interactions/InteractionsCard';
import { RetrospectiveLink } from '../retrospectives/RetrospectiveLink';
// The cards of other features are part of the deal page's code: loaded apart, they were six more
// files to fetch with it, and appeared after the rest of the page.
import { OpportunityPlanCard } from '../plans/OpportunityPlanCard';
import { OpportunityFocusCard } from '../focus/OpportunityFocusCard';
import { QualificationCard } from '../qualification/QualificationCard';

export function OpportunityPage() {
  const me = useMe();
  return (
    <RecordRoute resource="opportunities" noun="opportunity" back={{ to: '/opportunities', label: 'Back to opportunities' }}>
      {(o, page) => (
        <>
          <RecordHeader
            badges={<StatusBadge status={o.status} />}
            meta={
              <MetaLink icon="accounts" to={`/accounts/${o.account.id}`}>
                {o.account.name}
              </MetaLink>
            }
            back={{ to: '/opportunities', label: 'Opportunities' }}
            page={page}
          />
          <div className="stat-grid">
            <div className="stat">
              <div className="stat-label">Amount</div>
              <div className="stat-value">{formatMoney(o.amount)}</div>
            </div>
            <div className="stat">
              <div className="stat-label">Stage</div>
              <div className="stat-value stat-value-sm">{o.stage.name}</div>
            </div>
            <div className="stat">
              <div className="stat-label">Close date</div>
              <div className="stat-value stat-value-sm">
                {formatDate(o.closeDate)} {o.closeDatePassed ? <Badge tone="warning">Past date</Badge> : null}
              </div>
            </div>
          </div>
          <OpportunityFocusCard opportunity={o} />
          <div className="record-layout">
            <div>
              <RecordDetailsCard
                page={page}
                spec={opportunitySpec}
                fields={(form) => <OpportunityFields form={form} currentOwner={o.owner} currentStage={o.stage} withStatus onDealPage />}
              >
                <Detail label="Account">
                  <Link to={`/accounts/${o.account.id}`}>{o.account.name}</Link>
                </Detail>
                <Detail label="Owner">{o.owner.name}</Detail>
                <Detail label="Status">{opportunityStatusLabel(o.status)}</Detail>
                <Detail label="Created">{formatDateTime(o.createdAt, me.user.timeZone)}</Detail>
                {o.closeReason && !isReviewMode() ? (
                  <Detail label="Reason" wide>
                    <span className="pre-wrap">{o.closeReason}</span>
                  </Detail>
                ) : null}
              </RecordDetailsCard>
              <InteractionsCard accountId={o.account.id} opportunityId={o.id} canPlan={!o.archivedAt} />
              {o.permissions.canEdit && !o.archivedAt ? <StatusCard opportunity={o} /> : null}
              {o.permissions.canEdit && o.status !== 'open' ? <RetrospectiveLink opportunityId={o.id} /> : null}
              <QualificationCard opportunity={o} />
            </div>
            <div>
              <OpportunityPlanCard opportunity={o} />
              <HistoryCard resource="opportunities" id={o.id} noun="opportunity" currency={o.amount.currency} accountNames={{ [o.account.id]: o.account.name }} />
            </div>
          </div>
        </>
      )}
    </RecordRoute>
  );
}
