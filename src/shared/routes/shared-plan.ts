import {
  CreateCommentBody,
  GuestCommitment,
  GuestCreateCommitmentBody,
  GuestPlan,
  GuestRenegotiationBody,
  GuestSetStateBody,
  PlanComment,
  TokenIdParams,
  TokenParams,
} from '../plan-sharing.js';
import { defineRoutes } from './define.js';

const tags = ['shared plan (customer)'] as const;

/**
 * The customer's API, reached with the share token alone (in the path; no session). The customer's
 * page (src/web/share) imports only the types of these contracts, so zod stays out of its bundle.
 */
export const sharedPlanApi = defineRoutes({
  getSharedPlan: { tags, summary: 'The shared plan, as its customer sees it', params: TokenParams, response: { 200: GuestPlan } },
  setSharedCommitmentState: {
    tags,
    summary: 'Mark a customer-side commitment done or not done (safe to retry)',
    params: TokenIdParams,
    body: GuestSetStateBody,
    response: { 200: GuestCommitment },
    // 409 version_conflict only when the commitment changed under it several times in a row (retried).
    errors: ['plan_closed', 'rule_violation', 'version_conflict'],
  },
  proposeSharedNewDate: {
    tags,
    summary: 'Propose a new date, with a reason (the seller side answers)',
    params: TokenIdParams,
    body: GuestRenegotiationBody,
    response: { 201: GuestCommitment },
    errors: ['plan_closed', 'rule_violation', 'date_in_past'],
  },
  acceptSharedNewDate: {
    tags,
    summary: 'Accept a new date the seller side proposed for your commitment',
    params: TokenIdParams,
    response: { 200: GuestCommitment },
    errors: ['plan_closed', 'rule_violation', 'date_in_past', 'version_conflict'],
  },
  declineSharedNewDate: {
    tags,
    summary: 'Decline a new date the seller side proposed (your date stands)',
    params: TokenIdParams,
    response: { 200: GuestCommitment },
    errors: ['plan_closed', 'rule_violation'],
  },
  createSharedComment: { tags, summary: 'Comment on the plan', params: TokenParams, body: CreateCommentBody, response: { 201: PlanComment }, errors: ['plan_closed'] },
  createSharedCommitment: {
    tags,
    summary: 'Take on a customer-side commitment',
    params: TokenParams,
    body: GuestCreateCommitmentBody,
    response: { 201: GuestCommitment },
    errors: ['plan_closed', 'date_in_past'],
  },
});
