import { AuditEventList, HistoryQuery } from '../audit.js';
import { IdParams } from '../common.js';
import {
  AdvanceRate,
  AdvanceRateQuery,
  CancelInteractionBody,
  CreateInteractionBody,
  Interaction,
  InteractionList,
  InteractionListQuery,
  RecordResultBody,
  UpdateInteractionBody,
} from '../interactions.js';
import { defineRoutes } from './define.js';

const tags = ['interactions'] as const;

/**
 * Interactions with a planned outcome, their result, and advance rates. Agreed actions are
 * commitments: once created they change, close and re-date through the commitment operations.
 */
export const interactionsApi = defineRoutes({
  listInteractions: {
    tags,
    summary: 'Interactions by when they happen, filtered by account, deal, objective, owner and state',
    description: 'Keyset-paged on (sortAt, id). `state=awaiting_result` lists those whose time has come without a result ("record the outcome"); `state=upcoming&sort=sortAt` the next ones first.',
    query: InteractionListQuery,
    response: { 200: InteractionList },
  },
  createInteraction: {
    tags,
    summary: 'Plan an interaction with its planned outcome',
    description:
      'The planned outcome is required: outcomeKind and outcomeStatement (“What will the customer agree to by the end of this call?”), and firstCallGoal when needsSeveralCalls. A time in the past is refused (422 date_in_past) unless alreadyHappened is true; a time up to 5 minutes ago counts as now. The deal and objective must be of the account; attendees are contacts of the account and people of the workspace.',
    body: CreateInteractionBody,
    response: { 201: Interaction },
    // forbidden: handing it to someone the caller may not give records to (a rep to a colleague).
    errors: ['rule_violation', 'date_in_past', 'forbidden'],
  },
  getAdvanceRate: {
    tags,
    summary: 'Advance rate: advances ÷ interactions with a recorded result, with n and a 95 % Wilson interval',
    description: 'Per owner (rep), account or deal (the filters combine). Below 5 results the judgement is too_few_to_judge, with n and no number.',
    query: AdvanceRateQuery,
    response: { 200: AdvanceRate },
  },
  getInteraction: { tags, summary: 'Get an interaction with its planned outcome, result and agreed actions', params: IdParams, response: { 200: Interaction } },
  updateInteraction: {
    tags,
    summary: 'Move or re-plan an interaction (send its version)',
    description: 'The planned outcome cannot be removed (400 naming the field). A new time is judged as when planning; once a result is recorded its time stays in the past. A cancelled interaction takes no changes.',
    params: IdParams,
    body: UpdateInteractionBody,
    response: { 200: Interaction },
    errors: ['rule_violation', 'date_in_past'],
  },
  cancelInteraction: {
    tags,
    summary: 'Cancel a planned interaction (kept, never judged; send the version you read)',
    params: IdParams,
    body: CancelInteractionBody,
    response: { 200: Interaction },
    errors: ['rule_violation', 'version_conflict'],
  },
  recordInteractionResult: {
    tags,
    summary: 'Record the result once its time has come, or correct it (send its version)',
    description:
      'advanced (with what the customer agreed to, and agreed actions), continuation or no advance. Agreed actions become commitments in the same transaction: on the deal’s mutual plan (default when it has one), on a plan started now (actionsGoTo new_plan with newPlan), or kept on the interaction; nothing is written when one is refused. Before its time: 422 not_happened_yet.',
    params: IdParams,
    body: RecordResultBody,
    response: { 200: Interaction },
    errors: ['rule_violation', 'not_happened_yet', 'date_in_past', 'plan_closed', 'duplicate'],
  },
  listInteractionHistory: { tags, summary: 'Who planned, moved, cancelled the interaction or recorded its result, when, before and after', params: IdParams, query: HistoryQuery, response: { 200: AuditEventList } },
});
