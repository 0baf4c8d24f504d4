import { z } from 'zod';

/** The one catalogue of error codes the API answers with (stable snake_case). */
export const ERROR_CODES = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  not_signed_in: 401,
  invalid_credentials: 401,
  forbidden: 403,
  origin_mismatch: 403,
  not_found: 404,
  method_not_allowed: 405,
  version_conflict: 409,
  duplicate: 409,
  /** The plan is completed or abandoned: nothing on it changes until it is reopened. */
  plan_closed: 409,
  idempotency_in_progress: 409,
  /** The workspace's stage gate: moving a deal into or past that stage needs an evidenced commitment to change. */
  qualification_required: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  /** Request headers past Node's limit (16 KiB in all): answered before any route runs. */
  headers_too_large: 431,
  rule_violation: 422,
  idempotency_key_reused: 422,
  /** A new date (due, start or target) before today where it is judged. */
  date_in_past: 422,
  /** An interaction's result is recorded once its time has come, not before. */
  not_happened_yet: 422,
  too_many_requests: 429,
  internal_error: 500,
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ErrorDetail = z.object({ path: z.string(), message: z.string() });

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(ErrorDetail),
      requestId: z.string(),
      current: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof ErrorBody>;
