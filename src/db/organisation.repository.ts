import type {
  Organisation,
  OrganisationKind,
  OrganisationLevel,
  OrganisationLink,
  LinkKind,
} from '../domain/organisation.ts';
import type { Db } from './database.ts';
import type { OrganisationLinkTable, OrganisationTable } from './schema.ts';

type OrganisationRow = Pick<
  OrganisationTable,
  'id' | 'code' | 'name_vi' | 'name_en' | 'kind' | 'level' | 'valid_from' | 'valid_to' | 'source_url' | 'note'
>;

const COLUMNS = [
  'id',
  'code',
  'name_vi',
  'name_en',
  'kind',
  'level',
  'valid_from',
  'valid_to',
  'source_url',
  'note',
] as const;

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    code: row.code,
    name: row.name_vi,
    nameEn: row.name_en,
    kind: row.kind as OrganisationKind,
    level: row.level as OrganisationLevel,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    sourceUrl: row.source_url,
    note: row.note,
  };
}

function toLink(row: OrganisationLinkTable): OrganisationLink {
  return {
    id: row.id,
    predecessorId: row.predecessor_id,
    successorId: row.successor_id,
    kind: row.kind as LinkKind,
    effectiveDate: row.effective_date,
    legalBasis: row.legal_basis,
    sourceUrl: row.source_url,
  };
}

/** Every organisation and every lineage link: a few hundred rows, read whole and cached by the service. */
export async function loadOrganisations(
  db: Db,
): Promise<{ organisations: Organisation[]; links: OrganisationLink[] }> {
  const [organisations, links] = await Promise.all([
    db.selectFrom('organisation').select(COLUMNS).execute(),
    db.selectFrom('organisation_link').selectAll().orderBy('effective_date').orderBy('id').execute(),
  ]);
  return { organisations: organisations.map(toOrganisation), links: links.map(toLink) };
}
