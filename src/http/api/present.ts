import type { Platform } from '../../domain/platform.ts';

/** The list form of a platform: what a catalogue row needs, without the long fields. */
export function platformSummary(p: Platform) {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    nameEn: p.nameEn,
    aliases: p.aliases,
    kind: p.kind,
    scope: p.scope,
    status: p.status,
    owner: p.owner,
    declaredOwner: p.declaredOwner,
    ownerBasis: p.ownerBasis,
    editions: p.editions,
    ndxp: p.ndxp,
    ndop: p.ndop,
    updatedAt: p.updatedAt,
  };
}

export function platformDetail(p: Platform) {
  return {
    ...platformSummary(p),
    description: p.description,
    functions: p.functions,
    field: p.field,
    deploymentLevels: p.deploymentLevels,
    operator: p.operator,
    focalPoints: p.focalPoints,
    website: p.website,
    legalBasis: p.legalBasis,
    note: p.note,
    sources: p.sources,
    createdAt: p.createdAt,
  };
}
