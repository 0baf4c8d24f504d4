/**
 * Where each page inside the app's shell lives, and how to load its code. The entry script imports
 * this (it holds no React), so a signed-in visit starts the page's code alongside the app's, before
 * the app has arrived and run (main.tsx); SignedInApp renders the routes from the same table.
 */
export const PAGE_CODE = {
  today: () => import('../features/today/TodayPage'),
  accounts: () => import('../features/accounts/AccountsPage'),
  'accounts/new': () => import('../features/accounts/NewAccountPage'),
  'accounts/:id': () => import('../features/accounts/AccountPage'),
  'contacts/new': () => import('../features/contacts/NewContactPage'),
  'contacts/:id': () => import('../features/contacts/ContactPage'),
  opportunities: () => import('../features/opportunities/OpportunitiesPage'),
  'opportunities/new': () => import('../features/opportunities/NewOpportunityPage'),
  'opportunities/:id': () => import('../features/opportunities/OpportunityPage'),
  'opportunities/:id/retrospective': () => import('../features/retrospectives/RetrospectivePage'),
  focus: () => import('../features/focus/FocusPage'),
  'objectives/:id': () => import('../features/objectives/ObjectivePage'),
  'interactions/new': () => import('../features/interactions/PlanInteractionPage'),
  'interactions/:id': () => import('../features/interactions/InteractionPage'),
  plans: () => import('../features/plans/PlansPage'),
  'plans/:id': () => import('../features/plans/PlanPage'),
  planning: () => import('../features/targets/AccountPlanningPage'),
  coaching: () => import('../features/coaching/CoachingPage'),
  goals: () => import('../features/goals/GoalsPage'),
  'goals/new': () => import('../features/goals/NewGoalPage'),
  'goals/whys/:id': () => import('../features/goals/LadderPage'),
  'goals/:id': () => import('../features/goals/GoalPage'),
  team: () => import('../features/team/TeamPage'),
  'settings/*': () => import('../features/settings/SettingsPage'),
  search: () => import('../features/search/SearchPage'),
  notifications: () => import('../features/notifications/NotificationsPage'),
  'check-ins': () => import('../features/check-ins/CheckInsPage'),
  'check-ins/:id': () => import('../features/check-ins/CheckInPage'),
};

export type PagePath = keyof typeof PAGE_CODE;

/** The goals' query definitions: loaded with the data of the pages that show goals (app/pageData.ts), never in the first load. */
export const goalsDataCode = () => import('../features/goals/prefetch');

/** Pages whose data needs that code: it starts with the page's own. */
const WITH_GOALS_DATA = new Set<PagePath>(['today', 'goals', 'goals/:id', 'goals/whys/:id']);

/** Starts loading the code of the page at `path`, and the code its data needs. */
export function startPageCode(path: PagePath): Promise<unknown> {
  return Promise.all([PAGE_CODE[path](), WITH_GOALS_DATA.has(path) && goalsDataCode()]);
}

/** Addresses that lead to another page once signed in. */
export const REDIRECTS: Record<string, string> = { '/': '/today', '/signup': '/today' };

/**
 * The page at `pathname`, the way the router picks it (a fixed segment wins over a parameter:
 * /accounts/new is not an account). Only for starting a load early: SignedInApp's router decides what renders.
 */
export function pagePathAt(pathname: string): PagePath | null {
  const segments = (REDIRECTS[pathname] ?? pathname).split('/').filter(Boolean);
  let best: PagePath | null = null;
  let bestFixed = -1;
  for (const path of Object.keys(PAGE_CODE) as PagePath[]) {
    const parts = path.split('/');
    const rest = parts.at(-1) === '*';
    const fixed = parts.filter((p) => p !== '*' && !p.startsWith(':')).length;
    if (rest ? segments.length < parts.length - 1 : segments.length !== parts.length) continue;
    if (parts.every((p, i) => p === '*' || p.startsWith(':') || p === segments[i]) && fixed > bestFixed) {
      best = path;
      bestFixed = fixed;
    }
  }
  return best;
}
