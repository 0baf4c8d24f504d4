import { useSearchParams } from 'react-router';
import { useTeams } from '../../app/directory';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { ErrorState, LoadingCard } from '../../ui/States';
import { shownTeam, TeamToolbar, teamsToRead } from '../team/TeamToolbar';
import { RepPlanningView } from './RepPlanningView';
import { TeamPlanningView } from './TeamPlanningView';
import './planning.css';

/** The address of a planning view: `?year=` (default: the current fiscal year), `?team=`, `?rep=`. */
export const planningHref = (p: { year?: number; team?: string; rep?: string }) => {
  const search = new URLSearchParams();
  if (p.rep) search.set('rep', p.rep);
  if (p.team) search.set('team', p.team);
  if (p.year) search.set('year', String(p.year));
  const q = search.toString();
  return q ? `/planning?${q}` : '/planning';
};

/**
 * Account planning for a fiscal year. A rep sees their own year; a manager their team, rep by rep,
 * and the team's total (and any rep's year, where they set the target); an admin chooses the team.
 */
export function AccountPlanningPage() {
  useTitle('Account planning');
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const yearText = search.get('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const rep = search.get('rep') ?? undefined;
  const onYear = (y: number) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      next.set('year', String(y));
      return next;
    });
  const teams = useTeams();

  if (me.user.role === 'rep' || rep === me.user.id) return <RepPlanningView userId={undefined} year={year} onYear={onYear} mine />;
  if (rep) {
    return <RepPlanningView userId={rep} year={year} onYear={onYear} mine={false} back={{ to: planningHref({ year, team: search.get('team') ?? undefined }), label: 'Team planning' }} />;
  }
  if (teams.isPending) return <LoadingCard title="Account planning" />;
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />;
  const choices = teamsToRead(me.user, teams.data);
  const teamId = shownTeam(choices, search.get('team'));
  if (!teamId) {
    // A manager who leads no team (or an admin before any team exists) sees their own year.
    return <RepPlanningView userId={undefined} year={year} onYear={onYear} mine />;
  }
  const picker = <TeamToolbar className="planning-toolbar" choices={choices} teamId={teamId} own={{ to: planningHref({ year, rep: me.user.id }), label: 'My own objectives', className: 'planning-own' }} />;
  return <TeamPlanningView key={teamId} teamId={teamId} year={year} onYear={onYear} picker={picker} repHref={(id, fy) => planningHref({ rep: id, team: teamId, year: fy })} />;
}
