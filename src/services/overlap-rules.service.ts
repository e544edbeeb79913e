import type { Clock } from '../clock.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import {
  readOverlapRules,
  readOverlapRulesVersion,
  writeOverlapRules,
} from '../db/overlap-rules.repository.ts';
import type { WriteContext } from '../domain/audit.ts';
import { ConflictError, InvalidInputError, NotAllowedError } from '../domain/errors.ts';
import { DEFAULT_OVERLAP_RULES, parseOverlapRules, type OverlapRules } from '../domain/overlap/index.ts';
import { can, type Actor } from '../domain/permission.ts';
import { requireActor } from './user.service.ts';

/**
 * The overlap check's thresholds and counterpart rules as a run-time setting the administrator
 * changes. Version 0 is the built-in defaults (nothing stored yet). The writing instance uses a
 * new version at once; other instances sharing the database poll the stored version (one
 * primary-key read) at most every `pollMs`, so a change shows there within about two seconds.
 */
export interface OverlapRulesView {
  version: number;
  rules: OverlapRules;
  /** ISO instant of the last change; null for the built-in defaults. */
  updatedAt: string | null;
  updatedBy: string | null;
}

const DEFAULTS: OverlapRulesView = {
  version: 0,
  rules: DEFAULT_OVERLAP_RULES,
  updatedAt: null,
  updatedBy: null,
};

export interface OverlapRulesDeps {
  db: Db;
  clock: Clock;
  /** How often to look for changes made by other instances. */
  pollMs?: number;
}

export function createOverlapRulesService({ db, clock, pollMs = 1000 }: OverlapRulesDeps) {
  let current: OverlapRulesView | null = null;
  let checkedAt = 0;

  const load = async (): Promise<OverlapRulesView> => {
    const stored = await readOverlapRules(db);
    if (!stored) return DEFAULTS;
    // Stored rules were valid when written; settings added since take their defaults.
    const parsed = parseOverlapRules(stored.rules);
    return {
      version: stored.version,
      rules: parsed.ok ? parsed.rules : DEFAULT_OVERLAP_RULES,
      updatedAt: stored.updatedAt,
      updatedBy: stored.updatedBy,
    };
  };

  /** The rules in force (cached; re-read when the stored version changes). */
  const inForce = async (): Promise<OverlapRulesView> => {
    const now = clock.now().getTime();
    if (current && now - checkedAt < pollMs) return current;
    checkedAt = now;
    if (!current || (await readOverlapRulesVersion(db)) !== current.version) current = await load();
    return current;
  };

  return {
    current: inForce,

    /**
     * Replaces the rules (missing settings take their defaults) if `version` is still the one
     * in force; audited in the same transaction.
     */
    async put(
      actor: Actor | null,
      version: number,
      input: unknown,
      context: WriteContext,
    ): Promise<OverlapRulesView> {
      if (!can(requireActor(actor), 'overlap_rules.manage', { kind: 'overlap_rules' }))
        throw new NotAllowedError('overlap_rules.manage');
      const parsed = parseOverlapRules(input);
      if (!parsed.ok)
        throw new InvalidInputError(parsed.issues.map((i) => ({ ...i, field: `rules.${i.field}` })));
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        const before = await readOverlapRules(tx);
        const currentVersion = before?.version ?? 0;
        if (currentVersion !== version) throw new ConflictError('version_mismatch', { currentVersion });
        if (!(await writeOverlapRules(tx, version, parsed.rules, context.actor?.userId ?? null, now)))
          throw new ConflictError('version_mismatch', { currentVersion: await readOverlapRulesVersion(tx) });
        await appendAudit(
          tx,
          context,
          [
            {
              action: 'overlap_rules.update',
              targetType: 'setting',
              targetId: 'overlap_rules',
              before: { version: currentVersion, rules: before?.rules ?? DEFAULT_OVERLAP_RULES },
              after: { version: version + 1, rules: parsed.rules },
            },
          ],
          now,
        );
      });
      current = null; // this instance uses the new rules at once
      return inForce();
    },
  };
}
export type OverlapRulesService = ReturnType<typeof createOverlapRulesService>;
