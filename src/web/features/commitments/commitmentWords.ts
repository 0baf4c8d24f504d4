import type { Commitment, CommitmentSide, CommitmentState } from '../../../shared/commitments';
import type { Tone } from '../../ui/Badge';
import { formatDate } from '../../lib/format';

/** The words and tones of a commitment (on a plan, an objective, Today): plain, and never shaming. */

export const SIDE_LABELS: Record<CommitmentSide, string> = { seller: 'Seller', customer: 'Customer' };
export const SIDE_TITLES: Record<CommitmentSide, string> = { seller: 'Seller side', customer: 'Customer side' };

export const STATE_LABELS: Record<CommitmentState, string> = { open: 'Open', missed: 'Missed', done: 'Done', dropped: 'Dropped' };
export const STATE_TONES: Record<CommitmentState, Tone> = { open: 'neutral', missed: 'danger', done: 'success', dropped: 'neutral' };

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** "due today", "due in 3 days", "2 days past its date": judged in the owner's zone by the server. */
export function dueWhen(daysUntilDue: number): string {
  if (daysUntilDue === 0) return 'due today';
  if (daysUntilDue === 1) return 'due tomorrow';
  if (daysUntilDue > 1) return `due in ${days(daysUntilDue)}`;
  return `${days(-daysUntilDue)} past its date`;
}

/** The date line of a commitment: the date, and where it stands. */
export function dueLine(c: Pick<Commitment, 'dueDate' | 'daysUntilDue' | 'status'>): string {
  const date = formatDate(c.dueDate);
  return c.status === 'open' ? `${date} · ${dueWhen(c.daysUntilDue)}` : date;
}

/** Who owns it, with their role when one is set; a template's placeholder asks for a real name. */
export function ownerLine(c: Pick<Commitment, 'owner' | 'role'>): string {
  if (c.role && c.owner.kind === 'person' && c.owner.name === c.role) return `${c.role} (name to confirm)`;
  return c.role ? `${c.owner.name} · ${c.role}` : c.owner.name;
}
