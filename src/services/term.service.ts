import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { bumpCatalogueRevision } from '../db/platform-version.repository.ts';
import { deleteTerm, findTerm, insertTerm, listTerms, updateTerm } from '../db/term.repository.ts';
import type { WriteContext } from '../domain/audit.ts';
import { InvalidInputError, NotAllowedError, NotFoundError } from '../domain/errors.ts';
import { can, type Actor } from '../domain/permission.ts';
import { validateTerm, type Term, type TermInput } from '../domain/term.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { requireActor } from './user.service.ts';

/**
 * The dictionary search and overlap checks read (abbreviations, synonyms, spelling variants),
 * edited by administrators at run time. The terms travel with the catalogue snapshot, so a write
 * bumps the catalogue revision in its transaction: the writing instance rebuilds at once
 * (invalidate), the others within their poll interval; both engines then use the new dictionary.
 */
export function createTermService({
  db,
  clock,
  catalogue,
}: {
  db: Db;
  clock: Clock;
  catalogue: CatalogueService;
}) {
  const allowed = (actor: Actor | null) => {
    if (!can(requireActor(actor), 'term.manage', { kind: 'term' })) throw new NotAllowedError('term.manage');
  };

  /** Validates against the stored entries, writes, audits and bumps the revision in one transaction. */
  const write = async (
    context: WriteContext,
    action: 'term.create' | 'term.update',
    id: string,
    build: (previous: Term | null) => TermInput,
    store: (tx: Db, input: TermInput) => Promise<Term | null>,
  ): Promise<Term> => {
    const now = clock.now();
    const saved = await db.transaction().execute(async (tx) => {
      const previous = action === 'term.update' ? await findTerm(tx, id) : null;
      if (action === 'term.update' && !previous) throw new NotFoundError('term', id);
      const others = (await listTerms(tx)).filter((t) => t.id !== id);
      const checked = validateTerm(build(previous), others);
      if (!checked.ok) throw new InvalidInputError(checked.issues);
      const term = await store(tx, checked.term);
      if (!term) throw new NotFoundError('term', id);
      await appendAudit(
        tx,
        context,
        [{ action, targetType: 'term', targetId: term.id, before: previous, after: term }],
        now,
      );
      await bumpCatalogueRevision(tx, now);
      return term;
    });
    catalogue.invalidate();
    return saved;
  };

  return {
    async list(): Promise<Term[]> {
      return listTerms(db);
    },

    async get(id: string): Promise<Term> {
      const term = await findTerm(db, id);
      if (!term) throw new NotFoundError('term', id);
      return term;
    },

    async create(actor: Actor | null, input: TermInput, context: WriteContext): Promise<Term> {
      allowed(actor);
      const id = randomUUID();
      return write(
        context,
        'term.create',
        id,
        () => input,
        (tx, checked) => insertTerm(tx, id, checked, clock.now()),
      );
    },

    async update(
      actor: Actor | null,
      id: string,
      patch: Partial<TermInput>,
      context: WriteContext,
    ): Promise<Term> {
      allowed(actor);
      return write(
        context,
        'term.update',
        id,
        (previous) => ({ ...(previous as Term), ...patch }),
        (tx, checked) => updateTerm(tx, id, checked),
      );
    },

    async remove(actor: Actor | null, id: string, context: WriteContext): Promise<void> {
      allowed(actor);
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        const removed = await deleteTerm(tx, id, now);
        if (!removed) throw new NotFoundError('term', id);
        await appendAudit(
          tx,
          context,
          [{ action: 'term.delete', targetType: 'term', targetId: id, before: removed }],
          now,
        );
        await bumpCatalogueRevision(tx, now);
      });
      catalogue.invalidate();
    },
  };
}
export type TermService = ReturnType<typeof createTermService>;
