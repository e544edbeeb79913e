import { InvalidInputError } from '../domain/errors.ts';
import {
  checkOverlap,
  DEFAULT_OVERLAP_RULES,
  prepareCatalogue,
  validateProposal,
  type OverlapPlatform,
  type OverlapResult,
  type PreparedCatalogue,
} from '../domain/overlap/index.ts';
import type { Platform } from '../domain/platform.ts';
import { buildDictionary } from '../domain/text/dictionary.ts';
import type { CatalogueService, CatalogueSnapshot } from './catalogue.service.ts';

/**
 * Overlap checks of planned local systems against the catalogue. The prepared catalogue (term
 * weights, candidate index) is built once per catalogue snapshot and reused by every check.
 */
export function toOverlapPlatform(p: Platform): OverlapPlatform {
  const focal = p.focalPoints[0];
  return {
    id: p.id,
    name: p.name,
    aliases: p.aliases,
    description: p.description ?? '',
    functions: p.functions,
    kind: p.kind,
    scope: p.scope,
    status: p.status,
    ownerName: p.declaredOwner?.name ?? null,
    currentOwnerName: p.owner && p.owner.id !== p.declaredOwner?.id ? p.owner.name : null,
    focalPoint: focal ? [focal.name, focal.unit, focal.email, focal.phone].filter(Boolean).join(', ') : null,
  };
}

export interface OverlapCheckView extends OverlapResult {
  catalogueRevision: number;
  checkedAt: string;
}

export function createOverlapService(catalogue: CatalogueService, now: () => Date) {
  const prepared = new WeakMap<CatalogueSnapshot, PreparedCatalogue>();
  const prepare = (snapshot: CatalogueSnapshot): PreparedCatalogue => {
    let p = prepared.get(snapshot);
    if (!p) {
      p = prepareCatalogue(snapshot.platforms.map(toOverlapPlatform), buildDictionary(snapshot.terms));
      prepared.set(snapshot, p);
    }
    return p;
  };
  return {
    /** Validates untrusted input (bounded), then checks it. */
    async check(input: unknown): Promise<OverlapCheckView> {
      const validated = validateProposal(input);
      if (!validated.ok) throw new InvalidInputError(validated.error.issues);
      const snapshot = await catalogue.snapshot();
      const result = checkOverlap(validated.proposal, prepare(snapshot), DEFAULT_OVERLAP_RULES);
      return { ...result, catalogueRevision: snapshot.revision, checkedAt: now().toISOString() };
    },
    async platform(id: string) {
      return (await catalogue.snapshot()).platformById.get(id);
    },
  };
}
export type OverlapService = ReturnType<typeof createOverlapService>;
