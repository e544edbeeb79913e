/**
 * The folded-syllable vocabulary: ids for postings, document frequencies for IDF, and two
 * neighbourhoods built when a syllable is first seen so queries never scan the vocabulary:
 * prefixes (type-ahead) and single deletions (typos, the symmetric-delete method: two words
 * one edit apart share a one-deletion form).
 */

/** Typos are only looked for in syllables at least this long (shorter ones are too ambiguous). */
export const TYPO_MIN_LENGTH = 3;
/** Longer tokens (codes, URLs) are not spelling mistakes worth guessing at. */
export const TYPO_MAX_LENGTH = 16;
const PREFIX_MAX_LENGTH = 12;

export interface WrittenForm {
  form: string;
  /** Its tone-exact id: how many entries hold it is the length of its exact posting. */
  exactId: number;
}

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  /** Live documents that contain the syllable in any field. */
  readonly df: number[] = [];
  private readonly deletions = new Map<string, number[]>();
  private readonly prefixes = new Map<string, number[]>();
  /** Per folded syllable, its written forms and how often each was indexed ("dau" → đầu 3, đấu 2). */
  private readonly forms: WrittenForm[][] = [];
  /** Tone-exact keys of syllables written with diacritics, for the exact postings. */
  private readonly exactIds = new Map<string, number>();

  get size(): number {
    return this.words.length;
  }

  id(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** The id of a syllable, registering it (and its neighbourhoods) on first sight. */
  intern(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.ids.set(word, id);
    this.words.push(word);
    this.df.push(0);
    this.forms.push([]);
    for (let n = 1; n <= Math.min(word.length, PREFIX_MAX_LENGTH); n++) {
      push(this.prefixes, word.slice(0, n), id);
    }
    if (word.length >= TYPO_MIN_LENGTH && word.length <= TYPO_MAX_LENGTH) {
      for (const deleted of deletionsOf(word)) push(this.deletions, deleted, id);
    }
    return id;
  }

  exactId(key: string): number | undefined {
    return this.exactIds.get(key);
  }

  internExact(key: string): number {
    let id = this.exactIds.get(key);
    if (id === undefined) this.exactIds.set(key, (id = this.exactIds.size));
    return id;
  }

  /** Registers a written (lower-case, diacritics) form of a syllable. */
  noteForm(id: number, written: string, exactId: number): void {
    const forms = this.forms[id];
    if (!forms || forms.length >= 16 || forms.some((f) => f.form === written)) return;
    forms.push({ form: written, exactId });
  }

  /** The written form of a syllable found in most entries (`entries` counts them per exact id). */
  displayForm(id: number, entries: (exactId: number) => number): string {
    let best = this.words[id] ?? '';
    let count = 0;
    for (const f of this.forms[id] ?? []) {
      const n = entries(f.exactId);
      if (n > count) [best, count] = [f.form, n];
    }
    return best;
  }

  /** Syllables that extend `prefix` (not itself), most frequent first, live ones only. */
  completions(prefix: string, limit: number): number[] {
    const ids = this.prefixes.get(prefix.slice(0, PREFIX_MAX_LENGTH)) ?? [];
    const found: number[] = [];
    for (const id of ids) {
      const word = this.words[id]!;
      if ((this.df[id] ?? 0) > 0 && word !== prefix && word.startsWith(prefix)) found.push(id);
    }
    return topByDf(found, this.df, limit);
  }

  /** Every syllable (live or not) starting with `prefix` (up to 12 letters), unordered. */
  startingWith(prefix: string): readonly number[] {
    return this.prefixes.get(prefix.slice(0, PREFIX_MAX_LENGTH)) ?? [];
  }

  /** Live syllables one edit (insert, delete, substitute, swap) away from `word`. */
  neighbours(word: string): number[] {
    if (word.length < TYPO_MIN_LENGTH || word.length > TYPO_MAX_LENGTH) return [];
    const seen = new Set<number>();
    const consider = (ids: readonly number[] | undefined): void => {
      for (const id of ids ?? []) seen.add(id);
    };
    consider(this.deletions.get(word)); // word is missing a letter
    for (const deleted of deletionsOf(word)) {
      const exact = this.ids.get(deleted); // word has an extra letter
      if (exact !== undefined) seen.add(exact);
      consider(this.deletions.get(deleted)); // a wrong or swapped letter
    }
    const found: number[] = [];
    for (const id of seen) {
      const candidate = this.words[id]!;
      if (
        candidate !== word &&
        candidate.length >= TYPO_MIN_LENGTH &&
        (this.df[id] ?? 0) > 0 &&
        editDistanceAtMostOne(word, candidate)
      ) {
        found.push(id);
      }
    }
    return found;
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function deletionsOf(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export function topByDf(ids: number[], df: readonly number[], limit: number): number[] {
  return ids.sort((a, b) => (df[b] ?? 0) - (df[a] ?? 0) || a - b).slice(0, limit);
}

/** Optimal-string-alignment distance ≤ 1 (an adjacent swap counts as one edit). */
export function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
