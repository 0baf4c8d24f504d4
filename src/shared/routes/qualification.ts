import { IdParams } from '../common.js';
import {
  CreateSweetSpotCriterionBody,
  OpportunityQualification,
  StageGate,
  SweetSpotCriterion,
  SweetSpotCriterionList,
  UpdateQualificationBody,
  UpdateStageGateBody,
  UpdateSweetSpotCriterionBody,
} from '../qualification.js';
import { defineRoutes } from './define.js';

const tags = ['qualification'] as const;

export const qualificationApi = defineRoutes({
  listSweetSpotCriteria: { tags, summary: 'List the sweet-spot criteria deals are qualified on, in order, archived ones included', response: { 200: SweetSpotCriterionList } },
  createSweetSpotCriterion: {
    tags,
    summary: 'Add a sweet-spot criterion at the end of the checklist (admins)',
    body: CreateSweetSpotCriterionBody,
    response: { 201: SweetSpotCriterion },
    errors: ['duplicate'],
  },
  updateSweetSpotCriterion: {
    tags,
    summary: 'Rename, move, archive or restore a sweet-spot criterion (admins; send the version)',
    description:
      'A move (`position`) is made from the order read (`basis`, else 400): answers 409 version_conflict, with the criterion as it now is in `error.current`, when the criteria are no longer in that order (someone moved or added one meanwhile); nothing moves.',
    params: IdParams,
    body: UpdateSweetSpotCriterionBody,
    response: { 200: SweetSpotCriterion },
    errors: ['duplicate', 'version_conflict'],
  },
  getStageGate: { tags, summary: 'The stage from which an evidenced commitment to change is needed (or none)', response: { 200: StageGate } },
  updateStageGate: {
    tags,
    summary: 'Choose the stage gate, or turn it off (admins; send the workspace version)',
    description:
      'When a gate stage is set, moving an opportunity forwards into that stage or any later one — or creating it there — without an evidenced commitment to change is refused with 409 `qualification_required`. Moving backwards, and editing other fields of a deal already past the gate, are not.',
    body: UpdateStageGateBody,
    response: { 200: StageGate },
  },
  getOpportunityQualification: {
    tags,
    summary: 'An opportunity’s qualification: sweet-spot fit, commitment to change, cost of inaction, compelling event',
    params: IdParams,
    response: { 200: OpportunityQualification },
  },
  updateOpportunityQualification: {
    tags,
    summary: 'Change an opportunity’s qualification (send the opportunity’s version)',
    description:
      'An evidenced commitment to change needs the evidence in words, who said it (a contact of the deal’s account, or a name) and the day it was said (not in the future). A newly set compelling event date must not be before today in your time zone (422 `date_in_past`). The cost of inaction per month is in the deal’s currency. The opportunity’s version goes up by one.',
    params: IdParams,
    body: UpdateQualificationBody,
    response: { 200: OpportunityQualification },
    errors: ['date_in_past'],
  },
});
