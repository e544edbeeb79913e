import { foldVi } from '../domain/text/vietnamese.ts';
import type { CatalogueSnapshot } from './catalogue.service.ts';

export interface SearchMatch {
  id: string;
  score: number;
  reasons: { field: string; kind: string; query: string; matched: string }[];
}

/** Full-text search over a catalogue snapshot; the engine lives in src/domain/search. */
export interface PlatformSearch {
  search(snapshot: CatalogueSnapshot, q: string): { matches: SearchMatch[]; didYouMean: string | null };
}

/**
 * Interim: folded substring matching on names and aliases, until the ranked engine is wired in.
 */
export function createPlatformSearch(): PlatformSearch {
  return {
    search(snapshot, q) {
      const needle = foldVi(q).trim();
      const matches: SearchMatch[] = [];
      for (const p of snapshot.platforms) {
        const hay = [p.name, ...p.aliases].map(foldVi);
        const hit = hay.find((h) => h.includes(needle));
        if (hit)
          matches.push({
            id: p.id,
            score: 1,
            reasons: [{ field: 'name', kind: 'folded', query: q, matched: hit }],
          });
      }
      return { matches, didYouMean: null };
    },
  };
}
