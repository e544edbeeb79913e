import type {
  Connection,
  DeploymentLevel,
  FocalPoint,
  PlatformKind,
  PlatformScope,
  PlatformStatus,
  SourceCitation,
} from './platform.ts';

/**
 * What a published platform says, as one value: what a version freezes, what a change request
 * proposes, and what two versions are compared on. The slug and the id never change, so they
 * are not content.
 */
export interface PlatformContent {
  name: string;
  nameEn: string | null;
  aliases: string[];
  description: string | null;
  functions: string[];
  field: string | null;
  kind: PlatformKind;
  scope: PlatformScope;
  deploymentLevels: DeploymentLevel[];
  status: PlatformStatus | null;
  declaredOwnerId: string | null;
  operator: string | null;
  website: string | null;
  ndxp: Connection;
  ndop: Connection;
  legalBasis: string | null;
  note: string | null;
  focalPoints: FocalPoint[];
  sources: SourceCitation[];
}

export const CONTENT_FIELDS = [
  'name',
  'nameEn',
  'aliases',
  'description',
  'functions',
  'field',
  'kind',
  'scope',
  'deploymentLevels',
  'status',
  'declaredOwnerId',
  'operator',
  'website',
  'ndxp',
  'ndop',
  'legalBasis',
  'note',
  'focalPoints',
  'sources',
] as const satisfies readonly (keyof PlatformContent)[];
export type ContentField = (typeof CONTENT_FIELDS)[number];

/**
 * What a ministry may propose: any content field but the owner, which follows the proposing
 * ministry (a new platform) or stays (a change); a draft may leave fields out.
 */
export type ProposedContent = Partial<Omit<PlatformContent, 'declaredOwnerId'>>;

export interface FieldChange {
  field: ContentField;
  from: unknown;
  to: unknown;
}

/** Key-order-independent JSON, so equal values compare equal however they were built. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

const isEmpty = (v: unknown) => v === null || (Array.isArray(v) && v.length === 0);

/** Field by field, in a fixed order: what differs between two versions (or a version and a proposal). */
export function compareContent(
  from: Partial<PlatformContent> | null,
  to: Partial<PlatformContent>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of CONTENT_FIELDS) {
    if (from && !(field in to)) continue; // a partial proposal leaves the field as it is
    const a = from?.[field] ?? null;
    const b = to[field] ?? null;
    if (isEmpty(a) && isEmpty(b)) continue;
    if (!sameValue(a, b)) changes.push({ field, from: a, to: b });
  }
  return changes;
}

const EMPTY: Omit<PlatformContent, 'name' | 'kind' | 'scope' | 'declaredOwnerId'> = {
  nameEn: null,
  aliases: [],
  description: null,
  functions: [],
  field: null,
  deploymentLevels: [],
  status: null,
  operator: null,
  website: null,
  ndxp: { status: 'unknown', since: null },
  ndop: { status: 'unknown', since: null },
  legalBasis: null,
  note: null,
  focalPoints: [],
  sources: [],
};

/**
 * The content a proposal publishes: the base (the current version; none for a new platform)
 * with the proposed fields laid over it. The caller has checked completeness, so name, kind
 * and scope are present for a new platform.
 */
export function applyProposal(
  base: PlatformContent | null,
  proposed: ProposedContent,
  ownerId: string | null,
): PlatformContent {
  const start: PlatformContent = base ?? {
    ...EMPTY,
    name: '',
    kind: 'shared_platform',
    scope: 'nationwide',
    declaredOwnerId: ownerId,
  };
  const defined = Object.fromEntries(Object.entries(proposed).filter(([, v]) => v !== undefined));
  return { ...start, ...defined, declaredOwnerId: base ? base.declaredOwnerId : ownerId };
}
