import { NotFoundError } from '../domain/errors.ts';
import {
  allPredecessors,
  isActiveOn,
  lineageOf,
  successorsOn,
  type Organisation,
  type OrganisationLink,
} from '../domain/organisation.ts';
import type { OrganisationRef, Platform } from '../domain/platform.ts';
import { ownerFamily } from '../domain/catalogue.ts';
import type { CatalogueService, CatalogueSnapshot } from './catalogue.service.ts';
import { findOrganisation } from './platform.service.ts';

export interface LinkView {
  kind: OrganisationLink['kind'];
  effectiveDate: string;
  legalBasis: string | null;
  sourceUrl: string | null;
  predecessor: OrganisationRef;
  successor: OrganisationRef;
}

export interface OrganisationView extends Organisation {
  current: boolean;
}

export interface OrganisationDetailView extends OrganisationView {
  formedFrom: LinkView[];
  becameOf: LinkView[];
  currentSuccessors: OrganisationRef[];
  predecessors: OrganisationRef[];
  platforms: Platform[];
}

function ref(snapshot: CatalogueSnapshot, id: string): OrganisationRef {
  const org = snapshot.directory.byId.get(id);
  return { id, name: org?.name ?? id };
}

function linkView(snapshot: CatalogueSnapshot, link: OrganisationLink): LinkView {
  return {
    kind: link.kind,
    effectiveDate: link.effectiveDate,
    legalBasis: link.legalBasis,
    sourceUrl: link.sourceUrl,
    predecessor: ref(snapshot, link.predecessorId),
    successor: ref(snapshot, link.successorId),
  };
}

export function createOrganisationService(catalogue: CatalogueService, today: () => string) {
  const view = (org: Organisation): OrganisationView => ({ ...org, current: isActiveOn(org, today()) });
  return {
    async list(filter: { level?: string; current?: boolean }): Promise<OrganisationView[]> {
      const snapshot = await catalogue.snapshot();
      return snapshot.organisations
        .map(view)
        .filter((o) => (filter.level ? o.level === filter.level : true))
        .filter((o) => (filter.current === undefined ? true : o.current === filter.current));
    },

    /** An organisation with its lineage, and its platforms (through predecessors for a current body). */
    async get(key: string, onDate?: string): Promise<OrganisationDetailView> {
      const snapshot = await catalogue.snapshot();
      const org = findOrganisation(snapshot, key);
      if (!org) throw new NotFoundError('organisation', key);
      const links = snapshot.directory.links;
      const { becameOf, formedFrom } = lineageOf(org.id, links);
      const date = onDate ?? today();
      const current = view(org).current;
      const family = current ? ownerFamily(snapshot.directory, org.id) : new Set([org.id]);
      return {
        ...view(org),
        formedFrom: formedFrom.map((l) => linkView(snapshot, l)),
        becameOf: becameOf.map((l) => linkView(snapshot, l)),
        currentSuccessors: successorsOn(org.id, links, date).map((id) => ref(snapshot, id)),
        predecessors: allPredecessors(org.id, links).map((id) => ref(snapshot, id)),
        platforms: snapshot.platforms.filter((p) => p.declaredOwner && family.has(p.declaredOwner.id)),
      };
    },
  };
}
export type OrganisationService = ReturnType<typeof createOrganisationService>;
