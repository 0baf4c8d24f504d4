import { useState } from 'react';
import type { User } from '../../../shared/people';
import { useUsers } from '../../app/directory';
import { useMe } from '../../app/session';
import { ROLE_LABELS, timeZoneLabel } from '../../lib/format';
import { Avatar } from '../../ui/Avatar';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField } from '../../ui/Field';
import { EmptyState, ErrorState, SkeletonTable } from '../../ui/States';
import { DeactivateDialog } from './DeactivateDialog';
import { PersonDialog } from './PersonDialog';
import { ReliabilityDialog } from './ReliabilityDialog';

type Status = 'active' | 'deactivated' | 'all';

export function PeopleCard() {
  const me = useMe();
  const [status, setStatus] = useState<Status>('active');
  const people = useUsers(status);
  const [editing, setEditing] = useState<User | null>(null);
  const [leaving, setLeaving] = useState<User | null>(null);
  const [viewing, setViewing] = useState<User | null>(null);
  const admin = me.capabilities.managePeople;
  const rows = people.data ?? [];

  return (
    <Card
      title="People"
      flush
      actions={
        <div className="card-filter">
          <SelectField
            label="Show"
            name="status"
            required
            value={status}
            onChange={(v) => setStatus(v as Status)}
            options={[
              { value: 'active', label: 'Active' },
              { value: 'deactivated', label: 'Deactivated' },
              { value: 'all', label: 'Everyone' },
            ]}
          />
        </div>
      }
    >
      {people.isPending ? (
        <SkeletonTable rows={4} columns={5} />
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => void people.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState icon="team" title={status === 'deactivated' ? 'Nobody has been deactivated' : 'Nobody here yet'} />
      ) : (
        <>
        <p className="scroll-hint small muted" aria-hidden="true">
          Scroll sideways for more →
        </p>
        <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label="People (scrolls sideways on small screens)">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col" className="hide-sm">
                  Team
                </th>
                <th scope="col" className="hide-md">
                  Time zone
                </th>
                <th scope="col" className="hide-sm">
                  Status
                </th>
                {admin ? (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id}>
                  <td>
                    <span className="person">
                      <Avatar name={u.name} size="sm" />
                      <span>
                        <button type="button" className="link-button person-name" aria-haspopup="dialog" aria-label={`${u.name}, reliability`} onClick={() => setViewing(u)}>
                          {u.name}
                        </button>
                        {u.id === me.user.id ? <span className="muted"> (you)</span> : null}
                        <span className="sub">{u.email}</span>
                      </span>
                    </span>
                  </td>
                  <td>{ROLE_LABELS[u.role]}</td>
                  <td className="hide-sm">{u.team?.name ?? <span className="muted">No team</span>}</td>
                  <td className="hide-md">{timeZoneLabel(u.timeZone)}</td>
                  <td className="hide-sm">{u.status === 'active' ? <Badge tone="success">Active</Badge> : <Badge>Deactivated</Badge>}</td>
                  {admin ? (
                    <td className="row-actions">
                      {u.status === 'active' ? (
                        <>
                          <Button size="sm" variant="ghost" onClick={() => setEditing(u)} aria-label={`Edit ${u.name}`}>
                            Edit
                          </Button>
                          {u.permissions.canDeactivate ? (
                            <Button size="sm" variant="ghost" onClick={() => setLeaving(u)} aria-label={`Deactivate ${u.name}`}>
                              Deactivate
                            </Button>
                          ) : null}
                        </>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </>
      )}
      {editing ? <PersonDialog person={editing} onClose={() => setEditing(null)} /> : null}
      {leaving ? <DeactivateDialog person={leaving} onClose={() => setLeaving(null)} /> : null}
      {viewing ? <ReliabilityDialog person={viewing} you={viewing.id === me.user.id} onClose={() => setViewing(null)} /> : null}
    </Card>
  );
}
