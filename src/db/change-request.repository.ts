import type { Selectable } from 'kysely';
import type {
  ChangeRequest,
  ChangeRequestComment,
  ChangeRequestKind,
  ChangeRequestStatus,
  CommentKind,
} from '../domain/change-request.ts';
import type { ProposedContent } from '../domain/platform-version.ts';
import type { Db } from './database.ts';
import type { ChangeRequestTable } from './schema.ts';

/** Change requests and their comments. */
function toChangeRequest(row: Selectable<ChangeRequestTable>): ChangeRequest {
  return {
    id: row.id,
    kind: row.kind as ChangeRequestKind,
    platformId: row.platform_id,
    basePlatformVersion: row.base_platform_version,
    organisationId: row.organisation_id,
    authorId: row.author_id,
    status: row.status as ChangeRequestStatus,
    summary: row.summary,
    proposed: (row.proposed ?? {}) as ProposedContent,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by,
    publishedVersion: row.published_version,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function insertChangeRequest(
  db: Db,
  cr: Pick<
    ChangeRequest,
    | 'id'
    | 'kind'
    | 'platformId'
    | 'basePlatformVersion'
    | 'organisationId'
    | 'authorId'
    | 'summary'
    | 'proposed'
  >,
  now: Date,
): Promise<ChangeRequest> {
  const row = await db
    .insertInto('change_request')
    .values({
      id: cr.id,
      kind: cr.kind,
      platform_id: cr.platformId,
      base_platform_version: cr.basePlatformVersion,
      organisation_id: cr.organisationId,
      author_id: cr.authorId,
      status: 'draft',
      summary: cr.summary,
      proposed: JSON.stringify(cr.proposed),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toChangeRequest(row);
}

export async function findChangeRequest(db: Db, id: string): Promise<ChangeRequest | null> {
  const row = await db.selectFrom('change_request').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toChangeRequest(row) : null;
}

export interface ChangeRequestFilter {
  /** Only requests of these organisations (an editor's family); undefined: all. */
  organisationIds?: readonly string[];
  statuses?: readonly ChangeRequestStatus[];
  kinds?: readonly ChangeRequestKind[];
  platformId?: string;
  /** Leave drafts out (the authority does not see the ministries' unsent work). */
  excludeDrafts?: boolean;
}

export async function listChangeRequests(db: Db, filter: ChangeRequestFilter): Promise<ChangeRequest[]> {
  if (filter.organisationIds?.length === 0) return [];
  let query = db.selectFrom('change_request').selectAll().orderBy('updated_at', 'desc').orderBy('id');
  if (filter.organisationIds) query = query.where('organisation_id', 'in', filter.organisationIds);
  if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
  if (filter.kinds?.length) query = query.where('kind', 'in', filter.kinds);
  if (filter.platformId) query = query.where('platform_id', '=', filter.platformId);
  if (filter.excludeDrafts) query = query.where('status', '!=', 'draft');
  return (await query.execute()).map(toChangeRequest);
}

export interface ChangeRequestChanges {
  status?: ChangeRequestStatus;
  summary?: string;
  proposed?: ProposedContent;
  basePlatformVersion?: number;
  platformId?: string;
  submittedAt?: Date;
  decidedAt?: Date;
  decidedBy?: string;
  publishedVersion?: number;
}

/** Applies the changes if the request is still at `expectedVersion`; null when another write came first. */
export async function updateChangeRequest(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: ChangeRequestChanges,
  now: Date,
): Promise<ChangeRequest | null> {
  const row = await db
    .updateTable('change_request')
    .set((eb) => ({
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.summary !== undefined ? { summary: changes.summary } : {}),
      ...(changes.proposed !== undefined ? { proposed: JSON.stringify(changes.proposed) } : {}),
      ...(changes.basePlatformVersion !== undefined
        ? { base_platform_version: changes.basePlatformVersion }
        : {}),
      ...(changes.platformId !== undefined ? { platform_id: changes.platformId } : {}),
      ...(changes.submittedAt !== undefined ? { submitted_at: changes.submittedAt } : {}),
      ...(changes.decidedAt !== undefined ? { decided_at: changes.decidedAt } : {}),
      ...(changes.decidedBy !== undefined ? { decided_by: changes.decidedBy } : {}),
      ...(changes.publishedVersion !== undefined ? { published_version: changes.publishedVersion } : {}),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row ? toChangeRequest(row) : null;
}

export async function insertComment(
  db: Db,
  comment: { id: string; changeRequestId: string; authorId: string; kind: CommentKind; body: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('change_request_comment')
    .values({
      id: comment.id,
      change_request_id: comment.changeRequestId,
      author_id: comment.authorId,
      kind: comment.kind,
      body: comment.body,
      created_at: now,
    })
    .execute();
}

export async function listComments(db: Db, changeRequestId: string): Promise<ChangeRequestComment[]> {
  const rows = await db
    .selectFrom('change_request_comment as c')
    .innerJoin('app_user as u', 'u.id', 'c.author_id')
    .select([
      'c.id',
      'c.change_request_id',
      'c.author_id',
      'u.name as author_name',
      'c.kind',
      'c.body',
      'c.created_at',
    ])
    .where('c.change_request_id', '=', changeRequestId)
    .orderBy('c.seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    changeRequestId: r.change_request_id,
    authorId: r.author_id,
    authorName: r.author_name,
    kind: r.kind as CommentKind,
    body: r.body,
    createdAt: r.created_at.toISOString(),
  }));
}

/** Display names of users, for authors and deciders in views. */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('app_user').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
