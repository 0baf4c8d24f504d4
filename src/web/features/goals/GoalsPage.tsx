import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { assignableOwners, teamsQuery, usersQuery } from '../../app/directory';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { SelectField } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { exportGoals } from '../../../shared/routes/operations/exports';
import { ExportLink } from '../records/ExportLink';
import { GoalList } from './GoalList';
import { WhyCard } from './WhyCard';
import './goals.css';

/**
 * My goals: the whys (private unless shared) and the what goals, each with its one next step. A
 * manager can switch to a rep of their team (their goals, and only the whys they shared); an admin
 * to anyone's goals (never their whys).
 */
export function GoalsPage() {
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const rep = search.get('rep') ?? undefined;
  const other = rep && rep !== me.user.id ? rep : undefined;
  const users = useQuery({ ...usersQuery('active'), enabled: me.user.role !== 'rep' });
  const teams = useQuery({ ...teamsQuery, enabled: me.user.role !== 'rep' });
  const people = me.user.role === 'rep' ? [] : assignableOwners(me.user, users.data, teams.data);
  const person = people.find((p) => p.id === other);
  useTitle(other ? `Goals · ${person?.name ?? ''}` : 'My goals');
  const first = (person?.name ?? '').split(' ')[0];

  return (
    <div className="page">
      <PageHeader
        title={other ? (person ? `${person.name}’s goals` : 'Their goals') : 'My goals'}
        meta={<span>{other ? `Coach the process: what ${first || 'they'} aim for, and the next step they chose.` : 'Why you do this work, the goals on the way, and one tiny next step for each.'}</span>}
        actions={
          <>
            <ExportLink route={exportGoals} query={{ ownerId: other }} label="Export goals CSV" />
            {other ? null : (
              <Link to="/goals/new" className="btn btn-primary">
                New goal
              </Link>
            )}
          </>
        }
      />
      {people.length > 1 ? (
        <div className="goals-toolbar">
          <SelectField
            label="Whose goals"
            name="rep"
            required
            value={other ?? me.user.id}
            onChange={(id) => setSearch(id === me.user.id ? {} : { rep: id })}
            options={people.map((p) => ({ value: p.id, label: p.id === me.user.id ? `${p.name} (you)` : p.name }))}
          />
        </div>
      ) : null}
      <div className="record-layout">
        <div>
          <GoalList ownerId={other} mine={!other} />
        </div>
        <div>
          <WhyCard ownerId={other} mine={!other} ownerName={person?.name} />
        </div>
      </div>
    </div>
  );
}
