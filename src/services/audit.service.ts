import type { Clock } from '../clock.ts';
import { appendAudit, queryAudit, type AuditFilter } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { auditCsv, type AuditEntry, type WriteContext } from '../domain/audit.ts';
import { InvalidInputError, NotAllowedError } from '../domain/errors.ts';
import { can, type Actor } from '../domain/permission.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { findOrganisation } from './platform.service.ts';
import { requireActor } from './user.service.ts';

/** Searching and exporting the audit log: the authority only. */
export interface AuditQuery {
  /** yyyy-mm-dd (a Vietnam calendar day) or an ISO instant; `to` is exclusive. */
  from?: string;
  to?: string;
  actor?: string;
  organisation?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  requestId?: string;
  before?: number;
  limit: number;
}

/** Rows in one export at most; a longer period is exported in parts (narrow `from`/`to`). */
export const EXPORT_LIMIT = 50_000;

const instant = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+07:00`) : new Date(value);

export function createAuditService({
  db,
  clock,
  catalogue,
}: {
  db: Db;
  clock: Clock;
  catalogue: CatalogueService;
}) {
  const allowed = (actor: Actor | null) => {
    if (!can(requireActor(actor), 'audit.read', { kind: 'audit_log' }))
      throw new NotAllowedError('audit.read');
  };
  const filterOf = async (query: AuditQuery): Promise<AuditFilter> => {
    let organisationId: string | undefined;
    if (query.organisation) {
      const org = findOrganisation(await catalogue.snapshot(), query.organisation);
      if (!org) throw new InvalidInputError([{ field: 'organisation', code: 'not_found' }]);
      organisationId = org.id;
    }
    return {
      ...(query.from ? { from: instant(query.from) } : {}),
      ...(query.to ? { to: instant(query.to) } : {}),
      ...(query.actor ? { actorUserId: query.actor } : {}),
      ...(organisationId ? { organisationId } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.targetType ? { targetType: query.targetType } : {}),
      ...(query.targetId ? { targetId: query.targetId } : {}),
      ...(query.requestId ? { requestId: query.requestId } : {}),
      ...(query.before !== undefined ? { before: query.before } : {}),
      limit: query.limit,
    };
  };

  return {
    /** Newest first; `nextBefore` fetches the next page. */
    async list(
      actor: Actor | null,
      query: AuditQuery,
    ): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
      allowed(actor);
      const items = await queryAudit(db, await filterOf(query));
      const last = items.at(-1);
      return { items, nextBefore: items.length === query.limit && last ? last.id : null };
    },

    /** CSV of the matching entries; the export itself is recorded (who took a copy of the log, and of what). */
    async exportCsv(
      actor: Actor | null,
      query: Omit<AuditQuery, 'limit'>,
      context: WriteContext,
    ): Promise<string> {
      allowed(actor);
      const entries = await queryAudit(db, await filterOf({ ...query, limit: EXPORT_LIMIT }));
      const now = clock.now();
      await appendAudit(
        db,
        context,
        [
          {
            action: 'audit.export',
            targetType: 'audit_log',
            targetId: null,
            after: { filter: query, rows: entries.length },
          },
        ],
        now,
      );
      return auditCsv(entries);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
