import { Link, useSearchParams } from 'react-router';
import type { Team } from '../../../shared/people';
import { useTeams } from '../../app/directory';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { SelectField } from '../../ui/Field';
import { ErrorState, LoadingCard } from '../../ui/States';
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

/** Teams whose planning this person reads: every team for an admin, the teams a manager leads. */
export const planningTeams = (me: { id: string; role: string }, teams: readonly Team[]) => (me.role === 'admin' ? teams : teams.filter((t) => t.manager?.id === me.id));

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
  const choices = planningTeams(me.user, teams.data);
  const teamId = choices.find((t) => t.id === search.get('team'))?.id ?? choices[0]?.id;
  if (!teamId) {
    // A manager who leads no team (or an admin before any team exists) sees their own year.
    return <RepPlanningView userId={undefined} year={year} onYear={onYear} mine />;
  }
  const picker = (
    <div className="planning-toolbar">
      {choices.length > 1 ? (
        <SelectField
          label="Team"
          name="team"
          required
          value={teamId}
          onChange={(id) =>
            setSearch((prev) => {
              const next = new URLSearchParams(prev);
              next.set('team', id);
              return next;
            })
          }
          options={choices.map((t) => ({ value: t.id, label: t.name }))}
        />
      ) : null}
      <Link className="planning-own" to={planningHref({ year, rep: me.user.id })}>
        My own objectives
      </Link>
    </div>
  );
  return <TeamPlanningView key={teamId} teamId={teamId} year={year} onYear={onYear} picker={picker} repHref={(id, fy) => planningHref({ rep: id, team: teamId, year: fy })} />;
}
