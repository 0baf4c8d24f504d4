import { z } from 'zod';
import { Text, TimeZone, nameText } from './common.js';
import { Email, PASSWORD_MAX, Password, User, Workspace } from './people.js';

export const SignUpBody = z.strictObject({
  workspaceName: nameText(120, 'Workspace name'),
  name: nameText(120, 'Your name'),
  email: Email,
  password: Password,
  timeZone: TimeZone,
});
export type SignUpBody = z.infer<typeof SignUpBody>;

export const SignInBody = z.strictObject({
  email: Text.trim().min(1, 'Enter your email.').max(254),
  password: Text.min(1, 'Enter your password.').max(1024),
});
export type SignInBody = z.infer<typeof SignInBody>;

/** Who is signed in, and what they may do; the web app shapes itself from this. */
export const Me = z
  .object({
    user: User,
    workspace: Workspace,
    capabilities: z.object({
      managePeople: z.boolean(),
      editWorkspace: z.boolean(),
      editStages: z.boolean(),
    }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/** What the first page should offer. Public, and always 200, so booting the app logs no errors. */
export const SetupStatus = z.object({
  hasWorkspaces: z.boolean(),
  demoEnabled: z.boolean(),
  signedIn: z.boolean(),
  /** The server sends mail: sign-up confirms the address by email (POST /signup-requests). */
  signUpByEmail: z.boolean(),
});
export type SetupStatus = z.infer<typeof SetupStatus>;

/** Entering the demo takes nothing: no body, or an empty object. */
export const DemoSessionBody = z.strictObject({}).nullish();

/**
 * Changing one's password while signed in: the current one (checked, and its wrong guesses counted
 * like failed sign-ins) and the new one (the rules of sign-up and reset).
 */
export const ChangePasswordBody = z
  .strictObject({
    currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX, 'This is not your current password.'),
    newPassword: Password,
  })
  .meta({ id: 'ChangePasswordBody' });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** How many of the person's other sessions were signed out (their API tokens are not sessions: they keep working). */
export const OtherSessionsEnded = z.object({ ended: z.number().int().min(0) }).meta({ id: 'OtherSessionsEnded' });
export type OtherSessionsEnded = z.infer<typeof OtherSessionsEnded>;
