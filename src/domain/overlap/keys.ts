/**
 * Term keys, so that diacritics count when both writers typed them and are ignored when either
 * did not. Folded, "cổng" (gate, portal) and "công" (public), "đấu" and "đầu", "thống" and
 * "thông" are one syllable; written, they are different words, and civil servants mostly write
 * with diacritics. Each syllable (and bigram) adds keys to its text's term set:
 *   ANY + folded    always;
 *   EXACT + exact   when typed with diacritics;
 *   BARE + folded   when typed without.
 * and looks in the other text's set for
 *   EXACT + exact, or else BARE + folded,   when typed with diacritics (same word, or a bare spelling);
 *   ANY + folded                            when typed without (any word that folds the same).
 */
export const ANY = 'A|';
export const EXACT = 'E|';
export const BARE = 'F|';
/**
 * A dictionary phrase as a concept: every phrase found in a text emits CONCEPT + its own folded
 * key and those of its alternatives, so "DVC" meets "dịch vụ công" inside "Cổng Dịch vụ công
 * quốc gia" even though the longest phrase there is "dịch vụ công quốc gia" (DVCQG).
 */
export const CONCEPT = 'C|';
