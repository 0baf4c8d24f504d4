import { IdParams } from '../common.js';
import { Commitment } from '../commitments.js';
import { AddWhyRungBody, CreateWhyLadderBody } from '../goals.js';
import {
  CheckIn,
  CheckInList,
  CheckInListQuery,
  CheckInNote,
  CheckInSeries,
  CheckInSeriesList,
  CheckInSeriesListQuery,
  CheckInTemplate,
  CloseCoachingBody,
  CreateCheckInActionBody,
  CreateCheckInNoteBody,
  CreateCheckInSeriesBody,
  OpenCheckInBody,
  SaveCheckInAnswersBody,
  UpdateCheckInBody,
  UpdateCheckInNoteBody,
  UpdateCheckInSeriesBody,
  UpdateCheckInTemplateBody,
} from '../check-ins.js';
import { defineRoutes } from './define.js';

const tags = ['check-ins'] as const;

const PRIVATE =
  'A check-in is its manager’s and its rep’s (and readable by admins): anyone else gets 404, as for a record that does not exist.';

/**
 * Check-ins: recurring 1:1s between a manager and a rep. Agreed actions are commitments: once
 * created they change, close and re-date through the commitment operations (PATCH /commitments/{id},
 * POST /commitments/{id}/renegotiations).
 */
export const checkInsApi = defineRoutes({
  getCheckInTemplate: { tags, summary: 'The questions each new check-in asks (the built-in ones until an admin edits them)', response: { 200: CheckInTemplate } },
  updateCheckInTemplate: {
    tags,
    summary: 'Change the workspace’s check-in questions (admins; send the version read, 0 for the built-in ones)',
    description: 'Check-ins already opened keep the questions they were opened with.',
    body: UpdateCheckInTemplateBody,
    response: { 200: CheckInTemplate },
  },
  listCheckInSeries: { tags, summary: 'The check-in series you run or attend, and the people you may start one with', query: CheckInSeriesListQuery, response: { 200: CheckInSeriesList } },
  createCheckInSeries: {
    tags,
    summary: 'Set up a recurring check-in with a rep (their team’s manager, or an admin)',
    description: 'The day and time are on the manager’s clock, in their time zone: a weekly 09:00 stays 09:00 there across daylight-saving changes. One running series per manager and rep (409 duplicate).',
    body: CreateCheckInSeriesBody,
    response: { 201: CheckInSeries },
    errors: ['duplicate', 'date_in_past'],
  },
  getCheckInSeries: { tags, summary: 'A check-in series with its next occurrence', description: PRIVATE, params: IdParams, response: { 200: CheckInSeries } },
  updateCheckInSeries: {
    tags,
    summary: 'Change when a series meets, or end it (its manager or an admin; send its version)',
    params: IdParams,
    body: UpdateCheckInSeriesBody,
    response: { 200: CheckInSeries },
    errors: ['rule_violation'],
  },
  openCheckIn: {
    tags,
    summary: 'Open an occurrence of a series (either person, or an admin): the check-in, with its questions as they are now',
    description: 'Opening an occurrence already open answers the same check-in. The instant must be one of the series’ occurrences.',
    params: IdParams,
    body: OpenCheckInBody,
    response: { 200: CheckIn },
    errors: ['rule_violation'],
  },
  listCheckIns: {
    tags,
    summary: 'Check-ins you run or attend, newest first (an admin’s: every one), with their actions kept so far',
    query: CheckInListQuery,
    response: { 200: CheckInList },
  },
  getCheckIn: {
    tags,
    summary: 'A check-in: its questions and the rep’s answers, the notes you may read, agreed actions, last time’s actions and the rep’s data',
    description: PRIVATE,
    params: IdParams,
    response: { 200: CheckIn },
  },
  updateCheckIn: { tags, summary: 'Mark a check-in held or skipped (its manager or an admin; send its version)', params: IdParams, body: UpdateCheckInBody, response: { 200: CheckIn } },
  saveCheckInAnswers: {
    tags,
    summary: 'Save the rep’s answers (the rep alone; send the answers’ version), and hand them to the manager with submit',
    description: 'Answers change until the check-in is marked held or skipped; after that they stay as they were (422 `rule_violation`).',
    params: IdParams,
    body: SaveCheckInAnswersBody,
    response: { 200: CheckIn },
    errors: ['rule_violation'],
  },
  createCheckInNote: {
    tags,
    summary: 'Add a note to a check-in (its manager or an admin): private to you, or shared with the rep',
    params: IdParams,
    body: CreateCheckInNoteBody,
    response: { 201: CheckInNote },
  },
  updateCheckInNote: {
    tags,
    summary: 'Change your note, or whether it is shared (its author alone; send its version)',
    description: 'Someone else’s private note is not there for you: 404.',
    params: IdParams,
    body: UpdateCheckInNoteBody,
    response: { 200: CheckInNote },
  },
  createCheckInAction: {
    tags,
    summary: 'Record an agreed action: a commitment owned by the manager or the rep, due on a day in the owner’s time zone',
    params: IdParams,
    body: CreateCheckInActionBody,
    response: { 201: Commitment },
    errors: ['date_in_past'],
  },
  startCheckInCoaching: {
    tags,
    summary: 'Run the why ladder with the rep in this check-in (the manager running it): the rep’s first answer starts a ladder that is the rep’s',
    description:
      'The ladder belongs to the rep and is private to them unless they share it. The manager reads what was said only while the session is open (until closed, the check-in is held or skipped, or 12 hours after it started); afterwards only if the rep shared the ladder. One per check-in (409 duplicate).',
    params: IdParams,
    body: CreateWhyLadderBody,
    response: { 201: CheckIn },
    errors: ['duplicate', 'rule_violation'],
  },
  addCheckInCoachingRung: {
    tags,
    summary: 'Write down the rep’s answer to “What will that get you?” (the manager, while the session is open; send the ladder’s version)',
    params: IdParams,
    body: AddWhyRungBody,
    response: { 200: CheckIn },
    errors: ['rule_violation'],
  },
  closeCheckInCoaching: {
    tags,
    summary: 'Close the coaching session (the manager): from now on the manager reads the ladder only if the rep shares it',
    params: IdParams,
    body: CloseCoachingBody,
    response: { 200: CheckIn },
    errors: ['rule_violation', 'version_conflict'],
  },
});
