/**
 * Whose deals Focus shows: the signed-in person's own, their team's (the teams they lead or belong
 * to), or everyone's. Zod-free, so the app's shell can pick the default without the contracts.
 */
export const FOCUS_SCOPES = ['mine', 'team', 'everyone'] as const;
export type FocusScope = (typeof FOCUS_SCOPES)[number];

/** A manager opens on their team, an admin on everyone, a rep on their own deals. */
export const defaultFocusScope = (role: 'admin' | 'manager' | 'rep'): FocusScope => (role === 'manager' ? 'team' : role === 'admin' ? 'everyone' : 'mine');
