import type { FieldIssue } from './errors.ts';
import type { OverlapLevel, OverlapResult, OverlapVerdict } from './overlap/types.ts';
import { emailIssue } from './user.ts';

/**
 * A locality's own systems and planned investments, the checks of them against the catalogue,
 * and "comply or explain": a system whose latest check finds an overlap moves forward only once
 * the locality adopts a catalogue platform instead or the authority accepts its justification.
 * Pure: time and ids are passed in.
 */
export const LOCAL_SYSTEM_STATUSES = [
  'proposed',
  'approved',
  'in_development',
  'operating',
  'retired',
] as const;
/** Where a locality's officers see their systems (linked from the re-check e-mails). */
export const LOCAL_SYSTEMS_PAGE = '/he-thong-dia-phuong';

export type LocalSystemStatus = (typeof LOCAL_SYSTEM_STATUSES)[number];

/** The statuses that commit money or people: reaching one needs an answer to an overlap. */
export const FORWARD_STATUSES: ReadonlySet<LocalSystemStatus> = new Set([
  'approved',
  'in_development',
  'operating',
]);

export interface LocalSystemContent {
  name: string;
  description: string;
  functions: string[];
  data: string[];
  status: LocalSystemStatus;
  /** The investment decision ("quyết định chủ trương đầu tư"): number and date (yyyy-mm-dd). */
  decision: { number: string; date: string } | null;
  /** Whole đồng. */
  budgetVnd: number | null;
  contact: { name: string | null; email: string | null; phone: string | null };
}

export interface LocalSystem extends LocalSystemContent {
  id: string;
  /** The locality that answered for it when it was recorded. */
  organisationId: string;
  /** The body it was recorded for (a province before the 2025 merger, say). */
  originOrganisationId: string;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** `manual`: asked for on the system's page or through POST /local-systems/{id}/checks. */
export type CheckTrigger = 'record' | 'edit' | 'recheck' | 'recompute' | 'manual';

export interface SnapshotMatch {
  platformId: string;
  name: string;
  level: OverlapLevel;
  score: number;
  reasons: string[];
}

/** One check of a local system, as it was: immutable. */
export interface CheckSnapshot {
  id: number;
  localSystemId: string;
  systemVersion: number;
  verdict: OverlapVerdict;
  score: number;
  matches: SnapshotMatch[];
  catalogueRevision: number;
  rulesVersion: string;
  trigger: CheckTrigger;
  checkedAt: string;
}

export type NewCheckSnapshot = Omit<CheckSnapshot, 'id'>;

export function snapshotOf(
  system: Pick<LocalSystem, 'id' | 'version'>,
  result: OverlapResult,
  at: { catalogueRevision: number; rulesVersion: string; trigger: CheckTrigger; checkedAt: string },
): NewCheckSnapshot {
  const matches = result.matches.map((m) => ({
    platformId: m.platformId,
    name: m.name,
    level: m.level,
    score: m.score,
    reasons: m.reasons.map((r) => r.text),
  }));
  return {
    localSystemId: system.id,
    systemVersion: system.version,
    verdict: result.verdict,
    score: matches.reduce((best, m) => Math.max(best, m.score), 0),
    matches,
    ...at,
  };
}

export const overlappingPlatformIds = (snapshot: Pick<CheckSnapshot, 'matches'>): string[] =>
  snapshot.matches.filter((m) => m.level === 'overlap').map((m) => m.platformId);

export type ResolutionKind = 'adoption' | 'justification';
/** adoption: recorded as is; a justification waits (pending) for the authority's decision. */
export type ResolutionStatus = 'adopted' | 'pending' | 'accepted' | 'rejected';

export interface Justification {
  /** Why the locality needs its own system. */
  reason: string;
  /** Why the national (or shared) platform does not fit. */
  platformUnfit: string;
  /** Cost of its own system against using the platform. */
  costComparison: string;
  /** How it will connect to the platform and the data exchange (optional). */
  integrationPlan: string | null;
}
export const JUSTIFICATION_REQUIRED = ['reason', 'platformUnfit', 'costComparison'] as const;

export interface Resolution {
  id: string;
  localSystemId: string;
  checkId: number;
  kind: ResolutionKind;
  /** The catalogue platform adopted instead (adoption). */
  platformId: string | null;
  /** The overlapping platforms of the answered check: what this answer covers. */
  coveredPlatformIds: string[];
  justification: Justification | null;
  status: ResolutionStatus;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  createdBy: string | null;
  createdAt: string;
}

/**
 * Where a system stands on its latest check: `none` (no overlap), `adopted` or `justified`
 * (answered), `pending` (justification awaiting the authority), `rejected` (answer refused:
 * adopt, or justify again), `unresolved` (no answer covers today's overlaps).
 */
export type OverlapStanding = 'none' | 'adopted' | 'justified' | 'pending' | 'rejected' | 'unresolved';

export function overlapStanding(
  latest: Pick<CheckSnapshot, 'verdict' | 'matches'> | null,
  resolutions: readonly Resolution[],
): OverlapStanding {
  if (!latest || latest.verdict !== 'overlap') return 'none';
  const needed = overlappingPlatformIds(latest);
  // An answer covers the platforms its check found; a later check finding another needs a new one.
  const covering = resolutions
    .filter((r) => needed.every((id) => r.coveredPlatformIds.includes(id)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (covering.some((r) => r.status === 'adopted')) return 'adopted';
  if (covering.some((r) => r.status === 'accepted')) return 'justified';
  const newest = covering[0];
  if (!newest) return 'unresolved';
  return newest.status === 'pending' ? 'pending' : 'rejected';
}

/** May the system go forward to `status` standing as it does? `null` when it may; else why not. */
export function forwardBlock(
  from: LocalSystemStatus,
  to: LocalSystemStatus,
  standing: OverlapStanding,
): 'overlap_unresolved' | 'justification_pending' | 'justification_rejected' | null {
  if (!FORWARD_STATUSES.has(to) || from === to) return null;
  if (standing === 'unresolved') return 'overlap_unresolved';
  if (standing === 'pending') return 'justification_pending';
  if (standing === 'rejected') return 'justification_rejected';
  return null;
}

/** A retired system stays retired: a new investment is a new record. */
export function statusChangeAllowed(from: LocalSystemStatus, to: LocalSystemStatus): boolean {
  return from !== 'retired' || to === 'retired';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9 .()-]{8,20}$/;
/** A national budget line fits well below 2^53; this bounds typing mistakes (10^16 đồng). */
export const BUDGET_MAX_VND = 10_000_000_000_000_000;

/** What zod cannot say: dates that exist and are not in the future, a usable e-mail and phone. */
export function localSystemIssues(content: LocalSystemContent, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (content.name.trim() === '') issues.push({ field: 'name', code: 'required' });
  if (content.decision) {
    const { number, date } = content.decision;
    if (number.trim() === '') issues.push({ field: 'decision.number', code: 'required' });
    if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
      issues.push({ field: 'decision.date', code: 'invalid_date' });
    else if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)
      issues.push({ field: 'decision.date', code: 'invalid_date' });
    else if (date > today) issues.push({ field: 'decision.date', code: 'in_future' });
  }
  if (content.budgetVnd !== null && (!Number.isSafeInteger(content.budgetVnd) || content.budgetVnd < 0))
    issues.push({ field: 'budgetVnd', code: 'invalid' });
  if (content.contact.email) {
    const issue = emailIssue('contact.email', content.contact.email);
    if (issue) issues.push(issue);
  }
  if (content.contact.phone && !PHONE.test(content.contact.phone))
    issues.push({ field: 'contact.phone', code: 'invalid_phone' });
  return issues;
}

export function justificationIssues(
  input: Partial<Record<keyof Justification, string | null>>,
): FieldIssue[] {
  return JUSTIFICATION_REQUIRED.filter((field) => !input[field]?.trim()).map((field) => ({
    field,
    code: 'required',
  }));
}
