import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { InviteCard } from './InviteCard';
import { PeopleCard } from './PeopleCard';
import { TeamsCard } from './TeamsCard';

export function TeamPage() {
  useTitle('Team');
  const me = useMe();
  const admin = me.capabilities.managePeople;
  return (
    <div className="page">
      <PageHeader
        title="Team"
        meta={<span>{admin ? 'Invite people, organise teams, and hand over work when someone leaves.' : 'The people of this workspace and their teams.'}</span>}
      />
      <PeopleCard />
      <div className="team-grid">
        {admin ? <InviteCard /> : null}
        <TeamsCard />
      </div>
    </div>
  );
}
