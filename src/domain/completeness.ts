import type { ProposedContent } from './platform-version.ts';

/**
 * How complete a platform entry is, shown to the editor before submitting. Required fields
 * must be present to submit; recommended ones make the entry useful to localities (who to call,
 * whether it is connected to NDXP/NDOP, on what legal basis) and raise the score.
 */
type Check = (p: ProposedContent) => boolean;

const text = (v: string | null | undefined) => typeof v === 'string' && v.trim() !== '';

export const REQUIRED: Readonly<Record<string, Check>> = {
  name: (p) => text(p.name),
  kind: (p) => p.kind !== undefined,
  scope: (p) => p.scope !== undefined,
  description: (p) => text(p.description),
  functions: (p) => (p.functions ?? []).some(text),
  status: (p) => p.status !== undefined && p.status !== null,
  operator: (p) => text(p.operator),
  // A focal point nobody can reach does not help a locality (BRIEF §1: localities contact it).
  focalPoints: (p) => (p.focalPoints ?? []).some((f) => text(f.name) && (text(f.email) || text(f.phone))),
};

export const RECOMMENDED: Readonly<Record<string, Check>> = {
  nameEn: (p) => text(p.nameEn),
  field: (p) => text(p.field),
  deploymentLevels: (p) => (p.deploymentLevels ?? []).length > 0,
  website: (p) => text(p.website),
  ndxp: (p) => p.ndxp !== undefined && p.ndxp.status !== 'unknown',
  ndop: (p) => p.ndop !== undefined && p.ndop.status !== 'unknown',
  legalBasis: (p) => text(p.legalBasis),
  sources: (p) => (p.sources ?? []).length > 0,
};

export interface Completeness {
  /** 0–100; a required field weighs twice a recommended one. */
  score: number;
  missingRequired: string[];
  missingRecommended: string[];
  /** Every required field is present: the request may be submitted. */
  ready: boolean;
}

export function completeness(proposed: ProposedContent): Completeness {
  const missing = (checks: Readonly<Record<string, Check>>) =>
    Object.entries(checks)
      .filter(([, check]) => !check(proposed))
      .map(([field]) => field);
  const missingRequired = missing(REQUIRED);
  const missingRecommended = missing(RECOMMENDED);
  const total = 2 * Object.keys(REQUIRED).length + Object.keys(RECOMMENDED).length;
  const present =
    2 * (Object.keys(REQUIRED).length - missingRequired.length) +
    (Object.keys(RECOMMENDED).length - missingRecommended.length);
  return {
    score: Math.round((100 * present) / total),
    missingRequired,
    missingRecommended,
    ready: missingRequired.length === 0,
  };
}
