import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import {
  findLocalSystem,
  insertLocalSystem,
  insertSnapshot,
  latestSnapshots,
  listLocalSystems,
  lockLocalSystems,
  listSnapshots,
  updateLocalSystem,
} from '../db/local-system.repository.ts';
import {
  decideResolution,
  findResolution,
  insertResolution,
  listResolutions,
} from '../db/local-system-resolution.repository.ts';
import type { WriteContext } from '../domain/audit.ts';
import { currentOwner, ownerFamily } from '../domain/catalogue.ts';
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from '../domain/errors.ts';
import {
  forwardBlock,
  justificationIssues,
  localSystemIssues,
  overlappingPlatformIds,
  overlapStanding,
  statusChangeAllowed,
  type CheckSnapshot,
  type Justification,
  type LocalSystem,
  type LocalSystemContent,
  type OverlapStanding,
  type Resolution,
} from '../domain/local-system.ts';
import type { Organisation } from '../domain/organisation.ts';
import type { OrganisationRef, Platform } from '../domain/platform.ts';
import { can, type Actor } from '../domain/permission.ts';
import type { CatalogueService, CatalogueSnapshot } from './catalogue.service.ts';
import type { LocalSystemChecker } from './local-system.check.ts';
import { findOrganisation } from './platform.service.ts';
import { requireActor } from './user.service.ts';

/**
 * A locality's systems and planned investments (issue 5). Officers manage their own locality's
 * records (and those of the provinces merged into it); the authority reads all and decides
 * justifications. Every write is authorised with `can`, checked against the version the client
 * saw, and written with its check snapshot and audit entry in one transaction.
 */
export interface LocalSystemDeps {
  db: Db;
  clock: Clock;
  catalogue: CatalogueService;
  checker: LocalSystemChecker;
}

export interface LocalSystemView extends LocalSystem {
  /** Today's locality: the successor of the one it was recorded for. */
  locality: OrganisationRef | null;
  origin: OrganisationRef | null;
  latestCheck: CheckSnapshot | null;
  standing: OverlapStanding;
}
export interface LocalSystemDetail extends LocalSystemView {
  checks: CheckSnapshot[];
  resolutions: Resolution[];
}

export type LocalSystemInput = Omit<LocalSystemContent, 'status'> & {
  status?: LocalSystemContent['status'];
  /** Id or code of the locality (a former province too); the officer's own by default. */
  organisation?: string;
};
export type LocalSystemChanges = Partial<Omit<LocalSystemContent, 'contact' | 'decision'>> & {
  decision?: LocalSystemContent['decision'];
  contact?: Partial<LocalSystemContent['contact']>;
  version: number;
};
export type ResolutionInput =
  | { kind: 'adoption'; platform: string }
  | ({ kind: 'justification' } & Partial<Record<keyof Justification, string | null>>);

const LOCALITY_LEVELS = new Set(['province', 'commune']);
const cleanContact = (c: LocalSystemContent['contact']): LocalSystemContent['contact'] => ({
  name: c.name?.trim() || null,
  email: c.email?.trim().toLowerCase() || null,
  phone: c.phone?.trim() || null,
});
const target = (localityId: string) => ({ kind: 'locality_record', localityId }) as const;
const ref = (o: Organisation | undefined): OrganisationRef | null => (o ? { id: o.id, name: o.name } : null);
/** What the audit log keeps of a system: everything but the timestamps (the entry has its own). */
const auditState = (s: LocalSystem): Omit<LocalSystem, 'createdAt' | 'updatedAt'> => ({
  id: s.id,
  organisationId: s.organisationId,
  originOrganisationId: s.originOrganisationId,
  name: s.name,
  description: s.description,
  functions: s.functions,
  data: s.data,
  status: s.status,
  decision: s.decision,
  budgetVnd: s.budgetVnd,
  contact: s.contact,
  createdBy: s.createdBy,
  version: s.version,
});

export function viewOf(
  snapshot: CatalogueSnapshot,
  today: string,
  system: LocalSystem,
  latest: CheckSnapshot | null,
  resolutions: readonly Resolution[],
): LocalSystemView {
  return {
    ...system,
    locality: currentOwner(snapshot.directory, system.organisationId, today),
    origin: ref(snapshot.directory.byId.get(system.originOrganisationId)),
    latestCheck: latest,
    standing: overlapStanding(latest, resolutions),
  };
}

export function createLocalSystemService(deps: LocalSystemDeps) {
  const { db, clock, catalogue, checker } = deps;

  /** 404 when the caller may not see it: a locality's records do not leak to others. */
  const loadVisible = async (actor: Actor, id: string): Promise<LocalSystem> => {
    const system = await findLocalSystem(db, id);
    if (!system || !can(actor, 'locality_record.read', target(system.organisationId)))
      throw new NotFoundError('local_system', id);
    return system;
  };
  const detail = async (system: LocalSystem): Promise<LocalSystemDetail> => {
    const [snapshot, checks, resolutions] = await Promise.all([
      catalogue.snapshot(),
      listSnapshots(db, system.id),
      listResolutions(db, [system.id]),
    ]);
    return {
      ...viewOf(snapshot, clock.today(), system, checks[0] ?? null, resolutions),
      checks,
      resolutions,
    };
  };
  const refuseForward = (
    system: Pick<LocalSystem, 'status'>,
    to: LocalSystem['status'],
    latest: CheckSnapshot | null,
    resolutions: readonly Resolution[],
  ) => {
    const block = forwardBlock(system.status, to, overlapStanding(latest, resolutions));
    if (block)
      throw new ConflictError(block, {
        needed: block === 'justification_pending' ? ['decision'] : ['adoption', 'justification'],
        overlappingPlatforms: latest ? overlappingPlatformIds(latest) : [],
        checkId: latest?.id ?? null,
      });
  };

  return {
    /** `standing: ['pending']` is the authority's queue of justifications to decide. */
    async list(
      actor: Actor | null,
      filter: { organisation?: string; standing?: OverlapStanding[] } = {},
    ): Promise<LocalSystemView[]> {
      const a = requireActor(actor);
      const snapshot = await catalogue.snapshot();
      const authority = can(a, 'overlap_report.read', { kind: 'overlap_report' });
      let localityId: string | null = null;
      // A former province means the systems recorded for it, now its successor's.
      let originId: string | null = null;
      if (filter.organisation) {
        const org = findOrganisation(snapshot, filter.organisation);
        if (!org) throw new InvalidInputError([{ field: 'organisation', code: 'not_found' }]);
        localityId = currentOwner(snapshot.directory, org.id, clock.today())?.id ?? org.id;
        if (localityId !== org.id) originId = org.id;
      } else if (!authority) localityId = a.organisationId;
      if (localityId && !can(a, 'locality_record.read', target(localityId)))
        throw new NotAllowedError('locality_record.read');
      if (!localityId && !authority) throw new NotAllowedError('locality_record.read');
      const systems = (
        await listLocalSystems(
          db,
          localityId ? { organisationIds: [...ownerFamily(snapshot.directory, localityId)] } : {},
        )
      ).filter((s) => originId === null || s.originOrganisationId === originId);
      const ids = systems.map((s) => s.id);
      const [latest, resolutions] = await Promise.all([latestSnapshots(db, ids), listResolutions(db, ids)]);
      const today = clock.today();
      return systems
        .map((s) =>
          viewOf(
            snapshot,
            today,
            s,
            latest.get(s.id) ?? null,
            resolutions.filter((r) => r.localSystemId === s.id),
          ),
        )
        .filter((v) => !filter.standing?.length || filter.standing.includes(v.standing));
    },

    /** The catalogue platforms a check named, for their owner and focal points (open data). */
    async platforms(ids: readonly string[]): Promise<Map<string, Platform>> {
      const snapshot = await catalogue.snapshot();
      const found = new Map<string, Platform>();
      for (const id of ids) {
        const platform = snapshot.platformById.get(id);
        if (platform) found.set(id, platform);
      }
      return found;
    },

    /** Where an officer may record a system: its locality and the provinces merged into it. */
    async recordableFor(actor: Actor | null): Promise<OrganisationRef[]> {
      const a = requireActor(actor);
      const snapshot = await catalogue.snapshot();
      return [...a.organisationFamily]
        .map((id) => snapshot.directory.byId.get(id))
        .filter(
          (o): o is Organisation =>
            o !== undefined && LOCALITY_LEVELS.has(o.level) && can(a, 'locality_record.manage', target(o.id)),
        )
        .sort((x, y) => Number(y.id === a.organisationId) - Number(x.id === a.organisationId))
        .map((o) => ({ id: o.id, name: o.name }));
    },

    async get(actor: Actor | null, id: string): Promise<LocalSystemDetail> {
      return detail(await loadVisible(requireActor(actor), id));
    },

    async create(
      actor: Actor | null,
      input: LocalSystemInput,
      ctx: WriteContext,
    ): Promise<LocalSystemDetail> {
      const a = requireActor(actor);
      const snapshot = await catalogue.snapshot();
      const today = clock.today();
      const origin = findOrganisation(snapshot, input.organisation ?? a.organisationId);
      if (!origin) throw new InvalidInputError([{ field: 'organisation', code: 'not_found' }]);
      if (!can(a, 'locality_record.manage', target(origin.id)))
        throw new NotAllowedError('locality_record.manage');
      if (!LOCALITY_LEVELS.has(origin.level))
        throw new InvalidInputError([{ field: 'organisation', code: 'not_a_locality' }]);
      // Recorded for a former province: it belongs to the province that carries it on today.
      const locality = currentOwner(snapshot.directory, origin.id, today) ?? { id: origin.id };
      const content: LocalSystemContent = {
        name: input.name.trim(),
        // An empty contact field is no contact.
        description: input.description.trim(),
        functions: input.functions,
        data: input.data,
        status: input.status ?? 'proposed',
        decision: input.decision,
        budgetVnd: input.budgetVnd,
        contact: cleanContact(input.contact),
      };
      const issues = localSystemIssues(content, today);
      if (issues.length > 0) throw new InvalidInputError(issues);
      const now = clock.now();
      const id = randomUUID();
      const check = await checker.check({ id, version: 1, ...content }, 'record', now);
      // Nothing is recorded straight into a forward status over an unanswered overlap.
      refuseForward({ status: 'proposed' }, content.status, { ...check, id: 0 }, []);
      const created = await db.transaction().execute(async (tx) => {
        const system = await insertLocalSystem(
          tx,
          {
            id,
            organisationId: locality.id,
            originOrganisationId: origin.id,
            createdBy: a.userId,
            ...content,
          },
          now,
        );
        const stored = await insertSnapshot(tx, check);
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: 'local_system.create',
              targetType: 'local_system',
              targetId: id,
              after: { ...auditState(system), check: { id: stored.id, verdict: stored.verdict } },
            },
          ],
          now,
        );
        return system;
      });
      return detail(created);
    },

    async update(
      actor: Actor | null,
      id: string,
      changes: LocalSystemChanges,
      ctx: WriteContext,
    ): Promise<LocalSystemDetail> {
      const a = requireActor(actor);
      const system = await loadVisible(a, id);
      if (!can(a, 'locality_record.manage', target(system.organisationId)))
        throw new NotAllowedError('locality_record.manage');
      if (system.version !== changes.version)
        throw new ConflictError('version_mismatch', { currentVersion: system.version });
      const content: LocalSystemContent = {
        name: changes.name ?? system.name,
        description: changes.description ?? system.description,
        functions: changes.functions ?? system.functions,
        data: changes.data ?? system.data,
        status: changes.status ?? system.status,
        decision: changes.decision !== undefined ? changes.decision : system.decision,
        budgetVnd: changes.budgetVnd !== undefined ? changes.budgetVnd : system.budgetVnd,
        contact: cleanContact({ ...system.contact, ...changes.contact }),
      };
      content.name = content.name.trim();
      content.description = content.description.trim();
      if (!statusChangeAllowed(system.status, content.status)) throw new ConflictError('status_retired');
      const issues = localSystemIssues(content, clock.today());
      if (issues.length > 0) throw new InvalidInputError(issues);
      const now = clock.now();
      const textChanged =
        content.name !== system.name ||
        content.description !== system.description ||
        JSON.stringify([content.functions, content.data]) !== JSON.stringify([system.functions, system.data]);
      const [latestMap, resolutions] = await Promise.all([
        latestSnapshots(db, [id]),
        listResolutions(db, [id]),
      ]);
      const check = textChanged
        ? await checker.check({ id, version: system.version + 1, ...content }, 'edit', now)
        : null;
      refuseForward(
        system,
        content.status,
        check ? { ...check, id: 0 } : (latestMap.get(id) ?? null),
        resolutions,
      );
      const updated = await db.transaction().execute(async (tx) => {
        const after = await updateLocalSystem(tx, id, system.version, content, now);
        if (!after)
          throw new ConflictError('version_mismatch', {
            currentVersion: (await findLocalSystem(tx, id))?.version,
          });
        const stored = check ? await insertSnapshot(tx, check) : null;
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: 'local_system.update',
              targetType: 'local_system',
              targetId: id,
              before: auditState(system),
              after: {
                ...auditState(after),
                ...(stored ? { check: { id: stored.id, verdict: stored.verdict } } : {}),
              },
            },
          ],
          now,
        );
        return after;
      });
      return detail(updated);
    },

    /**
     * "Check this system now": its locality's officer or the authority checks it against today's
     * catalogue under the overlap rules in force, and the snapshot is kept like a re-check's.
     */
    async checkNow(
      actor: Actor | null,
      id: string,
      ctx: WriteContext,
    ): Promise<{ verdict: CheckSnapshot['verdict']; check: CheckSnapshot; standing: OverlapStanding }> {
      const a = requireActor(actor);
      const system = await loadVisible(a, id);
      if (!can(a, 'locality_record.check', target(system.organisationId)))
        throw new NotAllowedError('locality_record.check');
      const now = clock.now();
      const check = await checker.check(system, 'manual', now);
      const stored = await db.transaction().execute(async (tx) => {
        // An edit in between checked the new text itself: this check of the old one is refused.
        const [locked] = await lockLocalSystems(tx, [id]);
        if (!locked || locked.version !== system.version)
          throw new ConflictError('version_mismatch', { currentVersion: locked?.version });
        const snapshot = await insertSnapshot(tx, check);
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: 'local_system.check',
              targetType: 'local_system',
              targetId: id,
              after: {
                checkId: snapshot.id,
                verdict: snapshot.verdict,
                overlapping: overlappingPlatformIds(snapshot),
                catalogueRevision: snapshot.catalogueRevision,
                rulesVersion: snapshot.rulesVersion,
              },
            },
          ],
          now,
        );
        return snapshot;
      });
      const resolutions = await listResolutions(db, [id]);
      return { verdict: stored.verdict, check: stored, standing: overlapStanding(stored, resolutions) };
    },

    /** Comply or explain: adopt a catalogue platform instead, or justify the system. */
    async resolve(
      actor: Actor | null,
      id: string,
      input: ResolutionInput,
      ctx: WriteContext,
    ): Promise<Resolution> {
      const a = requireActor(actor);
      const system = await loadVisible(a, id);
      if (!can(a, 'locality_record.manage', target(system.organisationId)))
        throw new NotAllowedError('locality_record.manage');
      const latest = (await latestSnapshots(db, [id])).get(id);
      if (!latest || latest.verdict !== 'overlap')
        throw new InvalidInputError([{ field: 'kind', code: 'not_overlapping' }]);
      let platformId: string | null = null;
      let justification: Justification | null = null;
      if (input.kind === 'adoption') {
        const snapshot = await catalogue.snapshot();
        const platform =
          snapshot.platformById.get(input.platform) ?? snapshot.platformBySlug.get(input.platform);
        if (!platform) throw new InvalidInputError([{ field: 'platform', code: 'not_in_catalogue' }]);
        platformId = platform.id;
      } else {
        const issues = justificationIssues(input);
        if (issues.length > 0) throw new InvalidInputError(issues);
        justification = {
          reason: (input.reason ?? '').trim(),
          platformUnfit: (input.platformUnfit ?? '').trim(),
          costComparison: (input.costComparison ?? '').trim(),
          integrationPlan: input.integrationPlan?.trim() || null,
        };
      }
      const now = clock.now();
      return db.transaction().execute(async (tx) => {
        const resolution = await insertResolution(
          tx,
          {
            id: randomUUID(),
            localSystemId: id,
            checkId: latest.id,
            kind: input.kind,
            platformId,
            coveredPlatformIds: overlappingPlatformIds(latest),
            justification,
            status: input.kind === 'adoption' ? 'adopted' : 'pending',
            createdBy: a.userId,
          },
          now,
        );
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: `local_system.${input.kind}`,
              targetType: 'local_system',
              targetId: id,
              after: { resolutionId: resolution.id, checkId: latest.id, platformId, justification },
            },
          ],
          now,
        );
        return resolution;
      });
    },

    /** The authority accepts or rejects a pending justification, with a comment. */
    async decide(
      actor: Actor | null,
      resolutionId: string,
      input: { decision: 'accept' | 'reject'; comment: string },
      ctx: WriteContext,
    ): Promise<Resolution> {
      const a = requireActor(actor);
      const resolution = await findResolution(db, resolutionId);
      const system = resolution ? await findLocalSystem(db, resolution.localSystemId) : null;
      if (!resolution || !system || !can(a, 'locality_record.read', target(system.organisationId)))
        throw new NotFoundError('local_system_resolution', resolutionId);
      if (!can(a, 'locality_record.review', target(system.organisationId)))
        throw new NotAllowedError('locality_record.review');
      if (resolution.kind !== 'justification' || resolution.status !== 'pending')
        throw new ConflictError('already_decided', { currentStatus: resolution.status });
      const now = clock.now();
      return db.transaction().execute(async (tx) => {
        const decided = await decideResolution(
          tx,
          resolutionId,
          {
            status: input.decision === 'accept' ? 'accepted' : 'rejected',
            comment: input.comment.trim(),
            reviewerId: a.userId,
          },
          now,
        );
        if (!decided) throw new ConflictError('already_decided');
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: `local_system.justification_${decided.status}`,
              targetType: 'local_system',
              targetId: system.id,
              before: { resolutionId, status: resolution.status },
              after: { resolutionId, status: decided.status, comment: decided.reviewComment },
            },
          ],
          now,
        );
        return decided;
      });
    },
  };
}
export type LocalSystemService = ReturnType<typeof createLocalSystemService>;
