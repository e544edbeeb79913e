import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { ConflictError, InvalidInputError, PreconditionFailedError } from '../../domain/errors.ts';
import type { AppEnv } from '../env.ts';
import { Problem } from './schemas.ts';

/**
 * Optimistic concurrency through HTTP's own headers (RFC 9110 §8.8.3, §13.1.1) beside the
 * `version` body field: a single record is served with `ETag: "<version>"`, and a write may
 * send `If-Match: "<version>"` instead of (or with the same value as) `version`.
 *
 * Which error: a stale `version` in the body is 409 `conflict` (`version_mismatch`), as it
 * always was; a stale If-Match is 412 `precondition_failed` (the standard's answer to a failed
 * precondition). Both carry `currentVersion`, and neither writes anything.
 */
export interface ExpectedVersion {
  version: number;
  via: 'if-match' | 'body';
}

const ENTITY_TAG = /^"(\d{1,9})"$/;

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version the client last read, from If-Match or the body; 400 when neither (or they disagree). */
export function expectedVersion(c: Context<AppEnv>, bodyVersion: number | undefined): ExpectedVersion {
  const header = c.req.header('if-match')?.trim();
  if (header === undefined || header === '') {
    if (bodyVersion === undefined)
      throw new InvalidInputError([{ field: 'version', code: 'version_or_if_match' }]);
    return { version: bodyVersion, via: 'body' };
  }
  // One strong entity tag of ours; a weak tag or a list cannot match a version (strong comparison).
  const match = ENTITY_TAG.exec(header);
  const version = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(version) || version < 1)
    throw new InvalidInputError([{ field: 'If-Match', code: 'invalid_string' }]);
  if (bodyVersion !== undefined && bodyVersion !== version)
    throw new InvalidInputError([{ field: 'version', code: 'version_or_if_match' }]);
  return { version, via: 'if-match' };
}

/** Runs a write; a stale version seen through If-Match becomes 412 instead of 409. */
export async function withPrecondition<T>(expected: ExpectedVersion, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (
      expected.via === 'if-match' &&
      error instanceof ConflictError &&
      error.reason === 'version_mismatch'
    ) {
      const current = error.details.currentVersion;
      throw new PreconditionFailedError(typeof current === 'number' ? current : 0);
    }
    throw error;
  }
}

/** For the OpenAPI document. */
export const IfMatchHeaders = z.object({
  'if-match': z
    .string()
    .max(20)
    .optional()
    .openapi({ description: 'The ETag of the record as last read, e.g. "3" (instead of `version`)' }),
});

export const preconditionFailed = {
  description:
    'If-Match named a version that is no longer current (`precondition_failed`, with `currentVersion`); nothing was written',
  content: { 'application/problem+json': { schema: Problem } },
};

export const etagHeader = {
  ETag: {
    description: 'The record’s version as an entity tag, for If-Match',
    schema: { type: 'string' as const },
  },
};

/**
 * A write under optimistic concurrency, as every versioned route does it: the expected version
 * from If-Match or the body, 412 instead of 409 for a stale If-Match, and the new version's ETag
 * on the response.
 */
export async function versionedWrite<T extends { version: number }>(
  c: Context<AppEnv>,
  bodyVersion: number | undefined,
  write: (version: number) => Promise<T>,
): Promise<T> {
  const expected = expectedVersion(c, bodyVersion);
  const result = await withPrecondition(expected, () => write(expected.version));
  c.header('ETag', etagOf(result.version));
  return result;
}
