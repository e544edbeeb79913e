import { createHash } from 'node:crypto';
import {
  snapshotOf,
  type CheckTrigger,
  type LocalSystem,
  type NewCheckSnapshot,
} from '../domain/local-system.ts';
import { checkOverlap, DEFAULT_OVERLAP_RULES, type OverlapRules } from '../domain/overlap/index.ts';
import type { CatalogueService, CatalogueSnapshot } from './catalogue.service.ts';
import { prepareSnapshot } from './overlap.service.ts';
import type { OverlapRulesService } from './overlap-rules.service.ts';

/**
 * Checks local systems against the catalogue and says which catalogue and rules a check ran
 * against: the revision counter, and a digest of the rules (so a change of the overlap rules
 * is a new "rules version" without anyone numbering them).
 */
export type RulesSource = () => Promise<OverlapRules> | OverlapRules;

/** The rules the authority keeps in force (overlap-rules.service.ts), as a checker's source. */
export const rulesInForce =
  (service: Pick<OverlapRulesService, 'current'>): RulesSource =>
  async () =>
    (await service.current()).rules;

export function rulesVersion(rules: OverlapRules): string {
  return createHash('sha256').update(JSON.stringify(rules)).digest('hex').slice(0, 16);
}

export interface LocalSystemChecker {
  /** The catalogue and rules a check made now would use. */
  current(): Promise<{ snapshot: CatalogueSnapshot; rules: OverlapRules; rulesVersion: string }>;
  check(
    system: Pick<LocalSystem, 'id' | 'version' | 'name' | 'description' | 'functions' | 'data'>,
    trigger: CheckTrigger,
    now: Date,
    at?: Awaited<ReturnType<LocalSystemChecker['current']>>,
  ): Promise<NewCheckSnapshot>;
}

export function createLocalSystemChecker(
  catalogue: CatalogueService,
  rules: RulesSource = () => DEFAULT_OVERLAP_RULES,
): LocalSystemChecker {
  const versions = new WeakMap<OverlapRules, string>();
  const current: LocalSystemChecker['current'] = async () => {
    const [snapshot, r] = await Promise.all([catalogue.snapshot(), rules()]);
    let version = versions.get(r);
    if (!version) {
      version = rulesVersion(r);
      versions.set(r, version);
    }
    return { snapshot, rules: r, rulesVersion: version };
  };
  return {
    current,
    async check(system, trigger, now, at) {
      const { snapshot, rules: r, rulesVersion: version } = at ?? (await current());
      const result = checkOverlap(
        {
          name: system.name,
          ...(system.description ? { description: system.description } : {}),
          functions: system.functions,
          data: system.data,
        },
        prepareSnapshot(snapshot),
        r,
      );
      return snapshotOf(system, result, {
        catalogueRevision: snapshot.revision,
        rulesVersion: version,
        trigger,
        checkedAt: now.toISOString(),
      });
    },
  };
}
