import { InvalidInputError } from '../domain/errors.ts';
import {
  checkOverlap,
  DEFAULT_OVERLAP_RULES,
  prepareCatalogue,
  validateProposal,
  type OverlapPlatform,
  type OverlapResult,
  type OverlapRules,
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
  /** The version of the overlap rules the check used (0: the built-in defaults). */
  rulesVersion: number;
  checkedAt: string;
}

/** Where the rules in force come from (overlap-rules.service.ts); the defaults when not given. */
export interface OverlapRulesSource {
  current(): Promise<{ version: number; rules: OverlapRules }>;
}

const BUILT_IN: OverlapRulesSource = {
  current: () => Promise.resolve({ version: 0, rules: DEFAULT_OVERLAP_RULES }),
};

/**
 * The overlap engine's prepared form of a catalogue snapshot, built once per snapshot for the
 * whole process (anonymous checks, local-system checks and catalogue hygiene share it).
 */
const preparedBySnapshot = new WeakMap<CatalogueSnapshot, PreparedCatalogue>();
export function prepareSnapshot(snapshot: CatalogueSnapshot): PreparedCatalogue {
  let p = preparedBySnapshot.get(snapshot);
  if (!p) {
    p = prepareCatalogue(snapshot.platforms.map(toOverlapPlatform), buildDictionary(snapshot.terms));
    preparedBySnapshot.set(snapshot, p);
  }
  return p;
}

export function createOverlapService(
  catalogue: CatalogueService,
  now: () => Date,
  rulesSource: OverlapRulesSource = BUILT_IN,
) {
  return {
    /** Validates untrusted input (bounded), then checks it. */
    async check(input: unknown): Promise<OverlapCheckView> {
      const validated = validateProposal(input);
      if (!validated.ok) throw new InvalidInputError(validated.error.issues);
      const [snapshot, rules] = await Promise.all([catalogue.snapshot(), rulesSource.current()]);
      const result = checkOverlap(validated.proposal, prepareSnapshot(snapshot), rules.rules);
      return {
        ...result,
        catalogueRevision: snapshot.revision,
        rulesVersion: rules.version,
        checkedAt: now().toISOString(),
      };
    },
    /** The prepared catalogue of the current snapshot, with the rules in force (catalogue hygiene). */
    async prepared() {
      const [snapshot, rules] = await Promise.all([catalogue.snapshot(), rulesSource.current()]);
      return { snapshot, prepared: prepareSnapshot(snapshot), rules };
    },
    async platform(id: string) {
      return (await catalogue.snapshot()).platformById.get(id);
    },
  };
}
export type OverlapService = ReturnType<typeof createOverlapService>;
