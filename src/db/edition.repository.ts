import type { Db } from './database.ts';

export interface StoredEdition {
  id: string;
  status: 'draft' | 'published';
  declaredTotal: number | null;
  document: {
    id: string;
    number: string;
    issuedOn: string;
    issuerId: string | null;
    issuerName: string;
    kind: string;
    title: string;
    note: string | null;
    sourceUrl: string | null;
  };
  declaredCounts: { organisationId: string; count: number; note: string | null; sourceUrl: string | null }[];
}

export async function loadEditions(db: Db): Promise<StoredEdition[]> {
  const [rows, counts] = await Promise.all([
    db
      .selectFrom('edition as e')
      .innerJoin('document as d', 'd.id', 'e.document_id')
      .select([
        'e.id',
        'e.status',
        'e.declared_total',
        'd.id as document_id',
        'd.number',
        'd.issued_on',
        'd.issuer_id',
        'd.issuer_name',
        'd.kind',
        'd.title_vi',
        'd.note',
        'd.source_url',
      ])
      // Drafts are the authority's work in progress: never in the public catalogue.
      .where('e.status', '=', 'published')
      .orderBy('d.issued_on', 'desc')
      .execute(),
    db.selectFrom('declared_count').selectAll().execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    status: r.status as StoredEdition['status'],
    declaredTotal: r.declared_total,
    document: {
      id: r.document_id,
      number: r.number,
      issuedOn: r.issued_on,
      issuerId: r.issuer_id,
      issuerName: r.issuer_name,
      kind: r.kind,
      title: r.title_vi,
      note: r.note,
      sourceUrl: r.source_url,
    },
    declaredCounts: counts
      .filter((c) => c.edition_id === r.id)
      .map((c) => ({
        organisationId: c.organisation_id,
        count: c.count,
        note: c.note,
        sourceUrl: c.source_url,
      })),
  }));
}
