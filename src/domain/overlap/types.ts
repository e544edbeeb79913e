import type { PlatformKind, PlatformScope, PlatformStatus } from '../platform.ts';

/**
 * What the overlap engine reads and returns. Plain data: the service maps its Platform records
 * to OverlapPlatform, and the HTTP layer presents OverlapResult.
 */

export interface OverlapPlatform {
  id: string;
  name: string;
  aliases: string[];
  description: string;
  functions: string[];
  kind: PlatformKind;
  scope: PlatformScope;
  status: PlatformStatus | null;
  /** The owner as declared (e.g. "Bộ Kế hoạch và Đầu tư"). */
  ownerName: string | null;
  /** Today's owner after the 2025 reorganisation, when it differs (e.g. "Bộ Tài chính"). */
  currentOwnerName?: string | null;
  /** The operating focal point (đầu mối vận hành): a name, unit or contact line. */
  focalPoint: string | null;
}

/** A planned local system, as a locality describes it before funding. */
export interface OverlapProposal {
  name: string;
  description?: string;
  functions?: string[];
  /** The data the system will hold ("dữ liệu dân cư", "hồ sơ đất đai"). */
  data?: string[];
}

export type OverlapLevel = 'overlap' | 'related';
export type OverlapVerdict = OverlapLevel | 'clear';

/** Which part of the proposal matched which part of the platform, or why a rule applied. */
export type OverlapReasonKind =
  | 'name' // the proposal's name vs the platform's name
  | 'alias' // … vs one of the platform's other names (NDXP, e-Cabinet)
  | 'function' // a proposal function vs the platform's name or functions
  | 'data' // a data item the proposal will hold vs the platform
  | 'description' // a sentence of the proposal's description vs the platform
  | 'integration' // the proposal connects to or uses the platform rather than rebuilding it
  | 'counterpart' // a legitimate local counterpart (CounterpartRule)
  | 'scope' // the platform is not meant for reuse (internal, retired)
  | 'contact'; // who owns and operates the platform

export interface OverlapReason {
  kind: OverlapReasonKind;
  /** The proposal's text the reason is about ('' when none). */
  proposalText: string;
  /** The platform's text the reason is about ('' when none). */
  platformText: string;
  /** Words of the proposal that matched, as written ("đấu thầu", "qua mạng"). */
  matchedTerms: string[];
  /** The platform's words they matched, as written. */
  platformTerms: string[];
  /** 0..1 for text evidence; absent for rules. */
  score?: number;
  /** The counterpart rule that applied. */
  ruleId?: string;
  /** A ready Vietnamese sentence for a civil servant. */
  text: string;
}

export interface OverlapMatch {
  platformId: string;
  name: string;
  level: OverlapLevel;
  /** 0..1, comparable across platforms of one check. */
  score: number;
  reasons: OverlapReason[];
}

export interface OverlapResult {
  verdict: OverlapVerdict;
  /** Overlaps first, then related; best first within each level. */
  matches: OverlapMatch[];
}
