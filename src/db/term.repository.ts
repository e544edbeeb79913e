import type { TermEntry, TermKind } from '../domain/text/dictionary.ts';
import type { Db } from './database.ts';

export async function loadTerms(db: Db): Promise<TermEntry[]> {
  const rows = await db.selectFrom('term').select(['term', 'expansions', 'kind']).orderBy('term').execute();
  return rows.map((r) => ({ term: r.term, expansions: r.expansions, kind: r.kind as TermKind }));
}
