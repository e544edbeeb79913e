import { findPhrases } from '../text/dictionary.ts';
import { intersect } from './postings.ts';
import { QUALITY, type Alternative, type QueryContext, type Slot } from './query-model.ts';
import { pairId } from './terms.ts';

/**
 * Dictionary alternatives of a query: phrases of its syllables that the term tables know
 * (CSDL → cơ sở dữ liệu, điện toán đám mây → cloud, giám sát an ninh mạng → SOC), each
 * resolved to the entries holding the other wording as a run of syllables.
 */

const MAX_PHRASE_ALTERNATIVES = 24;

/** Entries holding a run of folded syllables: one posting, or the intersection of its pairs. */
export function phraseEntries(syllables: readonly string[], ctx: QueryContext): number[] {
  const ids: number[] = [];
  for (const s of syllables) {
    const id = ctx.vocab.id(s);
    if (id === undefined) return [];
    ids.push(id);
  }
  if (ids.length === 1) return Array.from(ctx.postings.unigram(ids[0]!));
  const pairs = [];
  for (let k = 0; k + 1 < ids.length; k++) pairs.push(ctx.postings.pair(ids[k]!, ids[k + 1]!));
  if (pairs.some((p) => p.length === 0)) return [];
  return intersect(pairs);
}

export function phraseAlternatives(slots: Slot[], ctx: QueryContext): Alternative[] {
  const folded = slots.map((s) => s.folded);
  const out: Alternative[] = [];
  const add = (matches: ReturnType<typeof findPhrases>, reverse: 'no' | 'whole' | 'part'): void => {
    for (const match of matches) {
      for (const syllables of match.alternatives) {
        if (out.length >= MAX_PHRASE_ALTERNATIVES) return;
        const abbreviation =
          reverse !== 'no' || ctx.terms.abbreviations.has(pairId(match.phrase, syllables.join(' ')));
        const entries = phraseEntries(syllables, ctx);
        if (entries.length === 0) continue;
        const quality =
          reverse === 'part'
            ? QUALITY.partialAbbreviation
            : abbreviation
              ? QUALITY.abbreviation
              : QUALITY.synonym;
        out.push({
          from: match.start,
          to: match.start + match.length,
          kind: abbreviation ? 'abbreviation' : 'synonym',
          quality,
          syllables,
          id: syllables.length === 1 ? ctx.vocab.id(syllables[0]!) : undefined,
          exact: null,
          entries,
        });
      }
    }
  };
  add(findPhrases(folded, ctx.terms.forward), 'no');
  add(findPhrases(folded, ctx.terms.reverse), 'whole');
  add(findPhrases(folded, ctx.terms.partial), 'part');
  return out;
}
