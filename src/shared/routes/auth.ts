import { z } from 'zod';
import { DemoSessionBody, Me, SetupStatus, SignInBody, SignUpBody } from '../auth.js';
import { NoBody } from '../common.js';
import { defineRoutes } from './define.js';

const tags = ['session'] as const;

/** Signing up, in and out, and the demo workspace. */
export const authApi = defineRoutes({
  getSetupStatus: { tags, summary: 'What the first page should offer', response: { 200: SetupStatus } },
  createWorkspace: { tags, summary: 'Create a workspace and its first admin, and sign in', body: SignUpBody, response: { 201: Me }, errors: ['duplicate', 'too_many_requests'] },
  createSession: { tags, summary: 'Sign in', body: SignInBody, response: { 201: Me }, errors: ['invalid_credentials', 'too_many_requests'] },
  getSession: { tags, summary: 'Who is signed in', response: { 200: Me } },
  deleteSession: { tags, summary: 'Sign out (ends the session on the server)', response: { 204: z.null() } },
  createDemoSession: {
    tags,
    summary: 'Explore the demo workspace: signs in as its sales manager (the workspace is created on first use)',
    body: DemoSessionBody,
    response: { 201: Me },
    errors: ['not_found'],
  },
  resetDemoWorkspace: {
    tags,
    summary: 'Reset the demo workspace to its story as of today (demo workspace only; signs you in to the new one)',
    body: NoBody,
    response: { 201: Me },
    errors: ['forbidden'],
  },
});
