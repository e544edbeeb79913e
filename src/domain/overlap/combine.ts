/**
 * Combining evidence: the best piece, plus a share (`corroboration`) of each further independent
 * one (at most three): a name that matches and a function that matches are more than either.
 */
export function combine(values: readonly number[], corroboration: number): number {
  const sorted = [...values].sort((a, b) => b - a);
  let score = sorted[0] ?? 0;
  for (const v of sorted.slice(1, 4)) score += (1 - score) * corroboration * v;
  return Math.min(1, Math.max(0, score));
}
