import { Link, useSearchParams } from 'react-router';
import type { Team } from '../../../shared/people';
import { SelectField } from '../../ui/Field';

/**
 * What the team views (coaching, account planning) share: which teams their reader may choose, the
 * one shown, and the toolbar to change it or turn to one's own view.
 */

/** Teams whose views this person reads: every team for an admin, the teams a manager leads. */
export const teamsToRead = (me: { id: string; role: string }, teams: readonly Team[]): readonly Team[] => (me.role === 'admin' ? teams : teams.filter((t) => t.manager?.id === me.id));

/** The team shown: `?team=` when it is one of the choices, else the first; undefined when there is none. */
export const shownTeam = (choices: readonly Team[], wanted: string | null): string | undefined => choices.find((t) => t.id === wanted)?.id ?? choices[0]?.id;

/** The Team choice (it sets `?team=`) when there are several, and the link to one's own view. */
export function TeamToolbar({ className, choices, teamId, own }: { className: string; choices: readonly Team[]; teamId: string; own: { to: string; label: string; className?: string } }) {
  const [, setSearch] = useSearchParams();
  return (
    <div className={className}>
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
      <Link className={own.className} to={own.to}>
        {own.label}
      </Link>
    </div>
  );
}
