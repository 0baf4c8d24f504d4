import { z } from 'zod';
import { Id, Instant, Role, Text, TimeZone, Token, UserRef, Version, nameText, requiredText } from './common.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1024;

/**
 * Length is the only composition rule; the server also refuses common passwords. Text a sign-in can
 * take back (no NUL, no half characters): a password set that sign-in then refuses locks its owner out.
 */
export const Password = Text.min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const Email = z.email('Enter an email address such as ana@example.com.').max(254);

export const Workspace = z
  .object({ id: Id, name: z.string(), defaultTimeZone: TimeZone, isDemo: z.boolean(), version: Version })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof Workspace>;

export const UpdateWorkspaceBody = z.strictObject({
  name: nameText(120, 'Name').optional(),
  defaultTimeZone: TimeZone.optional(),
  version: Version.optional(),
});
export type UpdateWorkspaceBody = z.infer<typeof UpdateWorkspaceBody>;

export const USER_STATUSES = ['active', 'deactivated'] as const;

export const User = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: Role,
    team: z.object({ id: Id, name: z.string() }).nullable(),
    /** The time zone in effect: the person's own, or the workspace default. */
    timeZone: TimeZone,
    ownTimeZone: TimeZone.nullable(),
    status: z.enum(USER_STATUSES),
    deactivatedAt: Instant.nullable(),
    version: Version,
    createdAt: Instant,
    permissions: z.object({ canEdit: z.boolean(), canDeactivate: z.boolean() }),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UserList = z.object({ data: z.array(User) }).meta({ id: 'UserList' });
export type UserList = z.infer<typeof UserList>;

export const UserListQuery = z.strictObject({ status: z.enum(['active', 'deactivated', 'all']).default('active') });
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UpdateUserBody = z.strictObject({
  name: nameText(120, 'Name').optional(),
  timeZone: TimeZone.nullable().optional(),
  role: Role.optional(),
  teamId: Id.nullable().optional(),
  version: Version.optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const DeactivateUserBody = z.strictObject({
  /** Who receives the person's accounts and opportunities. */
  transferToId: Id,
  /** The version of the person you read; required here or as If-Match. */
  version: Version.optional(),
});
export type DeactivateUserBody = z.infer<typeof DeactivateUserBody>;

export const Team = z
  .object({ id: Id, name: z.string(), manager: UserRef.nullable(), memberCount: z.number().int(), version: Version })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof Team>;
export const TeamList = z.object({ data: z.array(Team) }).meta({ id: 'TeamList' });
export type TeamList = z.infer<typeof TeamList>;

export const CreateTeamBody = z.strictObject({ name: requiredText(120, 'Name'), managerId: Id.nullable().optional() });
export type CreateTeamBody = z.infer<typeof CreateTeamBody>;
export const UpdateTeamBody = z.strictObject({
  name: requiredText(120, 'Name').optional(),
  managerId: Id.nullable().optional(),
  version: Version.optional(),
});
export type UpdateTeamBody = z.infer<typeof UpdateTeamBody>;

export const INVITE_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;

export const Invite = z
  .object({
    id: Id,
    email: z.string(),
    role: Role,
    team: z.object({ id: Id, name: z.string() }).nullable(),
    invitedBy: UserRef,
    createdAt: Instant,
    expiresAt: Instant,
    status: z.enum(INVITE_STATUSES),
  })
  .meta({ id: 'Invite' });
export type Invite = z.infer<typeof Invite>;
export const InviteList = z.object({ data: z.array(Invite) }).meta({ id: 'InviteList' });
export type InviteList = z.infer<typeof InviteList>;

export const CreateInviteBody = z.strictObject({ email: Email, role: Role, teamId: Id.nullable().optional() });
export type CreateInviteBody = z.infer<typeof CreateInviteBody>;

/**
 * On a server that sends mail (SMTP_URL set) the link goes only to the invited address, so only the
 * mailbox's owner can accept. Without mail it is shown to the admin once, here; only its hash is stored.
 */
export const CreatedInvite = z.object({
  invite: Invite,
  url: z
    .string()
    .nullable()
    .meta({ description: 'The invite link, shown only in this response — or null on a server that sends mail (SMTP_URL set): then only the invitation email carries it, so only the invited address can accept.' }),
  /** The link was emailed to the address (false: that address stopped invitation emails; only on a server without SMTP_URL). */
  emailed: z.boolean(),
});
export type CreatedInvite = z.infer<typeof CreatedInvite>;

export const InviteTokenBody = z.strictObject({ token: Token.min(10).max(200) });
export const InvitePreview = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: Role,
  teamName: z.string().nullable(),
  invitedByName: z.string(),
  expiresAt: Instant,
});
export type InvitePreview = z.infer<typeof InvitePreview>;

export const AcceptInviteBody = z.strictObject({
  token: Token.min(10).max(200),
  name: nameText(120, 'Name'),
  password: Password,
  timeZone: TimeZone.optional(),
});
export type AcceptInviteBody = z.infer<typeof AcceptInviteBody>;
