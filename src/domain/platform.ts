/**
 * The platform model: what a ministry declares and the authority publishes.
 * Pure types and rules; storage rows live in src/db and are mapped to these in one place.
 */

export const PLATFORM_KINDS = [
  'national_platform', // nền tảng số quốc gia
  'shared_platform', // nền tảng số dùng chung của ngành, lĩnh vực, vùng
  'national_information_system', // hệ thống thông tin quốc gia
  'national_database', // cơ sở dữ liệu quốc gia
  'internal_system', // hệ thống nội bộ của bộ, ngành
] as const;
export type PlatformKind = (typeof PLATFORM_KINDS)[number];

export const PLATFORM_SCOPES = ['nationwide', 'sector', 'region', 'internal'] as const;
export type PlatformScope = (typeof PLATFORM_SCOPES)[number];

export const DEPLOYMENT_LEVELS = ['central', 'province', 'commune'] as const;
export type DeploymentLevel = (typeof DEPLOYMENT_LEVELS)[number];

export const PLATFORM_STATUSES = ['planned', 'in_development', 'operating', 'retired'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];

export const CONNECTION_STATUSES = ['unknown', 'not_connected', 'planned', 'connected'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** How a seeded or declared owner is known: stated by the source, general knowledge, or not known. */
export const OWNER_BASES = ['source', 'general-knowledge', 'unknown'] as const;
export type OwnerBasis = (typeof OWNER_BASES)[number];

export interface FocalPoint {
  name: string;
  unit: string | null;
  email: string | null;
  phone: string | null;
}

export interface Connection {
  status: ConnectionStatus;
  /** ISO date (yyyy-mm-dd) the status took effect, when known. */
  since: string | null;
}

export interface SourceCitation {
  url: string;
  note: string | null;
}

export interface OrganisationRef {
  id: string;
  name: string;
}

export interface Platform {
  id: string;
  slug: string;
  name: string;
  nameEn: string | null;
  aliases: string[];
  description: string | null;
  functions: string[];
  field: string | null;
  kind: PlatformKind;
  scope: PlatformScope;
  deploymentLevels: DeploymentLevel[];
  /** null: the sources do not say. */
  status: PlatformStatus | null;
  /** The organisation named when the platform was declared (null: owner not yet known). */
  declaredOwner: OrganisationRef | null;
  /** Today's owner after reorganisations (the declared owner's current successor). */
  owner: OrganisationRef | null;
  ownerBasis: OwnerBasis;
  operator: string | null;
  focalPoints: FocalPoint[];
  website: string | null;
  ndxp: Connection;
  ndop: Connection;
  legalBasis: string | null;
  note: string | null;
  sources: SourceCitation[];
  /** Numbers of the documents (editions) that list it, e.g. "2765/BTTTT-CĐSQG". */
  editions: string[];
  createdAt: string;
  updatedAt: string;
}

/** Platforms that localities are expected to reuse rather than rebuild. */
export function isMeantForReuse(platform: Pick<Platform, 'kind' | 'scope' | 'status'>): boolean {
  return (
    platform.kind !== 'internal_system' && platform.scope !== 'internal' && platform.status !== 'retired'
  );
}
