import type { Selectable } from 'kysely';
import type { Term, TermInput } from '../domain/term.ts';
import type { TermEntry, TermKind } from '../domain/text/dictionary.ts';
import type { Db } from './database.ts';
import type { TermTable } from './schema.ts';

export async function loadTerms(db: Db): Promise<TermEntry[]> {
  const rows = await db
    .selectFrom('term')
    .select(['term', 'expansions', 'kind'])
    .where('removed_at', 'is', null)
    .orderBy('term')
    .execute();
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
  const rows = await db
    .selectFrom('term')
    .selectAll()
    .where('removed_at', 'is', null)
    .orderBy('term')
    .orderBy('kind')
    .execute();
  return rows.map(toTerm);
}

export async function findTerm(db: Db, id: string): Promise<Term | null> {
  const row = await db
    .selectFrom('term')
    .selectAll()
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row ? toTerm(row) : null;
}

/**
 * Adds a term; one the authority removed before (a tombstone with the same term and kind) comes
 * back with the new content and keeps its id. The caller has checked that no live entry has it.
 */
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
    .onConflict((oc) =>
      oc.columns(['term', 'kind']).doUpdateSet({
        expansions: [...input.expansions],
        note: input.note,
        source_url: input.sourceUrl,
        created_at: now,
        removed_at: null,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTerm(row);
}

/** Changes what a live term expands to and its note; the term and kind are its identity. */
export async function updateTerm(db: Db, id: string, input: TermInput): Promise<Term | null> {
  const row = await db
    .updateTable('term')
    .set({ expansions: [...input.expansions], note: input.note, source_url: input.sourceUrl })
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? toTerm(row) : null;
}

/** Removes a live term, leaving a tombstone (see the migration 20261129070000_term_removed.sql). */
export async function deleteTerm(db: Db, id: string, now: Date): Promise<Term | null> {
  const row = await db
    .updateTable('term')
    .set({ removed_at: now })
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? toTerm(row) : null;
}
