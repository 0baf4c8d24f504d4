// Which view a page opens on for each role, without zod (the app's shell reads it on every page).
import type { Role } from './common.js';
import type { PlanView } from './team-view.js';
import type { FocusScope } from './focus.js';

/** Plans open on a manager's team, an admin's whole workspace and a rep's own. */
export const defaultPlanView = (role: Role): PlanView => (role === 'manager' ? 'team' : role === 'admin' ? 'everyone' : 'mine');

/** Today opens on a manager's team; everyone else sees their own day. */
export const defaultTodayView = (role: Role): PlanView => (role === 'manager' ? 'team' : 'mine');

/** Focus opens on a manager's team, an admin's whole workspace and a rep's own deals. */
export const defaultFocusScope = (role: Role): FocusScope => (role === 'manager' ? 'team' : role === 'admin' ? 'everyone' : 'mine');
