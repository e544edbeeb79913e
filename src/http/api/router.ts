import { OpenAPIHono } from '@hono/zod-openapi';
import { InvalidInputError } from '../../domain/errors.ts';
import type { AppEnv } from '../env.ts';
import { zodIssues } from '../problem.ts';

/** A router whose validation failures become 400 problem+json naming each offending parameter. */
export function apiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new InvalidInputError(zodIssues(result.error));
    },
  });
}
