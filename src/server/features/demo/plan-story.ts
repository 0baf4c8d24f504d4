import type { BuyingRole } from '../../../shared/contacts.js';
import type { PlanStatus } from '../../../shared/plans.js';
import type { DemoPersonKey } from './catalogue.js';

/**
 * The vocabulary of the demo's mutual plans, written as stories: what was agreed, and what each
 * side then did. Days are whole-day offsets from today (negative: in the past) in the owner's own
 * time zone — the deal owner's for plan events, the commitment owner's for a commitment (the
 * plan's customer zone on the customer side), which is where the app judges them too.
 */
export type Day = number;

/** A change of due date. `by` defaults to the commitment's own side. A re-date that needs the other
 *  side's answer and has no `answer` is still waiting for one. */
export type StoryRedate = {
  on: Day;
  to: Day;
  why: string;
  by?: 'seller' | 'customer';
  answer?: { on: Day; accept?: boolean; note?: string };
};

export type StoryCommitment = {
  side: 'seller' | 'customer';
  /** A demo person on the seller side; on the customer side, the account's contact with this buying role. */
  owner: DemoPersonKey | BuyingRole;
  /** Index into the plan's milestones. */
  m: number;
  title: string;
  due: Day;
  detail?: string;
  role?: string;
  must?: boolean;
  internal?: boolean;
  /** Added after the plan was created (default: with the plan). */
  added?: Day;
  done?: Day;
  drop?: readonly [Day, string];
  redate?: readonly StoryRedate[];
};

export type PlanStory = {
  account: string;
  /** The deal's name; any open deal of the account if this one is not open. */
  deal: string;
  title: string;
  outcome: string;
  why: string;
  cost: string;
  timeZone: string;
  status: PlanStatus;
  created: Day;
  activated?: Day;
  /** When a completed or abandoned plan was closed. */
  closed?: Day;
  target: Day;
  milestones: readonly (readonly [string, Day])[];
  commitments: readonly StoryCommitment[];
  /** The customer's link, for the contact with this buying role; customer actions after `on` go through it. */
  share?: { to: BuyingRole; on: Day; views: readonly Day[] };
  comments?: readonly { by: 'customer' | DemoPersonKey; on: Day; body: string }[];
};

type More = Omit<StoryCommitment, 'side' | 'owner' | 'm' | 'title' | 'due'>;

export const seller = (owner: DemoPersonKey, m: number, title: string, due: Day, more: More = {}): StoryCommitment => ({ side: 'seller', owner, m, title, due, ...more });

export const customer = (owner: BuyingRole, m: number, title: string, due: Day, more: More = {}): StoryCommitment => ({ side: 'customer', owner, m, title, due, ...more });
