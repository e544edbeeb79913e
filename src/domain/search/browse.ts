import type { CompiledFilters, FacetTable } from './facets.ts';
import type { Scratch } from './scratch.ts';
import { FACET_NAMES, type FacetCount, type FacetName } from './types.ts';

/**
 * The empty query with filters: the entries that pass, in name order, with disjunctive facet
 * counts. Works from facet postings (which slots hold a value) rather than testing every entry:
 * each entry holding an accepted value gets one vote per filter it passes; k votes pass, k - 1
 * votes count in the one facet they fail.
 */

export interface BrowseInput {
  facets: FacetTable;
  filters: CompiledFilters;
  /** Live slots in name order. */
  ordered: readonly number[];
  alive: Uint8Array;
  scratch: Scratch;
  limit: number;
  offset: number;
}

export interface BrowseResult {
  page: number[];
  total: number;
  facets: Record<FacetName, FacetCount[]>;
}

export function browseFiltered(input: BrowseInput): BrowseResult {
  const { facets, filters, alive, scratch: x } = input;
  const k = filters.facets.length;
  // Marks only grow: a slot marked at or after `start` was seen by this browse, and one marked
  // with the current facet's mark has voted for it (an entry may hold two accepted editions).
  // x.candidate holds the votes.
  x.begin(input.alive.length);
  const start = x.nextMark();
  const seen: number[] = [];
  for (const facet of filters.facets) {
    const mark = x.nextMark();
    for (const list of facets.holdersOf(facet, filters.accept[facet]!)) {
      for (const slot of list) {
        if (alive[slot] !== 1 || x.marks[slot] === mark) continue;
        if (x.marks[slot]! < start) {
          x.candidate[slot] = 0;
          seen.push(slot);
        }
        x.marks[slot] = mark;
        x.candidate[slot]! += 1;
      }
    }
  }
  const relevant = new Int32Array(seen.filter((slot) => x.candidate[slot]! >= k - 1));
  const failing = new Int8Array(relevant.length);
  let total = 0;
  relevant.forEach((slot, i) => {
    failing[i] = x.candidate[slot] === k ? -1 : facets.failing(slot, filters);
    if (failing[i] === -1) total++;
  });
  const counted = facets.count(relevant, relevant.length, failing);
  if (k === 1) {
    // With one filter, its own facet counts over every live entry.
    const only = filters.facets[0]!;
    counted[facetName(only)] = facets.liveCounts()[facetName(only)];
  }
  const page: number[] = [];
  const want = input.offset + input.limit;
  let passed = 0;
  for (const slot of input.ordered) {
    if (passed >= want) break;
    if (x.marks[slot]! >= start && x.candidate[slot] === k) {
      if (passed >= input.offset) page.push(slot);
      passed++;
    }
  }
  return { page, total, facets: counted };
}

function facetName(facet: number): FacetName {
  return FACET_NAMES[facet]!;
}
