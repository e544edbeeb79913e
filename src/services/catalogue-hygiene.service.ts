import type { Clock } from '../clock.ts';
import { appendAudit } from '../db/audit.repository.ts';
import {
  deleteDismissal,
  insertDismissal,
  listDismissals,
  pairKey,
  type DuplicateDismissal,
} from '../db/catalogue-hygiene.repository.ts';
import type { Db } from '../db/database.ts';
import type { WriteContext } from '../domain/audit.ts';
import { hygieneCsv, type DuplicatePair, type HygieneEntry } from '../domain/catalogue-hygiene.ts';
import { InvalidInputError, NotAllowedError, NotFoundError } from '../domain/errors.ts';
import {
  findCatalogueDuplicates,
  type CatalogueDuplicate,
  type OverlapRules,
  type PreparedCatalogue,
} from '../domain/overlap/index.ts';
import { can, type Actor } from '../domain/permission.ts';
import type { CatalogueSnapshot } from './catalogue.service.ts';
import type { OverlapService } from './overlap.service.ts';
import { requireActor } from './user.service.ts';

/**
 * Near-duplicate entries inside the catalogue, for the authority. The pairs are computed once
 * per catalogue snapshot and rules version (every entry against the others), then filtered by
 * the pairs the authority has marked "not a duplicate".
 */
export interface HygieneReport {
  items: DuplicatePair[];
  /** Pairs marked "not a duplicate", with who and why. */
  dismissed: (DuplicateDismissal & { pair: DuplicatePair | null; names: [string, string] })[];
  threshold: number;
  catalogueRevision: number;
  rulesVersion: number;
}

export function createCatalogueHygieneService({
  db,
  clock,
  overlap,
}: {
  db: Db;
  clock: Clock;
  overlap: Pick<OverlapService, 'prepared'>;
}) {
  const cache = new WeakMap<PreparedCatalogue, { rules: OverlapRules; pairs: CatalogueDuplicate[] }>();
  const allowed = (actor: Actor | null, action: 'catalogue_hygiene.read' | 'catalogue_hygiene.manage') => {
    if (!can(requireActor(actor), action, { kind: 'catalogue_hygiene' })) throw new NotAllowedError(action);
  };

  const entry = (snapshot: CatalogueSnapshot, id: string, name: string): HygieneEntry => {
    const p = snapshot.platformById.get(id);
    return { id, name: p?.name ?? name, slug: p?.slug ?? '', owner: p?.owner ?? null };
  };

  const report = async (): Promise<HygieneReport> => {
    const { snapshot, prepared, rules } = await overlap.prepared();
    let found = cache.get(prepared);
    if (!found || found.rules !== rules.rules) {
      found = { rules: rules.rules, pairs: findCatalogueDuplicates(prepared, rules.rules) };
      cache.set(prepared, found);
    }
    const all = found.pairs.map((d): DuplicatePair => ({
      a: entry(snapshot, d.a.platformId, d.a.name),
      b: entry(snapshot, d.b.platformId, d.b.name),
      score: d.score,
      reasons: d.reasons.map((r) => r.text),
    }));
    const dismissals = await listDismissals(db);
    const key = (x: string, y: string) => pairKey(x, y).join('|');
    const dismissedKeys = new Set(dismissals.map((d) => key(d.a, d.b)));
    const byKey = new Map(all.map((p) => [key(p.a.id, p.b.id), p]));
    const nameOf = (id: string) => snapshot.platformById.get(id)?.name ?? id;
    return {
      items: all.filter((p) => !dismissedKeys.has(key(p.a.id, p.b.id))),
      dismissed: dismissals.map((d) => ({
        ...d,
        pair: byKey.get(key(d.a, d.b)) ?? null,
        names: [nameOf(d.a), nameOf(d.b)],
      })),
      threshold: rules.rules.duplicateThreshold,
      catalogueRevision: snapshot.revision,
      rulesVersion: rules.version,
    };
  };

  return {
    async list(actor: Actor | null): Promise<HygieneReport> {
      allowed(actor, 'catalogue_hygiene.read');
      return report();
    },

    async exportCsv(actor: Actor | null): Promise<string> {
      allowed(actor, 'catalogue_hygiene.read');
      return hygieneCsv((await report()).items);
    },

    /**
     * Marks a pair "not a duplicate" (audited); it stops being listed. Idempotent: false when it
     * was already marked.
     */
    async dismiss(
      actor: Actor | null,
      pair: { a: string; b: string; note: string | null },
      context: WriteContext,
    ): Promise<boolean> {
      allowed(actor, 'catalogue_hygiene.manage');
      if (pair.a === pair.b) throw new InvalidInputError([{ field: 'b', code: 'invalid' }]);
      const { snapshot } = await overlap.prepared();
      for (const field of ['a', 'b'] as const)
        if (!snapshot.platformById.has(pair[field])) throw new NotFoundError('platform', pair[field]);
      const [a, b] = pairKey(pair.a, pair.b);
      const now = clock.now();
      return db.transaction().execute(async (tx) => {
        const added = await insertDismissal(
          tx,
          { a, b, note: pair.note, dismissedBy: context.actor?.userId ?? null },
          now,
        );
        if (!added) return false;
        await appendAudit(
          tx,
          context,
          [
            {
              action: 'catalogue_hygiene.dismiss',
              targetType: 'platform_pair',
              targetId: `${a}|${b}`,
              after: { a, b, note: pair.note },
            },
          ],
          now,
        );
        return true;
      });
    },

    /** Lists a dismissed pair again (audited). */
    async restore(actor: Actor | null, x: string, y: string, context: WriteContext): Promise<void> {
      allowed(actor, 'catalogue_hygiene.manage');
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        const removed = await deleteDismissal(tx, x, y);
        if (!removed) throw new NotFoundError('platform_pair', pairKey(x, y).join('|'));
        await appendAudit(
          tx,
          context,
          [
            {
              action: 'catalogue_hygiene.restore',
              targetType: 'platform_pair',
              targetId: `${removed.a}|${removed.b}`,
              before: removed,
            },
          ],
          now,
        );
      });
    },
  };
}
export type CatalogueHygieneService = ReturnType<typeof createCatalogueHygieneService>;
