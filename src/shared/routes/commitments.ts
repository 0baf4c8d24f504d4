import { IdParams } from '../common.js';
import {
  AnswerRenegotiationBody,
  Commitment,
  CreateCommitmentBody,
  CreateRenegotiationBody,
  PlanLayoutBody,
  RenegotiationResult,
  UpdateCommitmentBody,
} from '../commitments.js';
import { Plan } from '../plans.js';
import { defineRoutes } from './define.js';

const tags = ['plans'] as const;

/** Commitments on a plan, their order, and new dates proposed with a reason (renegotiations). */
export const commitmentsApi = defineRoutes({
  createCommitment: {
    tags,
    summary: 'Add a commitment (seller or customer side)',
    params: IdParams,
    body: CreateCommitmentBody,
    response: { 201: Commitment },
    errors: ['plan_closed', 'date_in_past'],
  },
  setPlanLayout: {
    tags,
    summary: 'Reorder milestones and commitments and move commitments between milestones, in one go',
    description: 'From the order read (`basis`): answers 409 version_conflict, with the plan as it now is in `error.current`, when the plan is no longer in that order (someone moved, added or removed a milestone or commitment meanwhile).',
    params: IdParams,
    body: PlanLayoutBody,
    response: { 200: Plan },
    errors: ['plan_closed', 'version_conflict'],
  },
  getCommitment: { tags, summary: 'Get a commitment with its date history', params: IdParams, response: { 200: Commitment } },
  updateCommitment: {
    tags,
    summary: 'Change a commitment or its status (send its version); due dates change through renegotiations',
    params: IdParams,
    body: UpdateCommitmentBody,
    response: { 200: Commitment },
    errors: ['plan_closed', 'rule_violation'],
  },
  proposeNewDate: {
    tags,
    summary: 'Propose a new due date, with a reason',
    params: IdParams,
    body: CreateRenegotiationBody,
    response: { 201: RenegotiationResult },
    errors: ['plan_closed', 'rule_violation', 'date_in_past'],
  },
  acceptNewDate: {
    tags,
    summary: 'Accept a new date the customer proposed',
    params: IdParams,
    body: AnswerRenegotiationBody,
    response: { 200: RenegotiationResult },
    errors: ['plan_closed', 'rule_violation', 'date_in_past', 'version_conflict'],
  },
  declineNewDate: {
    tags,
    summary: 'Decline a new date the customer proposed (the original date stands)',
    params: IdParams,
    body: AnswerRenegotiationBody,
    response: { 200: RenegotiationResult },
    errors: ['plan_closed', 'rule_violation'],
  },
});
