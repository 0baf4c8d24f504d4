/**
 * Every operation of the API: its method and path, under its operationId. Its contract (summary,
 * schemas, errors) is in the feature's file beside this one, defined under the same name
 * (defineRoutes fills in the method and path from here). This file imports nothing, so the web app
 * and the customer's page name the operations they call (src/web/app/api.ts, src/web/share/api.ts)
 * without loading a schema: each bundle keeps only the entries it uses.
 *
 * An operationId is what generated clients name their methods after: renaming one breaks them
 * (operation-ids.txt).
 */

// auth.ts
export const getSetupStatus = { method: 'GET', path: '/api/v1/setup' } as const;
export const createWorkspace = { method: 'POST', path: '/api/v1/signup' } as const;
export const createSession = { method: 'POST', path: '/api/v1/session' } as const;
export const getSession = { method: 'GET', path: '/api/v1/session' } as const;
export const deleteSession = { method: 'DELETE', path: '/api/v1/session' } as const;
export const createDemoSession = { method: 'POST', path: '/api/v1/demo/session' } as const;
export const resetDemoWorkspace = { method: 'POST', path: '/api/v1/demo/reset' } as const;

// people.ts
export const getWorkspace = { method: 'GET', path: '/api/v1/workspace' } as const;
export const updateWorkspace = { method: 'PATCH', path: '/api/v1/workspace' } as const;
export const listUsers = { method: 'GET', path: '/api/v1/users' } as const;
export const getUser = { method: 'GET', path: '/api/v1/users/:id' } as const;
export const updateUser = { method: 'PATCH', path: '/api/v1/users/:id' } as const;
export const deactivateUser = { method: 'POST', path: '/api/v1/users/:id/deactivate' } as const;
export const listUserHistory = { method: 'GET', path: '/api/v1/users/:id/history' } as const;
export const listTeams = { method: 'GET', path: '/api/v1/teams' } as const;
export const createTeam = { method: 'POST', path: '/api/v1/teams' } as const;
export const updateTeam = { method: 'PATCH', path: '/api/v1/teams/:id' } as const;
export const listTeamHistory = { method: 'GET', path: '/api/v1/teams/:id/history' } as const;
export const createInvite = { method: 'POST', path: '/api/v1/invites' } as const;
export const listInvites = { method: 'GET', path: '/api/v1/invites' } as const;
export const revokeInvite = { method: 'POST', path: '/api/v1/invites/:id/revoke' } as const;
export const lookupInvite = { method: 'POST', path: '/api/v1/invites/lookup' } as const;
export const acceptInvite = { method: 'POST', path: '/api/v1/invites/accept' } as const;

// stages.ts
export const listStages = { method: 'GET', path: '/api/v1/stages' } as const;
export const createStage = { method: 'POST', path: '/api/v1/stages' } as const;
export const updateStage = { method: 'PATCH', path: '/api/v1/stages/:id' } as const;
export const listStageHistory = { method: 'GET', path: '/api/v1/stages/:id/history' } as const;

// accounts.ts
export const listAccounts = { method: 'GET', path: '/api/v1/accounts' } as const;
export const createAccount = { method: 'POST', path: '/api/v1/accounts' } as const;
export const getAccount = { method: 'GET', path: '/api/v1/accounts/:id' } as const;
export const updateAccount = { method: 'PATCH', path: '/api/v1/accounts/:id' } as const;
export const archiveAccount = { method: 'POST', path: '/api/v1/accounts/:id/archive' } as const;
export const restoreAccount = { method: 'POST', path: '/api/v1/accounts/:id/restore' } as const;
export const listAccountHistory = { method: 'GET', path: '/api/v1/accounts/:id/history' } as const;

// objectives.ts
export const listAccountObjectives = { method: 'GET', path: '/api/v1/accounts/:id/objectives' } as const;
export const createObjective = { method: 'POST', path: '/api/v1/accounts/:id/objectives' } as const;
export const getObjective = { method: 'GET', path: '/api/v1/objectives/:id' } as const;
export const updateObjective = { method: 'PATCH', path: '/api/v1/objectives/:id' } as const;
export const listObjectiveHistory = { method: 'GET', path: '/api/v1/objectives/:id/history' } as const;
export const addObjectiveContributor = { method: 'POST', path: '/api/v1/objectives/:id/contributors' } as const;
export const removeObjectiveContributor = { method: 'DELETE', path: '/api/v1/objectives/:id/contributors/:userId' } as const;
export const createObjectiveInsight = { method: 'POST', path: '/api/v1/objectives/:id/insights' } as const;
export const createObjectiveTask = { method: 'POST', path: '/api/v1/objectives/:id/tasks' } as const;

// contacts.ts
export const listContacts = { method: 'GET', path: '/api/v1/contacts' } as const;
export const createContact = { method: 'POST', path: '/api/v1/contacts' } as const;
export const getContact = { method: 'GET', path: '/api/v1/contacts/:id' } as const;
export const updateContact = { method: 'PATCH', path: '/api/v1/contacts/:id' } as const;
export const archiveContact = { method: 'POST', path: '/api/v1/contacts/:id/archive' } as const;
export const restoreContact = { method: 'POST', path: '/api/v1/contacts/:id/restore' } as const;
export const listContactHistory = { method: 'GET', path: '/api/v1/contacts/:id/history' } as const;

// opportunities.ts
export const listOpportunities = { method: 'GET', path: '/api/v1/opportunities' } as const;
export const createOpportunity = { method: 'POST', path: '/api/v1/opportunities' } as const;
export const getOpportunity = { method: 'GET', path: '/api/v1/opportunities/:id' } as const;
export const updateOpportunity = { method: 'PATCH', path: '/api/v1/opportunities/:id' } as const;
export const archiveOpportunity = { method: 'POST', path: '/api/v1/opportunities/:id/archive' } as const;
export const restoreOpportunity = { method: 'POST', path: '/api/v1/opportunities/:id/restore' } as const;
export const listOpportunityHistory = { method: 'GET', path: '/api/v1/opportunities/:id/history' } as const;

// plans.ts
export const listPlans = { method: 'GET', path: '/api/v1/plans' } as const;
export const getTeamSummary = { method: 'GET', path: '/api/v1/plans/team-summary' } as const;
export const getOpportunityPlan = { method: 'GET', path: '/api/v1/opportunities/:id/plan' } as const;
export const createPlan = { method: 'POST', path: '/api/v1/opportunities/:id/plan' } as const;
export const getPlan = { method: 'GET', path: '/api/v1/plans/:id' } as const;
export const updatePlan = { method: 'PATCH', path: '/api/v1/plans/:id' } as const;
export const reopenPlan = { method: 'POST', path: '/api/v1/plans/:id/reopen' } as const;
export const listPlanHistory = { method: 'GET', path: '/api/v1/plans/:id/history' } as const;

// milestones.ts
export const createMilestone = { method: 'POST', path: '/api/v1/plans/:id/milestones' } as const;
export const getMilestone = { method: 'GET', path: '/api/v1/milestones/:id' } as const;
export const updateMilestone = { method: 'PATCH', path: '/api/v1/milestones/:id' } as const;
export const archiveMilestone = { method: 'POST', path: '/api/v1/milestones/:id/archive' } as const;
export const restoreMilestone = { method: 'POST', path: '/api/v1/milestones/:id/restore' } as const;

// commitments.ts
export const createCommitment = { method: 'POST', path: '/api/v1/plans/:id/commitments' } as const;
export const setPlanLayout = { method: 'POST', path: '/api/v1/plans/:id/layout' } as const;
export const getCommitment = { method: 'GET', path: '/api/v1/commitments/:id' } as const;
export const updateCommitment = { method: 'PATCH', path: '/api/v1/commitments/:id' } as const;
export const proposeNewDate = { method: 'POST', path: '/api/v1/commitments/:id/renegotiations' } as const;
export const acceptNewDate = { method: 'POST', path: '/api/v1/renegotiations/:id/accept' } as const;
export const declineNewDate = { method: 'POST', path: '/api/v1/renegotiations/:id/decline' } as const;

// insights.ts
export const getToday = { method: 'GET', path: '/api/v1/today' } as const;
export const getPlanReliability = { method: 'GET', path: '/api/v1/plans/:id/reliability' } as const;
export const getUserReliability = { method: 'GET', path: '/api/v1/users/:id/reliability' } as const;
export const getOpportunityReliability = { method: 'GET', path: '/api/v1/opportunities/:id/reliability' } as const;
export const getAccountReliability = { method: 'GET', path: '/api/v1/accounts/:id/reliability' } as const;

// plan-templates.ts
export const listPlanTemplates = { method: 'GET', path: '/api/v1/plan-templates' } as const;
export const createPlanTemplate = { method: 'POST', path: '/api/v1/plan-templates' } as const;
export const getPlanTemplate = { method: 'GET', path: '/api/v1/plan-templates/:id' } as const;
export const archivePlanTemplate = { method: 'POST', path: '/api/v1/plan-templates/:id/archive' } as const;
export const savePlanAsTemplate = { method: 'POST', path: '/api/v1/plans/:id/template' } as const;

// sharing.ts
export const createShareLink = { method: 'POST', path: '/api/v1/plans/:id/share-links' } as const;
export const listShareLinks = { method: 'GET', path: '/api/v1/plans/:id/share-links' } as const;
export const revokeShareLink = { method: 'POST', path: '/api/v1/share-links/:id/revoke' } as const;
export const listPlanComments = { method: 'GET', path: '/api/v1/plans/:id/comments' } as const;
export const createPlanComment = { method: 'POST', path: '/api/v1/plans/:id/comments' } as const;

// sharing.ts
export const listNotifications = { method: 'GET', path: '/api/v1/notifications' } as const;
export const markAllNotificationsRead = { method: 'POST', path: '/api/v1/notifications/read-all' } as const;
export const markNotificationRead = { method: 'POST', path: '/api/v1/notifications/:id/read' } as const;

// search.ts
export const searchWorkspace = { method: 'GET', path: '/api/v1/search' } as const;

// shared-plan.ts
export const getSharedPlan = { method: 'GET', path: '/api/v1/shared/:token' } as const;
export const setSharedCommitmentState = { method: 'POST', path: '/api/v1/shared/:token/commitments/:id/state' } as const;
export const proposeSharedNewDate = { method: 'POST', path: '/api/v1/shared/:token/commitments/:id/renegotiations' } as const;
export const acceptSharedNewDate = { method: 'POST', path: '/api/v1/shared/:token/renegotiations/:id/accept' } as const;
export const declineSharedNewDate = { method: 'POST', path: '/api/v1/shared/:token/renegotiations/:id/decline' } as const;
export const createSharedComment = { method: 'POST', path: '/api/v1/shared/:token/comments' } as const;
export const createSharedCommitment = { method: 'POST', path: '/api/v1/shared/:token/commitments' } as const;
