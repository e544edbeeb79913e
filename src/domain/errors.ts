/**
 * Business errors. They know nothing of HTTP: src/http/problem.ts maps each `code` to a status
 * and an application/problem+json body in one place. Clients branch on `code`, never on prose.
 */
export interface FieldIssue {
  /** The offending parameter or field, as the client named it ("limit", "functions[3]"). */
  field: string;
  /** A stable machine code for the issue ("too_long", "invalid_enum", ...). */
  code: string;
  /** Extra values for the message (maximum length, allowed values, ...). */
  params?: Record<string, string | number>;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  constructor(
    readonly resource: string,
    readonly key: string,
  ) {
    super(`${resource} ${key} not found`);
  }
}

export class InvalidInputError extends DomainError {
  readonly code = 'invalid_input';
  constructor(readonly issues: FieldIssue[]) {
    super(`invalid input: ${issues.map((i) => `${i.field} (${i.code})`).join(', ')}`);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'conflict';
  constructor(
    readonly reason: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`conflict: ${reason}`);
  }
}

export class NotAllowedError extends DomainError {
  readonly code = 'not_allowed';
  constructor(readonly action: string) {
    super(`not allowed: ${action}`);
  }
}

export class NotAuthenticatedError extends DomainError {
  readonly code = 'not_authenticated';
  constructor() {
    super('authentication required');
  }
}

export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super('rate limited');
  }
}

/** Sign-in refused: the same error whether the account is unknown, disabled or the password wrong. */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'invalid_credentials';
  constructor() {
    super('invalid credentials');
  }
}

/** An unsafe request authenticated by cookie came without a valid CSRF token, or from another origin. */
export class CsrfError extends DomainError {
  readonly code = 'csrf_failed';
  constructor(readonly reason: 'token' | 'origin') {
    super(`CSRF check failed (${reason})`);
  }
}

/** The account must set a new password (a one-time password from the CLI) before doing anything else. */
export class PasswordChangeRequiredError extends DomainError {
  readonly code = 'password_change_required';
  constructor() {
    super('password change required');
  }
}

/** The request body is not in a format the endpoint reads (JSON endpoints given a form, ...). */
export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported_media_type';
  constructor() {
    super('unsupported media type');
  }
}

/** Why a single sign-on did not open a session (each is something the person can act on). */
export type SignOnFailure =
  | 'flow_expired'
  | 'state_mismatch'
  | 'provider_error'
  | 'provider_unavailable'
  | 'email_missing'
  | 'unknown_user'
  | 'disabled_user'
  | 'identity_mismatch';

/** Single sign-on (OIDC) refused or failed; never creates or changes an account. */
export class SignOnError extends DomainError {
  readonly code = 'sign_on_failed';
  constructor(readonly reason: SignOnFailure) {
    super(`single sign-on failed: ${reason}`);
  }
}

/**
 * The If-Match header named a version that is no longer current (RFC 9110 §13.1.1: 412). A
 * stale `version` in the body stays a 409 conflict, as before.
 */
export class PreconditionFailedError extends DomainError {
  readonly code = 'precondition_failed';
  constructor(readonly currentVersion: number) {
    super('precondition failed');
  }
}

/** An uploaded file is larger than the configured maximum. */
export class PayloadTooLargeError extends DomainError {
  readonly code = 'payload_too_large';
  constructor(readonly maximumBytes: number) {
    super('payload too large');
  }
}

/**
 * A value that must be unique is already taken (SQLSTATE 23505, raised by the database when two
 * writes race past the services' own checks): a 409 conflict naming the field. `reason` is the
 * same as the service's own check gives where it has one (organisation_code_taken, ...).
 */
export class DuplicateError extends ConflictError {
  constructor(
    reason: string,
    readonly field: string,
  ) {
    super(reason, { field });
  }
}
