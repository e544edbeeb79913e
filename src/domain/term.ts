import type { FieldIssue } from './errors.ts';
import type { TermKind } from './text/dictionary.ts';
import { cleanText, foldedSyllables } from './text/vietnamese.ts';

/**
 * An entry of the search and overlap dictionary as the authority edits it (the engines see only
 * TermEntry): "CSDL" → "cơ sở dữ liệu", "điện toán đám mây" ↔ "cloud".
 */
export interface Term {
  id: string;
  term: string;
  expansions: string[];
  kind: TermKind;
  note: string | null;
  sourceUrl: string | null;
  createdAt: string;
}

export type TermInput = Pick<Term, 'term' | 'expansions' | 'kind' | 'note' | 'sourceUrl'>;

export const TERM_KINDS: readonly TermKind[] = ['abbreviation', 'synonym', 'variant'];
export const TERM_LIMITS = { term: 100, expansion: 200, expansions: 20, note: 500 } as const;

/** Folded words: what the engines compare, so "CSDL" and "csdl", "Đất đai" and "dat dai" are one. */
export const termKey = (text: string): string => foldedSyllables(text).join(' ');

/** Cleans the text (NFC, no control characters, single spaces), the same way everywhere. */
function clean(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Checks and cleans an entry: a term and at least one expansion, each with letters or digits,
 * bounded in length, no expansion repeated or equal to the term (after folding), and no other
 * entry of the same kind for the same term (`others`: the entries already stored, minus this one).
 */
export function validateTerm(
  input: TermInput,
  others: readonly Pick<Term, 'term' | 'kind'>[],
): { ok: true; term: TermInput } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const term = clean(input.term);
  const expansions = input.expansions.map(clean);
  if (termKey(term) === '') issues.push({ field: 'term', code: 'no_letters' });
  else if (term.length > TERM_LIMITS.term)
    issues.push({ field: 'term', code: 'too_big', params: { maximum: TERM_LIMITS.term } });
  if (expansions.length === 0) issues.push({ field: 'expansions', code: 'required' });
  if (expansions.length > TERM_LIMITS.expansions)
    issues.push({ field: 'expansions', code: 'too_big', params: { maximum: TERM_LIMITS.expansions } });
  const seen = new Set<string>();
  expansions.forEach((expansion, i) => {
    const field = `expansions[${i}]`;
    const key = termKey(expansion);
    if (key === '') issues.push({ field, code: 'no_letters' });
    else if (expansion.length > TERM_LIMITS.expansion)
      issues.push({ field, code: 'too_big', params: { maximum: TERM_LIMITS.expansion } });
    else if (key === termKey(term)) issues.push({ field, code: 'same_as_term' });
    else if (seen.has(key)) issues.push({ field, code: 'duplicate' });
    seen.add(key);
  });
  const note = input.note === null ? null : clean(input.note) || null;
  if (note && note.length > TERM_LIMITS.note)
    issues.push({ field: 'note', code: 'too_big', params: { maximum: TERM_LIMITS.note } });
  if (others.some((o) => o.kind === input.kind && termKey(o.term) === termKey(term)))
    issues.push({ field: 'term', code: 'term_exists' });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, term: { term, expansions, kind: input.kind, note, sourceUrl: input.sourceUrl } };
}
