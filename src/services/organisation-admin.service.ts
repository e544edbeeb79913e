import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import {
  codeTaken,
  findVersionedOrganisation,
  insertLinks,
  insertOrganisation,
  setValidity,
  updateOrganisation,
  type OrganisationFields,
  type VersionedOrganisation,
} from '../db/organisation-admin.repository.ts';
import { bumpCatalogueRevision } from '../db/platform-version.repository.ts';
import type { AuditEvent, WriteContext } from '../domain/audit.ts';
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from '../domain/errors.ts';
import type { LinkKind, OrganisationLink } from '../domain/organisation.ts';
import { can, type Actor } from '../domain/permission.ts';
import { planReorganisation } from '../domain/reorganisation.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { requireActor } from './user.service.ts';

/**
 * Organisation management (administrators): create and edit bodies, record reorganisations
 * with their effective date and legal basis. Each write is audited in its transaction and bumps
 * the catalogue revision, so owners, lineage and search reflect it at once on every instance.
 */
export function createOrganisationAdminService(deps: { db: Db; clock: Clock; catalogue: CatalogueService }) {
  const { db, clock, catalogue } = deps;
  const manager = (actor: Actor | null) => {
    if (!can(requireActor(actor), 'organisation.manage', { kind: 'organisation' }))
      throw new NotAllowedError('organisation.manage');
  };
  const resolve = async (key: string, field: string) => {
    const org = await findVersionedOrganisation(db, key);
    if (!org) throw new InvalidInputError([{ field, code: 'unknown_organisation' }]);
    return org;
  };
  const done = () => catalogue.invalidate();

  return {
    async get(key: string): Promise<VersionedOrganisation> {
      const org = await findVersionedOrganisation(db, key);
      if (!org) throw new NotFoundError('organisation', key);
      return org;
    },

    async create(
      actor: Actor | null,
      input: OrganisationFields,
      ctx: WriteContext,
    ): Promise<VersionedOrganisation> {
      manager(actor);
      if (await codeTaken(db, input.code))
        throw new ConflictError('organisation_code_taken', { organisationCode: input.code, field: 'code' });
      const now = clock.now();
      const created = await db.transaction().execute(async (tx) => {
        const org = await insertOrganisation(tx, randomUUID(), input, now);
        await bumpCatalogueRevision(tx, now);
        await appendAudit(
          tx,
          ctx,
          [{ action: 'organisation.create', targetType: 'organisation', targetId: org.id, after: org }],
          now,
        );
        return org;
      });
      done();
      return created;
    },

    async update(
      actor: Actor | null,
      key: string,
      input: Partial<OrganisationFields> & { version: number },
      ctx: WriteContext,
    ): Promise<VersionedOrganisation> {
      manager(actor);
      const current = await findVersionedOrganisation(db, key);
      if (!current) throw new NotFoundError('organisation', key);
      if (current.version !== input.version)
        throw new ConflictError('version_mismatch', { currentVersion: current.version });
      const { version, ...changes } = input;
      if (changes.code !== undefined && (await codeTaken(db, changes.code, current.id)))
        throw new ConflictError('organisation_code_taken', { organisationCode: changes.code, field: 'code' });
      const from = changes.validFrom !== undefined ? changes.validFrom : current.validFrom;
      const to = changes.validTo !== undefined ? changes.validTo : current.validTo;
      if (from !== null && to !== null && to < from)
        throw new InvalidInputError([{ field: 'validTo', code: 'too_small' }]);
      const now = clock.now();
      const updated = await db.transaction().execute(async (tx) => {
        const after = await updateOrganisation(tx, current.id, version, changes, now);
        if (!after)
          throw new ConflictError('version_mismatch', {
            currentVersion: (await findVersionedOrganisation(tx, current.id))?.version,
          });
        await bumpCatalogueRevision(tx, now);
        await appendAudit(
          tx,
          ctx,
          [
            {
              action: 'organisation.update',
              targetType: 'organisation',
              targetId: current.id,
              before: current,
              after,
            },
          ],
          now,
        );
        return after;
      });
      done();
      return updated;
    },

    /** Records a merger, absorption, renaming or split; the former bodies end the day before. */
    async reorganise(
      actor: Actor | null,
      input: {
        kind: LinkKind;
        predecessors: string[];
        successors: string[];
        effectiveDate: string;
        legalBasis?: string | null;
        sourceUrl?: string | null;
      },
      ctx: WriteContext,
    ): Promise<{ links: OrganisationLink[]; organisations: VersionedOrganisation[] }> {
      manager(actor);
      const predecessors = await Promise.all(
        input.predecessors.map((k, i) => resolve(k, `predecessors[${i}]`)),
      );
      const successors = await Promise.all(input.successors.map((k, i) => resolve(k, `successors[${i}]`)));
      const snapshot = await catalogue.snapshot();
      const byId = new Map([...predecessors, ...successors].map((o) => [o.id, o]));
      const result = planReorganisation(
        {
          kind: input.kind,
          predecessorIds: predecessors.map((o) => o.id),
          successorIds: successors.map((o) => o.id),
          effectiveDate: input.effectiveDate,
        },
        byId,
        snapshot.directory.links,
      );
      if ('issues' in result) throw new InvalidInputError(result.issues);
      if (result.alreadyReorganised.length > 0)
        throw new ConflictError('already_reorganised', { organisations: result.alreadyReorganised });
      const { plan } = result;
      const links: OrganisationLink[] = plan.links.map((l) => ({
        id: randomUUID(),
        ...l,
        kind: input.kind,
        effectiveDate: input.effectiveDate,
        legalBasis: input.legalBasis ?? null,
        sourceUrl: input.sourceUrl ?? null,
      }));
      const now = clock.now();
      const touched = [...new Set([...plan.ends, ...plan.starts].map((x) => x.organisationId))];
      const organisations = await db.transaction().execute(async (tx) => {
        await insertLinks(tx, links);
        for (const e of plan.ends) await setValidity(tx, e.organisationId, { validTo: e.validTo }, now);
        for (const s of plan.starts) await setValidity(tx, s.organisationId, { validFrom: s.validFrom }, now);
        const events: AuditEvent[] = links.map((l) => ({
          action: 'organisation.reorganise',
          targetType: 'organisation_link',
          targetId: l.id,
          after: l,
        }));
        const after: VersionedOrganisation[] = [];
        for (const id of touched) {
          const org = await findVersionedOrganisation(tx, id);
          if (!org) continue;
          after.push(org);
          events.push({
            action: 'organisation.update',
            targetType: 'organisation',
            targetId: id,
            before: byId.get(id),
            after: org,
          });
        }
        await bumpCatalogueRevision(tx, now);
        await appendAudit(tx, ctx, events, now);
        return after;
      });
      done();
      return { links, organisations };
    },
  };
}
export type OrganisationAdminService = ReturnType<typeof createOrganisationAdminService>;
