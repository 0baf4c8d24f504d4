/**
 * The deal page's cards that bring their own features' code (plans, focus, qualification): loaded
 * apart from the page's code, and started by navigation at the same time as it (app/pageData.ts),
 * not once the page has rendered.
 */
export const dealCards = {
  plan: () => import('../plans/OpportunityPlanCard'),
  focus: () => import('../focus/OpportunityFocusCard'),
  qualification: () => import('../qualification/QualificationCard'),
};
