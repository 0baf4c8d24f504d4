import { z } from 'zod';
import { ChangePasswordBody, DemoSessionBody, Me, OtherSessionsEnded, SetupStatus, SignInBody, SignUpBody } from '../auth.js';
import { NoBody } from '../common.js';
import { CompletePasswordResetBody, EmailSent, LinkTokenBody, PasswordResetPreview, PasswordResetRequestBody } from '../mail.js';
import { defineRoutes } from './define.js';

const tags = ['session'] as const;

/** Signing up, in and out, and the demo workspace. */
export const authApi = defineRoutes({
  getSetupStatus: { tags, summary: 'What the first page should offer', response: { 200: SetupStatus } },
  createWorkspace: {
    tags,
    summary: 'Create a workspace and its first admin, and sign in (servers that do not send mail)',
    description:
      'A registered address gets 409 `duplicate`. When the server sends mail (SMTP_URL set; `GET /setup` says `signUpByEmail`), addresses are confirmed by email first: this answers 422 `rule_violation` and sign-up goes through `POST /signup-requests`, which answers the same whether or not the address has an account.',
    body: SignUpBody,
    response: { 201: Me },
    errors: ['duplicate', 'rule_violation', 'too_many_requests'],
  },
  requestSignUp: {
    tags,
    summary: 'Sign up by email (servers that send mail): emails a confirmation link, and answers the same whether or not the address already has an account',
    description:
      'Nothing is created yet. A new address gets a link to confirm it (the workspace and its admin are created then); an address that already has an account gets a note saying so, with a way to reset the password. Servers that do not send mail answer 422 `rule_violation`: use `POST /signup`.',
    body: SignUpBody,
    response: { 202: EmailSent },
    errors: ['rule_violation', 'too_many_requests'],
  },
  confirmSignUp: {
    tags,
    summary: 'Confirm the address of a sign-up with the token from its email: creates the workspace and its admin, and signs in',
    body: LinkTokenBody,
    response: { 201: Me },
    errors: ['not_found', 'duplicate', 'too_many_requests'],
  },
  requestPasswordReset: {
    tags,
    summary: 'Email a single-use password reset link (the same answer whether or not the address has an account)',
    body: PasswordResetRequestBody,
    response: { 202: EmailSent },
    errors: ['too_many_requests'],
  },
  lookupPasswordReset: {
    tags,
    summary: 'Check a password reset token before asking for the new password',
    body: LinkTokenBody,
    response: { 200: PasswordResetPreview },
    errors: ['not_found', 'too_many_requests'],
  },
  completePasswordReset: {
    tags,
    summary: 'Set a new password with a reset token: the token is used up and every session of the account ends',
    body: CompletePasswordResetBody,
    response: { 204: z.null() },
    errors: ['not_found', 'too_many_requests'],
  },
  createSession: { tags, summary: 'Sign in', body: SignInBody, response: { 201: Me }, errors: ['invalid_credentials', 'too_many_requests'] },
  getSession: { tags, summary: 'Who is signed in', response: { 200: Me } },
  deleteSession: { tags, summary: 'Sign out (ends the session on the server)', response: { 204: z.null() } },
  changePassword: {
    tags,
    summary: 'Change your password with your current one: your other sessions end, and this one is replaced by a fresh session',
    description:
      'Signed-in session only (every API token gets 403). A wrong `currentPassword` answers 400 `validation_failed` naming that field and changes nothing; wrong guesses count as failed sign-ins of the account (the same growing delay per address, 429 with `Retry-After`), and past 10 in an hour for one person every further try answers 429, from any address. The new password follows the rules of sign-up (400 naming `newPassword`: too short, only spaces, one character repeated, common, or the same as the current one). On success every session of the person ends and this browser gets a new session cookie in the answer; unused password reset links are voided, the change is written to the person\'s history, and on a server that sends mail the person is told by email. API tokens keep working (revoke them with `DELETE /api-tokens/{id}`). The demo workspace, whose passwords are published, answers 422 `rule_violation`.',
    body: ChangePasswordBody,
    response: { 204: z.null() },
    errors: ['rule_violation'],
  },
  endOtherSessions: {
    tags,
    summary: 'Sign out everywhere else: ends every session of yours but this one, and says how many ended',
    description:
      'Signed-in session only (every API token gets 403). API tokens are not sessions: they keep working (revoke them with `DELETE /api-tokens/{id}`), and so does the calendar feed URL. The demo workspace, whose people every visitor shares, answers 422 `rule_violation`.',
    response: { 200: OtherSessionsEnded },
    errors: ['rule_violation'],
  },
  createDemoSession: {
    tags,
    summary: 'Explore the demo workspace: signs in as its sales manager (the workspace is created on first use)',
    body: DemoSessionBody,
    response: { 201: Me },
    errors: ['not_found', 'too_many_requests'],
  },
  resetDemoWorkspace: {
    tags,
    summary: 'Reset the demo workspace to its story as of today (demo workspace only; signs you in to the new one)',
    description: 'A reset starts a new demo session, so it counts against the per-address allowance of demo sessions (`DEMO_SESSION_MAX_PER_IP_PER_HOUR`); more answer 429 with `Retry-After`.',
    body: NoBody,
    response: { 201: Me },
    errors: ['forbidden', 'too_many_requests'],
  },
});
