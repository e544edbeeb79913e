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
