import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { appendAudit } from '../db/audit.repository.ts';
import {
  insertChangeRequest,
  insertComment,
  listChangeRequests,
  listComments,
} from '../db/change-request.repository.ts';
import type { Db } from '../db/database.ts';
import { readPlatform } from '../db/platform-version.repository.ts';
import type { AuditEvent, WriteContext } from '../domain/audit.ts';
import {
  nextStatus,
  needsComment,
  type ChangeRequestEvent,
  type ChangeRequestKind,
  type ChangeRequestStatus,
} from '../domain/change-request.ts';
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from '../domain/errors.ts';
import { can, type Action, type Actor } from '../domain/permission.ts';
import type { ProposedContent } from '../domain/platform-version.ts';
import type { CatalogueService } from './catalogue.service.ts';
import {
  auditState,
  authorise,
  expectVersion,
  loadVisible,
  readyToSubmit,
  writeChangeRequest,
} from './change-request.steps.ts';
import {
  detailOf,
  viewsOf,
  type ChangeRequestDetail,
  type ChangeRequestView,
} from './change-request.view.ts';
import { publishChangeRequest } from './platform-publish.ts';
import { requireActor } from './user.service.ts';

/**
 * Change requests: a ministry proposes, the authority decides. Every step is authorised with
 * `can`, checked against the version the client saw (409 otherwise, nothing overwritten),
 * written with its audit entries in one transaction; approval publishes in that same
 * transaction and the catalogue shows it at once.
 */
export interface ChangeRequestDeps {
  db: Db;
  clock: Clock;
  catalogue: CatalogueService;
  reviewWorkingDays: number;
}

export type Decision = 'request_changes' | 'approve' | 'reject';

export function createChangeRequestService(deps: ChangeRequestDeps) {
  const { db, clock, catalogue } = deps;
  const context = async () => ({
    directory: (await catalogue.snapshot()).directory,
    today: clock.today(),
    workingDays: deps.reviewWorkingDays,
  });

  const load = (actor: Actor | null, id: string) => loadVisible(db, actor, id);
  const audit = (tx: Db, ctx: WriteContext, now: Date, events: AuditEvent[]) =>
    appendAudit(tx, ctx, events, now);

  return {
    async get(actor: Actor | null, id: string): Promise<ChangeRequestDetail> {
      const cr = await load(actor, id);
      return detailOf(db, cr, await listComments(db, id), await context());
    },

    /** The authority's queue (every request but drafts), or an editor's own organisation's requests. */
    async list(
      actor: Actor | null,
      filter: { status?: ChangeRequestStatus[]; kind?: ChangeRequestKind[]; platform?: string },
    ): Promise<ChangeRequestView[]> {
      const a = requireActor(actor);
      const authority = can(a, 'review_queue.read', { kind: 'review_queue' });
      if (!authority && a.role !== 'ministry_editor') throw new NotAllowedError('change_request.read');
      const platformId = filter.platform ? (await readPlatform(db, filter.platform))?.id : undefined;
      if (filter.platform && !platformId) return [];
      const crs = await listChangeRequests(db, {
        ...(authority ? { excludeDrafts: true } : { organisationIds: [...a.organisationFamily] }),
        ...(filter.status ? { statuses: filter.status } : {}),
        ...(filter.kind ? { kinds: filter.kind } : {}),
        ...(platformId ? { platformId } : {}),
      });
      const views = await viewsOf(db, crs, await context());
      // Waiting for a decision first, the nearest deadline first; then the rest, latest first.
      return views
        .map((v, i) => ({ v, i }))
        .sort((x, y) => (x.v.deadline?.dueOn ?? '~').localeCompare(y.v.deadline?.dueOn ?? '~') || x.i - y.i)
        .map(({ v }) => v);
    },

    async create(
      actor: Actor | null,
      input: { kind: ChangeRequestKind; platform?: string; summary: string; proposed?: ProposedContent },
      ctx: WriteContext,
    ): Promise<ChangeRequestDetail> {
      const a = requireActor(actor);
      let platformId: string | null = null;
      let baseVersion: number | null = null;
      if (input.kind === 'create') {
        if (input.platform !== undefined)
          throw new InvalidInputError([{ field: 'platform', code: 'not_applicable' }]);
        if (!can(a, 'platform.propose_new', { kind: 'new_platform', ownerId: a.organisationId }))
          throw new NotAllowedError('platform.propose_new');
      } else {
        if (input.platform === undefined)
          throw new InvalidInputError([{ field: 'platform', code: 'required' }]);
        if (input.kind === 'retire' && input.proposed !== undefined)
          throw new InvalidInputError([{ field: 'proposed', code: 'not_applicable' }]);
        const current = await readPlatform(db, input.platform);
        if (!current) throw new NotFoundError('platform', input.platform);
        if (
          !can(a, 'platform.propose_change', { kind: 'platform', ownerId: current.content.declaredOwnerId })
        )
          throw new NotAllowedError('platform.propose_change');
        platformId = current.id;
        baseVersion = current.version;
      }
      const now = clock.now();
      const cr = await db.transaction().execute(async (tx) => {
        const created = await insertChangeRequest(
          tx,
          {
            id: randomUUID(),
            kind: input.kind,
            platformId,
            basePlatformVersion: baseVersion,
            organisationId: a.organisationId,
            authorId: a.userId,
            summary: input.summary.trim(),
            proposed: input.proposed ?? {},
          },
          now,
        );
        await audit(tx, ctx, now, [
          {
            action: 'change_request.create',
            targetType: 'change_request',
            targetId: created.id,
            after: auditState(created),
          },
        ]);
        return created;
      });
      return detailOf(db, cr, [], await context());
    },

    /**
     * Edits a draft (or a request sent back for changes): `proposed` fields replace those
     * proposed so far; `basePlatformVersion` brings the proposal up to date with the platform
     * as published now (it must be the current version).
     */
    async update(
      actor: Actor | null,
      id: string,
      input: { version: number; summary?: string; proposed?: ProposedContent; basePlatformVersion?: number },
      ctx: WriteContext,
    ): Promise<ChangeRequestDetail> {
      const cr = await load(actor, id);
      authorise(requireActor(actor), 'change_request.edit', cr);
      expectVersion(cr, input.version);
      if (cr.kind === 'retire' && input.proposed !== undefined)
        throw new InvalidInputError([{ field: 'proposed', code: 'not_applicable' }]);
      if (input.basePlatformVersion !== undefined) {
        const current = cr.platformId ? await readPlatform(db, cr.platformId) : null;
        if (!current) throw new InvalidInputError([{ field: 'basePlatformVersion', code: 'not_applicable' }]);
        if (input.basePlatformVersion !== current.version)
          throw new ConflictError('platform_changed', { currentPlatformVersion: current.version });
      }
      const now = clock.now();
      const updated = await db.transaction().execute(async (tx) => {
        const after = await writeChangeRequest(
          tx,
          cr,
          {
            ...(input.summary !== undefined ? { summary: input.summary.trim() } : {}),
            ...(input.proposed !== undefined ? { proposed: { ...cr.proposed, ...input.proposed } } : {}),
            ...(input.basePlatformVersion !== undefined
              ? { basePlatformVersion: input.basePlatformVersion }
              : {}),
          },
          now,
        );
        await audit(tx, ctx, now, [
          {
            action: 'change_request.update',
            targetType: 'change_request',
            targetId: id,
            before: auditState(cr),
            after: auditState(after),
          },
        ]);
        return after;
      });
      return detailOf(db, updated, await listComments(db, id), await context());
    },

    async comment(
      actor: Actor | null,
      id: string,
      body: string,
      ctx: WriteContext,
    ): Promise<ChangeRequestDetail> {
      const a = requireActor(actor);
      const cr = await load(a, id);
      authorise(a, 'change_request.comment', cr);
      const now = clock.now();
      const commentId = randomUUID();
      await db.transaction().execute(async (tx) => {
        await insertComment(
          tx,
          { id: commentId, changeRequestId: id, authorId: a.userId, kind: 'comment', body },
          now,
        );
        await audit(tx, ctx, now, [
          {
            action: 'change_request.comment',
            targetType: 'change_request',
            targetId: id,
            after: { commentId, body },
          },
        ]);
      });
      return detailOf(db, cr, await listComments(db, id), await context());
    },

    /** submit and withdraw (the ministry); request_changes, approve and reject (the authority). */
    async transition(
      actor: Actor | null,
      id: string,
      event: ChangeRequestEvent,
      input: { version: number; comment?: string },
      ctx: WriteContext,
    ): Promise<ChangeRequestDetail> {
      const a = requireActor(actor);
      const cr = await load(a, id);
      const action: Action =
        event === 'submit'
          ? 'change_request.submit'
          : event === 'withdraw'
            ? 'change_request.withdraw'
            : 'change_request.decide';
      authorise(a, action, cr);
      expectVersion(cr, input.version);
      const next = nextStatus(cr.status, event);
      if (!next) throw new ConflictError('invalid_transition', { currentStatus: cr.status, event });
      const comment = input.comment?.trim() ?? '';
      if (needsComment(event) && comment === '')
        throw new InvalidInputError([{ field: 'comment', code: 'required' }]);
      if (event === 'submit') await readyToSubmit(db, cr);
      const now = clock.now();
      const result = await db.transaction().execute(async (tx) => {
        const decided = action === 'change_request.decide' && event !== 'request_changes';
        let after = await writeChangeRequest(
          tx,
          cr,
          {
            status: next,
            ...(event === 'submit' ? { submittedAt: now } : {}),
            ...(decided ? { decidedAt: now, decidedBy: a.userId } : {}),
          },
          now,
        );
        if (comment !== '')
          await insertComment(
            tx,
            { id: randomUUID(), changeRequestId: id, authorId: a.userId, kind: event, body: comment },
            now,
          );
        const events: AuditEvent[] = [];
        if (event === 'approve') {
          const published = await publishChangeRequest(tx, after, a.userId, now);
          after = await writeChangeRequest(
            tx,
            after,
            { platformId: published.platformId, publishedVersion: published.version },
            now,
          );
          const platformAction =
            cr.kind === 'create'
              ? 'platform.create'
              : cr.kind === 'retire'
                ? 'platform.retire'
                : 'platform.update';
          events.push({
            action: platformAction,
            targetType: 'platform',
            targetId: published.platformId,
            before: published.before,
            after: { version: published.version, slug: published.slug, content: published.after },
          });
        }
        events.unshift({
          action: `change_request.${event}`,
          targetType: 'change_request',
          targetId: id,
          before: { status: cr.status, version: cr.version },
          after: {
            status: after.status,
            version: after.version,
            publishedVersion: after.publishedVersion,
            comment: comment || null,
          },
        });
        await audit(tx, ctx, now, events);
        return after;
      });
      if (event === 'approve') catalogue.invalidate(); // the public API shows it on the next read
      return detailOf(db, result, await listComments(db, id), await context());
    },
  };
}
export type ChangeRequestService = ReturnType<typeof createChangeRequestService>;
