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
  sessionId: string;
};
