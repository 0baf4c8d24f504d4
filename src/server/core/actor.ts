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
  sessionId: string;
};
