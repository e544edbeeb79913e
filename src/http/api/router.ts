import { OpenAPIHono } from '@hono/zod-openapi';
import { InvalidInputError } from '../../domain/errors.ts';
import type { AppEnv } from '../env.ts';
import { zodIssues } from '../problem.ts';

/** A router whose validation failures become 400 problem+json naming each offending parameter. */
export function apiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        // A repeated query parameter is reported by its name ("kind"), not its position.
        const issues = zodIssues(result.error);
        throw new InvalidInputError(
          result.target === 'query'
            ? issues.map((i) => ({ ...i, field: i.field.replace(/\[\d+\]$/, '') }))
            : issues,
        );
      }
    },
  });
}
