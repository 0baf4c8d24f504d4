/**
 * Every operation of the API: its method and path, under its operationId, one file per feature in
 * operations/. Its contract (summary, schemas, errors) is in the feature's file beside this one,
 * defined under the same name (defineRoutes fills in the method and path from here). Those files
 * import nothing: the web app and the customer's page import the ones they call directly
 * (`operations/accounts`, not this index), so each bundle holds only the features it uses and never
 * a schema.
 *
 * An operationId is what generated clients name their methods after: renaming one breaks them
 * (operation-ids.txt).
 */

export * from './operations/auth.js';
export * from './operations/people.js';
export * from './operations/stages.js';
export * from './operations/accounts.js';
export * from './operations/objectives.js';
export * from './operations/interactions.js';
export * from './operations/contacts.js';
export * from './operations/opportunities.js';
export * from './operations/qualification.js';
export * from './operations/focus.js';
export * from './operations/plans.js';
export * from './operations/milestones.js';
export * from './operations/commitments.js';
export * from './operations/insights.js';
export * from './operations/plan-templates.js';
export * from './operations/sharing.js';
export * from './operations/search.js';
export * from './operations/shared-plan.js';
export * from './operations/targets.js';
export * from './operations/coaching.js';
export * from './operations/retrospectives.js';
export * from './operations/goals.js';
export * from './operations/check-ins.js';
export * from './operations/mail.js';
export * from './operations/exports.js';
export * from './operations/imports.js';
export * from './operations/webhooks.js';
