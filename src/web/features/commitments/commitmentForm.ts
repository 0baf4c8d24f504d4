import type { Commitment, CommitmentSide } from '../../../shared/commitments';
import { orNull } from '../../lib/forms';
import { SIDE_TITLES } from './commitmentWords';
import type { FormSpec } from '../records/versionedForm';

/** The owner choice for a customer-side commitment that has no contact record. */
export const NAMED_PERSON = 'person';

export type CommitmentValues = {
  side: string;
  title: string;
  detail: string;
  ownerUserId: string;
  ownerContactId: string;
  ownerName: string;
  ownerEmail: string;
  role: string;
  dueDate: string;
  milestoneId: string;
  mustDo: string;
  internalOnly: string;
};

export const COMMITMENT_FIELDS = ['side', 'title', 'detail', 'ownerUserId', 'ownerContactId', 'ownerName', 'ownerEmail', 'role', 'dueDate', 'milestoneId', 'mustDo', 'internalOnly'] as const;

export function emptyCommitment(o: { side: CommitmentSide; ownerUserId: string; milestoneId: string; dueDate: string }): CommitmentValues {
  return { side: o.side, title: '', detail: '', ownerUserId: o.ownerUserId, ownerContactId: '', ownerName: '', ownerEmail: '', role: '', dueDate: o.dueDate, milestoneId: o.milestoneId, mustDo: '', internalOnly: '' };
}

export const flag = (v: string) => v === 'true';

/** The owner fields for the side: a workspace user, a contact, or a name and email. */
function ownerBody(v: CommitmentValues): Record<string, unknown> {
  if (v.side === 'seller') return { ownerUserId: v.ownerUserId || undefined };
  if (v.ownerContactId && v.ownerContactId !== NAMED_PERSON) return { ownerContactId: v.ownerContactId };
  return { ownerName: v.ownerName.trim(), ownerEmail: orNull(v.ownerEmail) };
}

function sharedBody(v: CommitmentValues): Record<string, unknown> {
  return {
    ...ownerBody(v),
    title: v.title.trim(),
    detail: orNull(v.detail),
    role: orNull(v.role),
    mustDo: flag(v.mustDo),
    internalOnly: v.side === 'seller' ? flag(v.internalOnly) : false,
  };
}

/** A new commitment; `alreadyDone` records something already kept, so its due date may be in the past. */
export function createBody(v: CommitmentValues, alreadyDone = false): Record<string, unknown> {
  return { ...sharedBody(v), side: v.side, dueDate: v.dueDate, milestoneId: v.milestoneId || null, ...(alreadyDone ? { status: 'done' } : {}) };
}

/** Checks beside the schema's: a customer owner must be chosen ("nobody" cannot be typed), in the form's words. */
export function precheck(v: CommitmentValues): Partial<Record<keyof CommitmentValues, string>> {
  const errors: Partial<Record<keyof CommitmentValues, string>> = {};
  if (v.title.trim() === '') errors.title = 'Say what will be delivered.';
  if (v.side === 'customer' && v.ownerContactId === '') errors.ownerContactId = 'Choose who at the customer owns this.';
  if (v.dueDate === '') errors.dueDate = 'Choose the date it is due.';
  return errors;
}

const toValues = (c: Commitment): CommitmentValues => ({
  side: c.side,
  title: c.title,
  detail: c.detail ?? '',
  ownerUserId: c.owner.kind === 'user' ? (c.owner.id ?? '') : '',
  ownerContactId: c.owner.kind === 'contact' ? (c.owner.id ?? '') : c.side === 'customer' ? NAMED_PERSON : '',
  ownerName: c.owner.kind === 'person' ? c.owner.name : '',
  ownerEmail: c.owner.kind === 'person' ? (c.owner.email ?? '') : '',
  role: c.role ?? '',
  dueDate: c.dueDate,
  milestoneId: c.milestoneId ?? '',
  mustDo: c.mustDo ? 'true' : '',
  internalOnly: c.internalOnly ? 'true' : '',
});

/** Editing: side, due date and milestone change elsewhere (re-dating, moving), so they are not sent. */
export const commitmentSpec: FormSpec<Commitment, CommitmentValues> = {
  toValues,
  toBody: sharedBody,
  fields: COMMITMENT_FIELDS,
  labels: {
    side: 'Side',
    title: 'Deliverable',
    detail: 'Detail',
    ownerUserId: 'Owner',
    ownerContactId: 'Owner',
    ownerName: 'Owner’s name',
    ownerEmail: 'Owner’s email',
    role: 'Role',
    dueDate: 'Due date',
    milestoneId: 'Milestone',
    mustDo: 'Must do',
    internalOnly: 'Internal only',
  },
  display: (c) => ({
    ...toValues(c),
    side: SIDE_TITLES[c.side],
    ownerUserId: c.owner.name,
    ownerContactId: c.owner.name,
    mustDo: c.mustDo ? 'Yes' : 'No',
    internalOnly: c.internalOnly ? 'Yes' : 'No',
  }),
};
