import { z } from '@hono/zod-openapi';
import type { FieldIssue } from '../../domain/errors.ts';
import { FACET_NAMES, type FacetName } from '../../domain/platform-query.ts';
import {
  CONNECTION_STATUSES,
  PLATFORM_KINDS,
  PLATFORM_SCOPES,
  PLATFORM_STATUSES,
} from '../../domain/platform.ts';
import type { PlatformListQuery } from '../../services/platform.service.ts';
import { MAX_QUERY_LENGTH } from '../api/platform.routes.ts';
import { listParam } from '../api/schemas.ts';
import { zodIssues } from '../problem.ts';

export const DEFAULT_LIMIT = 20;

/** A free list (owner, edition): repeatable or comma-separated, as the API takes it. */
const freeList = (split: boolean) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v]).flatMap((s) => (split ? s.split(',') : [s])).filter(Boolean),
    )
    .pipe(z.array(z.string().max(100)).max(20).optional());

/**
 * The catalogue page takes the API's parameters (so a page address and an API call read alike);
 * the rules mirror GET /api/v1/platforms. Edition numbers are not split on commas, as there.
 */
const schema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH).optional(),
  owner: freeList(true),
  kind: listParam(PLATFORM_KINDS, 'kind'),
  scope: listParam(PLATFORM_SCOPES, 'scope'),
  status: listParam([...PLATFORM_STATUSES, 'unknown'], 'status'),
  edition: freeList(false),
  ndxp: listParam(CONNECTION_STATUSES, 'ndxp'),
  ndop: listParam(CONNECTION_STATUSES, 'ndop'),
  limit: z.coerce.number().int().min(1).max(100).default(DEFAULT_LIMIT),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const LIST_KEYS = new Set<string>(FACET_NAMES);

export type CatalogueQuery = PlatformListQuery & { q: string; selected: Record<FacetName, string[]> };

export type ParsedCatalogueQuery = { ok: true; query: CatalogueQuery } | { ok: false; issues: FieldIssue[] };

/** `queries` as hono's c.req.queries() gives them: every value of every parameter. */
export function parseCatalogueQuery(queries: Record<string, string[]>): ParsedCatalogueQuery {
  const input: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(queries)) {
    // A repeated scalar (?limit=10&limit=20) takes its first value, as browsers' forms never repeat it.
    const first = values[0];
    if (LIST_KEYS.has(key)) input[key] = values;
    else if (first !== undefined) input[key] = first;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const data = parsed.data;
  const selected = {} as Record<FacetName, string[]>;
  for (const facet of FACET_NAMES) selected[facet] = data[facet] ?? [];
  return { ok: true, query: { ...data, q: data.q?.trim() ?? '', selected } };
}

/** The query as address parameters, to rebuild links (pagination, did-you-mean, filters). */
export function queryParams(
  query: Pick<CatalogueQuery, 'q' | 'selected' | 'limit' | 'offset'>,
): [string, string][] {
  const params: [string, string][] = [['q', query.q]];
  for (const facet of FACET_NAMES) for (const value of query.selected[facet]) params.push([facet, value]);
  if (query.limit !== DEFAULT_LIMIT) params.push(['limit', String(query.limit)]);
  if (query.offset > 0) params.push(['offset', String(query.offset)]);
  return params;
}
