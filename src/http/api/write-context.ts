import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { NotAuthenticatedError } from '../../domain/errors.ts';
import type { Authenticated, RequestMeta } from '../../services/auth.service.ts';
import type { AppEnv } from '../env.ts';
import { Problem } from './schemas.ts';

/** Who writes, for which request, from where: what services put in the audit log. */
export function requestMeta(c: Context<AppEnv>): RequestMeta {
  const actor = c.get('actor');
  return {
    actor: actor ? { userId: actor.userId, organisationId: actor.organisationId } : null,
    requestId: c.get('requestId') ?? null,
    clientAddress: c.get('clientAddress') ?? null,
    userAgent: c.req.header('user-agent') ?? null,
  };
}

export function requireAuth(c: Context<AppEnv>): Authenticated {
  const auth = c.get('auth');
  if (!auth) throw new NotAuthenticatedError();
  return auth;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

/** The error answers of write endpoints, for the OpenAPI document. */
export const writeProblems = {
  400: problem('Invalid input: each offending field is named in `errors`'),
  401: problem('Not signed in (`not_authenticated`) or wrong credentials (`invalid_credentials`)'),
  403: problem(
    'Not allowed (`not_allowed`), CSRF check failed (`csrf_failed`), or `password_change_required`',
  ),
  404: problem('Not found (also when the record exists but the caller may not see it)'),
  409: problem('Conflict: someone else changed it first (`conflict`, with `currentVersion`)'),
  429: problem('Too many attempts (`rate_limited`, with Retry-After)'),
} as const;

/** The version the client last saw: the write applies only if it is still current. */
export const VersionField = z
  .number()
  .int()
  .min(1)
  .openapi({ description: 'Optimistic concurrency: the `version` the client last read' });

/** For the OpenAPI document: cookie authentication plus the CSRF header on unsafe requests. */
export const SESSION_SECURITY = [{ session: [], csrf: [] }];
