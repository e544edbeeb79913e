import type { SeedPlan } from '../seed/plan-seed.ts';
import type { Db } from './database.ts';

/**
 * Writes the seed plan in one transaction. Every insert skips rows that exist already, so the
 * seed can run on every start, on several instances at once, without duplicating or
 * overwriting what the registry's users have since changed.
 */
export async function applySeed(db: Db, plan: SeedPlan, now: Date): Promise<{ inserted: number }> {
  return db.transaction().execute(async (tx) => {
    let inserted = 0;
    const count = (r: { numInsertedOrUpdatedRows?: bigint }[]) =>
      (inserted += r.reduce((n, x) => n + Number(x.numInsertedOrUpdatedRows ?? 0n), 0));

    if (plan.organisations.length > 0) {
      count(
        await tx
          .insertInto('organisation')
          .values(
            plan.organisations.map((o) => ({
              id: o.id,
              code: o.code,
              name_vi: o.name,
              name_en: o.nameEn,
              kind: o.kind,
              level: o.level,
              valid_from: o.validFrom,
              valid_to: o.validTo,
              source_url: o.sourceUrl,
              note: o.note,
              created_at: now,
              updated_at: now,
            })),
          )
          .onConflict((oc) => oc.column('code').doNothing())
          .execute(),
      );
    }
    if (plan.links.length > 0) {
      count(
        await tx
          .insertInto('organisation_link')
          .values(
            plan.links.map((l) => ({
              id: l.id,
              predecessor_id: l.predecessorId,
              successor_id: l.successorId,
              kind: l.kind,
              effective_date: l.effectiveDate,
              legal_basis: l.legalBasis,
              source_url: l.sourceUrl,
            })),
          )
          .onConflict((oc) => oc.columns(['predecessor_id', 'successor_id']).doNothing())
          .execute(),
      );
    }
    for (const e of plan.editions) {
      count(
        await tx
          .insertInto('document')
          .values({
            id: e.documentId,
            number: e.number,
            issued_on: e.issuedOn,
            issuer_id: e.issuerId,
            issuer_name: e.issuerName,
            kind: e.kind,
            title_vi: e.title,
            note: e.note,
            source_url: e.sourceUrl,
            created_at: now,
          })
          .onConflict((oc) => oc.column('number').doNothing())
          .execute(),
      );
      count(
        await tx
          .insertInto('edition')
          .values({ id: e.id, document_id: e.documentId, declared_total: e.declaredTotal, created_at: now })
          .onConflict((oc) => oc.column('document_id').doNothing())
          .execute(),
      );
    }
    for (const p of plan.platforms) {
      const result = await tx
        .insertInto('platform')
        .values({
          id: p.id,
          slug: p.slug,
          name_vi: p.row.nameVi,
          name_en: null,
          aliases: p.fields.aliases,
          description: null,
          functions: [],
          field: null,
          kind: p.fields.kind,
          scope: p.fields.scope,
          deployment_levels: [],
          status: p.fields.status,
          declared_owner_id: p.declaredOwnerId,
          owner_basis: p.declaredOwnerId ? p.row.ownerBasis : 'unknown',
          operator: null,
          website: null,
          ndxp_status: 'unknown',
          ndxp_since: null,
          ndop_status: 'unknown',
          ndop_since: null,
          legal_basis: null,
          note: p.row.note,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
      count(result);
      if (Number(result[0]?.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
      if (p.row.sourceUrls.length > 0) {
        await tx
          .insertInto('platform_source')
          .values(p.row.sourceUrls.map((url, position) => ({ platform_id: p.id, position, url, note: null })))
          .execute();
      }
      if (p.editionIds.length > 0) {
        await tx
          .insertInto('edition_entry')
          .values(p.editionIds.map((edition_id) => ({ edition_id, platform_id: p.id })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
    if (plan.declaredCounts.length > 0) {
      count(
        await tx
          .insertInto('declared_count')
          .values(
            plan.declaredCounts.map((c) => ({
              edition_id: c.editionId,
              organisation_id: c.organisationId,
              count: c.count,
              note: c.note,
              source_url: c.sourceUrl,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
    }
    if (plan.terms.length > 0) {
      count(
        await tx
          .insertInto('term')
          .values(
            plan.terms.map((t) => ({
              id: t.id,
              term: t.term,
              expansions: [...t.expansions],
              kind: t.kind,
              note: t.note,
              source_url: t.sourceUrl,
              created_at: now,
            })),
          )
          .onConflict((oc) => oc.columns(['term', 'kind']).doNothing())
          .execute(),
      );
    }
    if (inserted > 0) {
      await tx
        .updateTable('catalogue_revision')
        .set((eb) => ({ revision: eb('revision', '+', 1), changed_at: now }))
        .execute();
    }
    return { inserted };
  });
}
