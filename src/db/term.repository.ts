import type { Selectable } from 'kysely';
import type { Term, TermInput } from '../domain/term.ts';
import type { TermEntry, TermKind } from '../domain/text/dictionary.ts';
import type { Db } from './database.ts';
import type { TermTable } from './schema.ts';

export async function loadTerms(db: Db): Promise<TermEntry[]> {
  const rows = await db.selectFrom('term').select(['term', 'expansions', 'kind']).orderBy('term').execute();
  return rows.map((r) => ({ term: r.term, expansions: r.expansions, kind: r.kind as TermKind }));
}

type TermRow = Selectable<TermTable>;

function toTerm(r: TermRow): Term {
  return {
    id: r.id,
    term: r.term,
    expansions: r.expansions,
    kind: r.kind as TermKind,
    note: r.note,
    sourceUrl: r.source_url,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Every entry with its id and note, for the authority's list (a few hundred rows). */
export async function listTerms(db: Db): Promise<Term[]> {
  const rows = await db.selectFrom('term').selectAll().orderBy('term').orderBy('kind').execute();
  return rows.map(toTerm);
}

export async function findTerm(db: Db, id: string): Promise<Term | null> {
  const row = await db.selectFrom('term').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTerm(row) : null;
}

export async function insertTerm(db: Db, id: string, input: TermInput, now: Date): Promise<Term> {
  const row = await db
    .insertInto('term')
    .values({
      id,
      term: input.term,
      expansions: [...input.expansions],
      kind: input.kind,
      note: input.note,
      source_url: input.sourceUrl,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTerm(row);
}

export async function updateTerm(db: Db, id: string, input: TermInput): Promise<Term | null> {
  const row = await db
    .updateTable('term')
    .set({
      term: input.term,
      expansions: [...input.expansions],
      kind: input.kind,
      note: input.note,
      source_url: input.sourceUrl,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toTerm(row) : null;
}

export async function deleteTerm(db: Db, id: string): Promise<Term | null> {
  const row = await db.deleteFrom('term').where('id', '=', id).returningAll().executeTakeFirst();
  return row ? toTerm(row) : null;
}
