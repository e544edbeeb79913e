import {
  DEFAULT_OVERLAP_RULES,
  type CounterpartRule,
  type OverlapRules,
  type PlatformPart,
  type ProposalPart,
} from './rules.ts';

/**
 * Rules as the authority edits them (JSON from storage or an admin form) → OverlapRules. Missing
 * settings take their defaults, so a stored document written before a setting existed still
 * loads; wrong types and out-of-range values are issues naming the setting, like proposals.
 */

/** Shaped like FieldIssue in ../errors.ts, as ProposalIssue is. */
export interface RulesIssue {
  /** The setting, as stored: "overlapThreshold", "counterparts[2].reason", "evidence.name.alias". */
  field: string;
  code: 'not_an_object' | 'required' | 'invalid' | 'out_of_range' | 'too_many';
  params?: Record<string, string | number>;
}

export type RulesValidation = { ok: true; rules: OverlapRules } | { ok: false; issues: RulesIssue[] };

const PROPOSAL_PARTS: readonly ProposalPart[] = [
  'name',
  'alias',
  'component',
  'function',
  'data',
  'description',
];
const PLATFORM_PARTS: readonly PlatformPart[] = ['name', 'alias', 'function', 'description'];
const MAX_RULES = 200;
const MAX_PHRASES = 100;
const MAX_TEXT = 1_000;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function unit(value: unknown, field: string, fallback: number, issues: RulesIssue[], max = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    issues.push({ field, code: 'out_of_range', params: { min: 0, max } });
    return fallback;
  }
  return value;
}

function phrases(value: unknown, field: string, issues: RulesIssue[]): string[] {
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    value.length > MAX_PHRASES ||
    value.some((p) => typeof p !== 'string' || p.length > MAX_TEXT)
  ) {
    issues.push({ field, code: 'invalid' });
    return [];
  }
  return value as string[];
}

function counterpart(value: unknown, field: string, issues: RulesIssue[]): CounterpartRule | null {
  if (!isObject(value)) {
    issues.push({ field, code: 'not_an_object' });
    return null;
  }
  const { id, reason, ensureRelated } = value;
  if (typeof id !== 'string' || id.trim() === '') issues.push({ field: `${field}.id`, code: 'required' });
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > MAX_TEXT) {
    issues.push({ field: `${field}.reason`, code: 'required' });
  }
  const rule: CounterpartRule = {
    id: String(id ?? ''),
    proposal: phrases(value.proposal, `${field}.proposal`, issues),
    ...(value.except === undefined ? {} : { except: phrases(value.except, `${field}.except`, issues) }),
    platform: phrases(value.platform, `${field}.platform`, issues),
    ensureRelated: ensureRelated === true,
    reason: String(reason ?? ''),
  };
  return rule;
}

export function parseOverlapRules(
  input: unknown,
  defaults: OverlapRules = DEFAULT_OVERLAP_RULES,
): RulesValidation {
  if (!isObject(input)) return { ok: false, issues: [{ field: '', code: 'not_an_object' }] };
  const issues: RulesIssue[] = [];
  const d = defaults;
  const evidence = structuredClone(d.evidence);
  if (input.evidence !== undefined) {
    if (!isObject(input.evidence)) issues.push({ field: 'evidence', code: 'not_an_object' });
    else {
      for (const p of PROPOSAL_PARTS) {
        const row = input.evidence[p];
        if (row === undefined) continue;
        if (!isObject(row)) issues.push({ field: `evidence.${p}`, code: 'not_an_object' });
        else
          for (const t of PLATFORM_PARTS)
            evidence[p][t] = unit(row[t], `evidence.${p}.${t}`, evidence[p][t], issues);
      }
    }
  }
  let counterparts = d.counterparts;
  if (input.counterparts !== undefined) {
    if (!Array.isArray(input.counterparts) || input.counterparts.length > MAX_RULES) {
      issues.push({ field: 'counterparts', code: 'too_many', params: { max: MAX_RULES } });
    } else {
      counterparts = input.counterparts
        .map((r, i) => counterpart(r, `counterparts[${i}]`, issues))
        .filter((r): r is CounterpartRule => r !== null);
    }
  }
  const notForReuse = input.notForReuse ?? d.notForReuse;
  if (notForReuse !== 'related' && notForReuse !== 'ignore')
    issues.push({ field: 'notForReuse', code: 'invalid' });
  const rules: OverlapRules = {
    overlapThreshold: unit(input.overlapThreshold, 'overlapThreshold', d.overlapThreshold, issues),
    relatedThreshold: unit(input.relatedThreshold, 'relatedThreshold', d.relatedThreshold, issues),
    counterparts,
    evidence,
    corroboration: unit(input.corroboration, 'corroboration', d.corroboration, issues),
    integrationMarkers:
      input.integrationMarkers === undefined
        ? d.integrationMarkers
        : phrases(input.integrationMarkers, 'integrationMarkers', issues),
    mentionMarkers:
      input.mentionMarkers === undefined
        ? d.mentionMarkers
        : phrases(input.mentionMarkers, 'mentionMarkers', issues),
    notForReuse: notForReuse === 'ignore' ? 'ignore' : 'related',
    maxCandidates: Math.round(unit(input.maxCandidates, 'maxCandidates', d.maxCandidates, issues, 1_000)),
    maxMatches: Math.round(unit(input.maxMatches, 'maxMatches', d.maxMatches, issues, 100)),
    duplicateThreshold: unit(input.duplicateThreshold, 'duplicateThreshold', d.duplicateThreshold, issues),
  };
  if (rules.relatedThreshold > rules.overlapThreshold) {
    issues.push({ field: 'relatedThreshold', code: 'out_of_range', params: { max: rules.overlapThreshold } });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rules };
}
