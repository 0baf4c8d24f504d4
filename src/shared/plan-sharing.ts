import { z } from 'zod';
import { CalendarDate, Id, Instant, TimeZone, Token, UserRef, listQueryBase, optionalText, page, requiredText } from './common.js';
import { COMMITMENT_DETAIL_MAX, COMMITMENT_TITLE_MAX, CommitmentSide, CommitmentState, CommitmentStatus, REASON_MAX, RenegotiationStatus } from './commitments.js';
import { PlanStatus } from './plans.js';

/**
 * The customer's share link and what the customer sees through it. Guest shapes are an allow-list:
 * no ids of people, no emails, no internal-only commitments, nothing of the workspace beyond the plan.
 */

export const SHARE_LINK_DEFAULT_DAYS = 90;
export const COMMENT_MAX = 5000;

export const CreateShareLinkBody = z
  .strictObject({
    recipientName: requiredText(200, 'Recipient name'),
    recipientEmail: z.email('Use an email address such as ana@example.com.').max(254).nullable().optional(),
    expiresInDays: z.number().int().min(1).max(365).default(SHARE_LINK_DEFAULT_DAYS),
    /** Email the link to `recipientEmail` too; they then also get reminders of their side's commitments (each mail lets them stop those). */
    sendEmail: z.boolean().default(false),
  })
  .refine((b) => !b.sendEmail || !!b.recipientEmail, { path: ['recipientEmail'], message: 'Enter the email address to send the link to.' })
  .meta({ id: 'CreateShareLinkBody' });
export type CreateShareLinkBody = z.input<typeof CreateShareLinkBody>;

export const ShareLinkStatus = z.enum(['active', 'revoked', 'expired']);

/** A share link as the seller side sees it later: never its token. */
export const ShareLink = z
  .object({
    id: Id,
    planId: Id,
    recipientName: z.string(),
    recipientEmail: z.string().nullable(),
    status: ShareLinkStatus,
    createdBy: UserRef,
    createdAt: Instant,
    expiresAt: Instant,
    revokedAt: Instant.nullable(),
    lastViewedAt: Instant.nullable(),
    viewCount: z.number().int(),
    /** When the link was emailed to the recipient (null: shared by hand). */
    emailedAt: Instant.nullable(),
    /** When the recipient stopped the reminder emails. */
    remindersStoppedAt: Instant.nullable(),
    permissions: z.object({ canRevoke: z.boolean() }),
  })
  .meta({ id: 'ShareLink' });
export type ShareLink = z.infer<typeof ShareLink>;

/** The only response that carries the link's URL (and so its token): shown once. */
export const CreatedShareLink = z.object({ shareLink: ShareLink, url: z.string() }).meta({ id: 'CreatedShareLink' });
export type CreatedShareLink = z.infer<typeof CreatedShareLink>;

export const ShareLinkList = z.object({ data: z.array(ShareLink) }).meta({ id: 'ShareLinkList' });

export const PlanComment = z
  .object({ id: Id, authorSide: CommitmentSide, authorName: z.string(), body: z.string(), createdAt: Instant })
  .meta({ id: 'PlanComment' });
export type PlanComment = z.infer<typeof PlanComment>;

export const CreateCommentBody = z.strictObject({ body: requiredText(COMMENT_MAX, 'A comment') }).meta({ id: 'CreateCommentBody' });
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;

export const CommentListQuery = z.strictObject({ ...listQueryBase });
export const PlanCommentList = page(PlanComment).meta({ id: 'PlanCommentList' });

// ——— What the customer sees ———

export const TokenParams = z.strictObject({ token: Token.min(1).max(512) });
export const TokenIdParams = z.strictObject({ token: Token.min(1).max(512), id: Id });

export const GuestRenegotiation = z.object({
  id: Id,
  fromDate: CalendarDate,
  toDate: CalendarDate,
  reason: z.string(),
  status: RenegotiationStatus,
  requestedBy: z.object({ side: CommitmentSide, name: z.string() }),
  requestedAt: Instant,
  decidedAt: Instant.nullable(),
  /** The customer answers new dates the seller side proposed for customer-side commitments. */
  canAnswer: z.boolean(),
});

export const GuestCommitment = z
  .object({
    id: Id,
    milestoneId: Id.nullable(),
    side: CommitmentSide,
    ownerName: z.string(),
    role: z.string().nullable(),
    title: z.string(),
    detail: z.string().nullable(),
    dueDate: CalendarDate,
    originalDueDate: CalendarDate,
    mustDo: z.boolean(),
    status: CommitmentStatus,
    state: CommitmentState,
    doneAt: Instant.nullable(),
    awaitingAnswer: z.boolean(),
    renegotiations: z.array(GuestRenegotiation),
    /** Customer-side commitments: the customer may tick them off. */
    canTick: z.boolean(),
    /** The earliest new date the API accepts: today in the owner's time zone (the customer's zone for their own). */
    earliestNewDate: CalendarDate,
  })
  .meta({ id: 'GuestCommitment' });
export type GuestCommitment = z.infer<typeof GuestCommitment>;

export const GuestPlan = z
  .object({
    title: z.string(),
    agreedOutcome: z.string().nullable(),
    whyItMatters: z.string().nullable(),
    startDate: CalendarDate.nullable(),
    targetDate: CalendarDate,
    /** completed or abandoned: the plan is closed, and the customer's writes are refused (409 plan_closed). */
    status: PlanStatus,
    /** The customer's time zone: their dates are days there, and "today" for a new date is judged there. */
    timeZone: TimeZone,
    /** The seller-side person who owns the deal, to know whom to talk to. */
    sellerContact: z.object({ name: z.string() }),
    recipient: z.object({ name: z.string() }),
    milestones: z.array(z.object({ id: Id, title: z.string(), dueDate: CalendarDate.nullable() })),
    commitments: z.array(GuestCommitment),
    comments: z.array(PlanComment),
  })
  .meta({ id: 'GuestPlan' });
export type GuestPlan = z.infer<typeof GuestPlan>;

export const GuestSetStateBody = z.strictObject({ done: z.boolean() }).meta({ id: 'GuestSetStateBody' });

export const GuestRenegotiationBody = z
  .strictObject({ newDate: CalendarDate, reason: requiredText(REASON_MAX, 'A reason') })
  .meta({ id: 'GuestRenegotiationBody' });

export const GuestCreateCommitmentBody = z
  .strictObject({
    title: requiredText(COMMITMENT_TITLE_MAX, 'Title'),
    detail: optionalText(COMMITMENT_DETAIL_MAX),
    dueDate: CalendarDate,
    /** Who at the customer does it (default: the person the link was made for). */
    ownerName: requiredText(200, 'Owner name').optional(),
    milestoneId: Id.nullable().optional(),
  })
  .meta({ id: 'GuestCreateCommitmentBody' });
export type GuestCreateCommitmentBody = z.infer<typeof GuestCreateCommitmentBody>;
