import { useSearchParams } from 'react-router';
import { useTeams } from '../../app/directory';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { ErrorState, LoadingCard } from '../../ui/States';
import { shownTeam, TeamToolbar, teamsToRead } from '../team/TeamToolbar';
import { periodFrom, type PeriodQuery } from './api';
import { RepCoachingView } from './RepCoachingView';
import { TeamCoachingView } from './TeamCoachingView';
import './coaching.css';

/** The address of a coaching view: `?rep=` or `?team=`, and the period `?from=&to=` (default: this fiscal quarter). */
export function coachingHref(p: { rep?: string; team?: string } & PeriodQuery): string {
  const search = new URLSearchParams();
  if (p.rep) search.set('rep', p.rep);
  if (p.team) search.set('team', p.team);
  if (p.from && p.to) {
    search.set('from', p.from);
    search.set('to', p.to);
  }
  const q = search.toString();
  return q ? `/coaching?${q}` : '/coaching';
}

/**
 * Coaching figures. A rep sees their own; a manager their team (and, from it, each rep); an admin
 * picks a team. Nobody sees another team's: the server refuses, and the page offers only one's own.
 */
export function CoachingPage() {
  useTitle('Coaching');
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const period = periodFrom(search);
  const rep = search.get('rep') ?? undefined;
  const onPeriod = (p: PeriodQuery) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      next.delete('from');
      next.delete('to');
      if (p.from && p.to) {
        next.set('from', p.from);
        next.set('to', p.to);
      }
      return next;
    });
  const teams = useTeams();

  if (me.user.role === 'rep' || rep === me.user.id) return <RepCoachingView key={me.user.id} userId={me.user.id} mine period={period} onPeriod={onPeriod} />;
  if (rep) {
    const team = search.get('team') ?? undefined;
    return <RepCoachingView key={rep} userId={rep} mine={false} period={period} onPeriod={onPeriod} back={{ to: coachingHref({ team, ...period }), label: 'Team coaching' }} />;
  }
  if (teams.isPending) return <LoadingCard title="Coaching" />;
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />;
  const choices = teamsToRead(me.user, teams.data);
  const teamId = shownTeam(choices, search.get('team'));
  // A manager who leads no team (or an admin before any team exists) sees their own figures.
  if (!teamId) return <RepCoachingView key={me.user.id} userId={me.user.id} mine period={period} onPeriod={onPeriod} />;
  const toolbar = <TeamToolbar className="coaching-toolbar" choices={choices} teamId={teamId} own={{ to: coachingHref({ rep: me.user.id, ...period }), label: 'My own figures' }} />;
  return <TeamCoachingView key={teamId} teamId={teamId} period={period} onPeriod={onPeriod} toolbar={toolbar} repHref={(id) => coachingHref({ rep: id, team: teamId, ...period })} />;
}
