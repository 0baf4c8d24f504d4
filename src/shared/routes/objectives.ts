import { z } from 'zod';
import { HistoryEventList, HistoryQuery } from '../audit.js';
import { IdParams } from '../common.js';
import { Commitment } from '../commitments.js';
import {
  AccountObjectives,
  AddContributorBody,
  ContributorParams,
  CreateObjectiveBody,
  CreateObjectiveInsightBody,
  CreateObjectiveTaskBody,
  Objective,
  ObjectiveInsight,
  UpdateObjectiveBody,
} from '../objectives.js';
import { defineRoutes } from './define.js';

const tags = ['objectives'] as const;

/**
 * Strategic objectives on accounts. Tasks are commitments: once created they change, close and
 * re-date through the commitment operations (PATCH /commitments/{id}, POST /commitments/{id}/renegotiations).
 */
export const objectivesApi = defineRoutes({
  listAccountObjectives: { tags, summary: 'An account’s objectives by target date, with their financial targets per currency', params: IdParams, response: { 200: AccountObjectives } },
  createObjective: {
    tags,
    summary: 'Set a strategic objective on an account',
    description: 'Linked opportunities must be deals of the same account; the owner must be an active person of the workspace.',
    params: IdParams,
    body: CreateObjectiveBody,
    response: { 201: Objective },
    errors: ['rule_violation', 'date_in_past'],
  },
  getObjective: { tags, summary: 'Get an objective with its contributors, insights and tasks', params: IdParams, response: { 200: Objective } },
  updateObjective: { tags, summary: 'Change an objective (send its version)', params: IdParams, body: UpdateObjectiveBody, response: { 200: Objective }, errors: ['date_in_past'] },
  listObjectiveHistory: {
    tags,
    summary: 'Who changed the objective, invited or removed contributors, added insights and tasks, and what happened to its tasks (newest first, keyset paging)',
    params: IdParams,
    query: HistoryQuery,
    response: { 200: HistoryEventList },
  },
  addObjectiveContributor: {
    tags,
    summary: 'Invite a person of the workspace to contribute (they get a notification)',
    params: IdParams,
    body: AddContributorBody,
    response: { 200: Objective },
    errors: ['duplicate'],
  },
  removeObjectiveContributor: { tags, summary: 'Remove a contributor (their tasks stay, with them)', params: ContributorParams, response: { 204: z.null() } },
  createObjectiveInsight: { tags, summary: 'Add an insight to the objective’s thread (owner or contributor)', params: IdParams, body: CreateObjectiveInsightBody, response: { 201: ObjectiveInsight } },
  createObjectiveTask: {
    tags,
    summary: 'Take on a task for the objective: a commitment owned by the owner or a contributor',
    params: IdParams,
    body: CreateObjectiveTaskBody,
    response: { 201: Commitment },
    errors: ['date_in_past'],
  },
});
