import { FIELD } from './postings.ts';
import { TokenTable } from './token-table.ts';
import { acronymKey, analyse, hasDiacritics, scanHashedTokens } from './tokenize.ts';
import type { SearchDocument } from './types.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * Field values → syllable ids, for indexing. Each distinct written syllable is analysed once per
 * index (a TokenTable looked up straight from the text), and field values that repeat across
 * entries (owners, editions, functions, aliases) are remembered whole.
 */

const MAX_CACHED_TOKENS = 500_000;
const MAX_CACHED_VALUES = 100_000;

export interface Syllables {
  /** Folded syllable ids. */
  ids: Int32Array;
  /** Tone-exact ids, -1 for a syllable written without diacritics. */
  exact: Int32Array;
  length: number;
}

interface IndexedToken {
  id: number;
  exactId: number;
}

export class SyllableReader {
  private readonly tokens = new TokenTable<IndexedToken>();
  private readonly sequences = new Map<string, Syllables>();
  private idBuffer = new Int32Array(256);
  private exactBuffer = new Int32Array(256);

  constructor(private readonly vocab: Vocabulary) {}

  /**
   * The ids of a written syllable, analysed once per index: a catalogue repeats a few tens of
   * thousands of written forms millions of times.
   */
  private token(raw: string, hash: number): IndexedToken | null {
    const analysed = analyse(raw);
    if (analysed.folded === '') return null;
    const id = this.vocab.intern(analysed.folded);
    const marked = hasDiacritics(analysed);
    // Written with diacritics: indexed under its tone-exact form; an acronym under its own key.
    const key = marked ? analysed.exact : acronymKey(raw);
    const token: IndexedToken = { id, exactId: key === null ? -1 : this.vocab.internExact(key) };
    if (marked) this.vocab.noteForm(id, raw.toLowerCase(), token.exactId);
    if (this.tokens.size < MAX_CACHED_TOKENS) this.tokens.set(raw, hash, token);
    return token;
  }

  /**
   * Syllable ids (and tone-exact ids, -1 when written plainly) of a field value. Values that
   * repeat across entries (owners, editions, functions, aliases) are remembered whole.
   */
  read(text: string, repeated: boolean): Syllables {
    const known = repeated ? this.sequences.get(text) : undefined;
    if (known) return known;
    let length = 0;
    scanHashedTokens(text, (start, end, hash) => {
      const token = this.tokens.get(text, start, end, hash) ?? this.token(text.slice(start, end), hash);
      if (token === null) return;
      if (length === this.idBuffer.length) this.growBuffers();
      this.idBuffer[length] = token.id;
      this.exactBuffer[length] = token.exactId;
      length++;
    });
    if (!repeated || text.length > 200) return { ids: this.idBuffer, exact: this.exactBuffer, length };
    const copy = { ids: this.idBuffer.slice(0, length), exact: this.exactBuffer.slice(0, length), length };
    if (this.sequences.size < MAX_CACHED_VALUES) this.sequences.set(text, copy);
    return copy;
  }

  private growBuffers(): void {
    const ids = new Int32Array(this.idBuffer.length * 2);
    ids.set(this.idBuffer);
    const exact = new Int32Array(this.exactBuffer.length * 2);
    exact.set(this.exactBuffer);
    this.idBuffer = ids;
    this.exactBuffer = exact;
  }

  /**
   * Calls `visit` with each field value, its field bit, whether the value tends to repeat across
   * entries, and whether it counts for document frequencies; aliases are also indexed run
   * together. Keywords come last and do not count: a kind label on every entry would make "số"
   * or "quốc gia" look common when people's words are not.
   */
  static forEachField(
    doc: SearchDocument,
    visit: (text: string, mask: number, repeated: boolean, counted: boolean) => void,
  ): void {
    visit(doc.name, FIELD.name, false, true);
    if (doc.nameEn) visit(doc.nameEn, FIELD.nameEn, false, true);
    for (const alias of doc.aliases) {
      visit(alias, FIELD.alias, true, true);
      // "e-Cabinet" is also typed "ecabinet", "PC-Covid" "pccovid".
      const joined = alias.replace(/[^\p{L}\p{N}\p{M}]+/gu, '');
      if (joined !== alias && joined !== '') visit(joined, FIELD.alias, true, true);
    }
    visit(doc.description, FIELD.description, false, true);
    for (const f of doc.functions) visit(f, FIELD.function, true, true);
    for (const o of doc.ownerNames) visit(o, FIELD.owner, true, true);
    for (const e of doc.editions) visit(e, FIELD.edition, true, true);
    // Keywords share the description's bit and weight: the mask has no bit to spare.
    for (const k of doc.keywords ?? []) visit(k, FIELD.description, true, false);
  }
}
