import type { Entries, PostingStore } from './postings.ts';
import type { TermTables } from './terms.ts';
import type { MatchKind } from './types.ts';
import type { Vocabulary } from './vocabulary.ts';

/** The parsed query (see query.ts): its syllables, the ways to meet them, and what they weigh. */

/** How much a kind of match is worth next to the syllable as typed. */
export const QUALITY = {
  exact: 1,
  /** Diacritics typed but different in the document: "sổ" meeting "số". */
  foldedAgainstMarks: 0.5,
  variant: 0.9,
  abbreviation: 0.95,
  /** Most of an abbreviation's expansion typed ("an ninh mạng" for SOC). */
  partialAbbreviation: 0.7,
  synonym: 0.85,
  prefix: 0.6,
  typo: 0.45,
} as const;

export interface Slot {
  /** As typed (NFC). */
  text: string;
  folded: string;
  exact: string;
  /** Folded with i and y as typed. */
  plain: string;
  marked: boolean;
  /** Folded syllable id, when some document has it. */
  id: number | undefined;
  df: number;
  /** IDF-like importance; 0 when nothing in the index can meet the slot. */
  weight: number;
}

export interface Alternative {
  /** Slots covered: [from, to). */
  from: number;
  to: number;
  kind: Exclude<MatchKind, 'phrase'>;
  quality: number;
  /** Folded syllables a document must contain (consecutively when several). */
  syllables: readonly string[];
  /** Syllable ids, for pair bonuses (one-syllable alternatives only). */
  id: number | undefined;
  /** Tone-exact key when the alternative reads the exact postings. */
  exact: string | null;
  entries: Entries;
}

export interface ParsedQuery {
  slots: Slot[];
  alternatives: Alternative[];
  /** The last syllable was still being typed (no space or punctuation after it). */
  open: boolean;
}

export interface QueryContext {
  vocab: Vocabulary;
  postings: PostingStore;
  terms: TermTables;
  liveCount: number;
}
