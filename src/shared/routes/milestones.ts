import { ArchiveBody, IdParams } from '../common.js';
import { CreateMilestoneBody, Milestone, UpdateMilestoneBody } from '../plans.js';
import { defineRoutes } from './define.js';

const tags = ['plans'] as const;

/** A plan's milestones; every write answers 409 plan_closed on a completed or abandoned plan. */
export const milestonesApi = defineRoutes({
  createMilestone: { tags, summary: 'Add a milestone at the end of the plan', params: IdParams, body: CreateMilestoneBody, response: { 201: Milestone }, errors: ['plan_closed', 'date_in_past'] },
  getMilestone: { tags, summary: 'Get a milestone', params: IdParams, response: { 200: Milestone } },
  updateMilestone: { tags, summary: 'Change a milestone (send its version)', params: IdParams, body: UpdateMilestoneBody, response: { 200: Milestone }, errors: ['plan_closed', 'date_in_past'] },
  archiveMilestone: {
    tags,
    summary: 'Archive a milestone (its commitments stay, without a milestone)',
    params: IdParams,
    body: ArchiveBody,
    response: { 200: Milestone },
    errors: ['plan_closed'],
  },
  restoreMilestone: {
    tags,
    summary: 'Restore an archived milestone at the end of the plan',
    params: IdParams,
    body: ArchiveBody,
    response: { 200: Milestone },
    errors: ['plan_closed'],
  },
});
