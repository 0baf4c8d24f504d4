import { AuditEventList, HistoryQuery } from '../audit.js';
import { IdParams } from '../common.js';
import { CreateStageBody, Stage, StageList, UpdateStageBody } from '../stages.js';
import { defineRoutes } from './define.js';

const tags = ['stages'] as const;

export const stagesApi = defineRoutes({
  listStages: { tags, summary: 'List opportunity stages in pipeline order, archived ones included', response: { 200: StageList } },
  createStage: { tags, summary: 'Add a stage at the end of the pipeline (admins)', body: CreateStageBody, response: { 201: Stage }, errors: ['duplicate'] },
  updateStage: {
    tags,
    summary: 'Rename, move, archive or restore a stage (admins; send the version)',
    description:
      'A move (`position`) is made from the order read (`basis`, else 400): answers 409 version_conflict, with the stage as it now is in `error.current`, when the stages are no longer in that order (someone moved or added one meanwhile); nothing moves.',
    params: IdParams,
    body: UpdateStageBody,
    response: { 200: Stage },
    errors: ['duplicate', 'rule_violation', 'version_conflict'],
  },
  listStageHistory: { tags, summary: 'Who changed the stage, when, before and after', params: IdParams, query: HistoryQuery, response: { 200: AuditEventList } },
});
