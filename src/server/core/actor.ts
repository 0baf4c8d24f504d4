import type { Role } from '../../shared/common.js';

/** The signed-in person a request acts for. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  role: Role;
  workspaceId: string;
  teamId: string | null;
  /** Teams this person manages (managers only). */
  ledTeamIds: string[];
  timeZone: string;
  /** The workspace's default zone: the zone of everyone who has not chosen their own. */
  workspaceTimeZone: string;
  /**
   * The workspace's focus thresholds (migration 0094), read with the session like the zone above:
   * every list filtered by flag needs them, and this saves it a query.
   */
  focusThresholds: { noAdvanceStreak: number; noCommitmentDays: number; noCommitmentInteractions: number };
  /** The session the request came with; null when it came with an API token. */
  sessionId: string | null;
  /** Set when the request came with `Authorization: Bearer` (core/auth/api-tokens.ts): which token, and what it may do. */
  apiToken?: ApiTokenGrant;
};

/** An API token acting for its person: `read` may only read (GET, HEAD). */
export type ApiTokenGrant = { id: string; scope: 'read' | 'read_write' };
