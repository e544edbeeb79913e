import { analyseText } from './analyse.ts';
import { SUBSTANCE_UNIT, assess, type Evidence } from './assess.ts';
import { integrationStarts, type FoldedMarker } from './integration.ts';
import { candidates, type CandidatePair } from './candidates.ts';
import type { PreparedCatalogue, PreparedPlatform } from './catalogue.ts';
import {
  applicableRules,
  platformsCovered,
  ruleCoversPlatform,
  type ApplicableRule,
} from './counterparts.ts';
import {
  contactReason,
  counterpartReason,
  evidenceReason,
  round,
  scopeReason,
  type TextEvidence,
} from './reasons.ts';
import type { OverlapRules, ProposalPart } from './rules.ts';
import { analyseParts, sentences, weighParts, type Segment } from './segments.ts';
import { matchedWords } from './similarity.ts';
import { tokenize } from './tokenize.ts';
import { humanText } from '../text/formula.ts';
import type { OverlapLevel, OverlapMatch, OverlapProposal, OverlapReason, OverlapResult } from './types.ts';

/**
 * The overlap check of one planned local system against the prepared catalogue. Pure: the
 * same proposal, catalogue and rules give the same result.
 */

export function proposalSegments(proposal: OverlapProposal, catalogue: PreparedCatalogue): Segment[] {
  // Only the words a person wrote count: no spreadsheet formula syntax, no links (formula.ts).
  const list = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v) => typeof v === 'string').map(humanText) : [];
  const description = typeof proposal.description === 'string' ? humanText(proposal.description) : '';
  const name = proposalName(proposal);
  const parts = analyseParts<ProposalPart>(
    [
      { part: 'name', texts: [name] },
      { part: 'alias', texts: bracketed(name) },
      { part: 'component', texts: components(name) },
      { part: 'function', texts: list(proposal.functions) },
      { part: 'data', texts: list(proposal.data) },
      { part: 'description', texts: sentences(description) },
    ],
    catalogue.model,
  );
  return weighParts(parts, catalogue.vocabulary);
}

function proposalName(proposal: OverlapProposal): string {
  return typeof proposal.name === 'string' ? humanText(proposal.name) : '';
}

/** Short bracketed names: "Trung tâm giám sát an toàn thông tin (SOC)" → ["SOC"]. */
const BRACKETED = /\(([^()]{1,60})\)/g;
const MAX_ALIAS_SYLLABLES = 6;

export function bracketed(name: string): string[] {
  const found: string[] = [];
  for (const match of name.slice(0, 2_000).matchAll(BRACKETED)) {
    const inner = match[1]!.trim();
    if (inner !== '' && inner.split(/\s+/).length <= MAX_ALIAS_SYLLABLES) found.push(inner);
    if (found.length >= 5) break;
  }
  return found;
}

/**
 * The halves of a name that joins two systems: "Hệ thống họp trực tuyến và phòng họp không
 * giấy". Each is compared on its own, so the second half does not dilute the first. Pieces with
 * fewer than two syllables ("… cho UBND tỉnh và các sở") are not components.
 */
const JOINS = /\s+(?:và|va|cùng)\s+|\s*[;+&]\s*/iu;

export function components(name: string): string[] {
  const pieces = name
    .slice(0, 2_000)
    .split(JOINS)
    .map((p) => p.trim());
  if (pieces.length < 2) return [];
  return pieces.filter((p) => (p.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 2).slice(0, 4);
}

const markerCache = new WeakMap<readonly string[], FoldedMarker[]>();

function foldedMarkers(markers: readonly string[]): FoldedMarker[] {
  let folded = markerCache.get(markers);
  if (!folded) {
    folded = markers
      .map((m) => tokenize(m))
      .filter((t) => t.length > 0)
      .map((t) => ({
        folded: t.map((x) => x.folded),
        exact: t.length === 1 && t[0]!.diacritic ? t[0]!.exact : t.length === 1 ? t[0]!.folded : null,
      }));
    markerCache.set(markers, folded);
  }
  return folded;
}

/** Evidence worth a sentence: it carries at least this share of the related threshold. */
const REASON_FLOOR = 0.5;
const MAX_TEXT_REASONS = 2;

function textEvidence(e: Evidence): TextEvidence {
  const p = e.proposal;
  const t = e.platform;
  const mine = matchedWords(p.vector, p.analysed.syllables, p.analysed.mults, t.vector);
  const theirs = matchedWords(t.vector, t.analysed.syllables, t.analysed.mults, p.vector);
  const kind = e.integration
    ? 'integration'
    : p.part === 'name' || p.part === 'alias' || p.part === 'component'
      ? t.part === 'alias' || p.part === 'alias'
        ? 'alias'
        : 'name'
      : p.part;
  return {
    kind,
    proposalPart: p.part as ProposalPart,
    platformPart: t.part,
    proposalText: p.text,
    platformText: t.text,
    matchedTerms: mine.words,
    platformTerms: theirs.words,
    score: e.value,
  };
}

interface Judged {
  prepared: PreparedPlatform;
  level: OverlapLevel;
  score: number;
  evidence: readonly Evidence[];
  covering: readonly ApplicableRule[];
  couldOverlap: boolean;
}

function judge(
  catalogue: PreparedCatalogue,
  index: number,
  segments: readonly Segment[],
  rules: OverlapRules,
  counterparts: readonly ApplicableRule[],
  integration: ReadonlyMap<Segment, number>,
  pairs: readonly CandidatePair[],
): Judged | null {
  const prepared = catalogue.platforms[index]!;
  if (!prepared.reusable && rules.notForReuse === 'ignore') return null;
  const assessment = assess(
    segments,
    prepared,
    rules,
    integration,
    pairs,
    catalogue.vocabulary.unknownUnigram * SUBSTANCE_UNIT,
  );
  const covering = counterparts.filter((r) => ruleCoversPlatform(catalogue, r, index));
  const ensured = prepared.reusable && covering.some((r) => r.rule.ensureRelated);
  const couldOverlap = assessment.overlapScore >= rules.overlapThreshold;
  let level: OverlapLevel | null = null;
  if (couldOverlap && prepared.reusable && covering.length === 0) level = 'overlap';
  else if (assessment.score >= rules.relatedThreshold || ensured) level = 'related';
  if (level === null) return null;
  const score =
    level === 'related' && ensured ? Math.max(assessment.score, rules.relatedThreshold) : assessment.score;
  return { prepared, level, score, evidence: assessment.evidence, covering, couldOverlap };
}

/** The sentences, built only for the matches that are returned. */
function present(j: Judged, rules: OverlapRules): OverlapMatch {
  const p = j.prepared.platform;
  const reasons: OverlapReason[] = j.evidence
    .filter((e) => e.value >= rules.relatedThreshold * REASON_FLOOR)
    .slice(0, MAX_TEXT_REASONS)
    .map((e) => evidenceReason(textEvidence(e), p.name));
  for (const r of j.covering) {
    // A rule for every proposal (Government systems) is only worth saying when it changed the outcome.
    if (r.rule.proposal.length > 0 || j.couldOverlap)
      reasons.push(counterpartReason(r.rule.id, r.rule.reason, p.name));
  }
  if (!j.prepared.reusable) reasons.push(scopeReason(p));
  reasons.push(contactReason(p, j.level, j.prepared.reusable));
  return { platformId: p.id, name: p.name, level: j.level, score: round(j.score), reasons };
}

export function checkOverlap(
  proposal: OverlapProposal,
  catalogue: PreparedCatalogue,
  rules: OverlapRules,
): OverlapResult {
  const segments = proposalSegments(proposal, catalogue);
  const name =
    segments.find((s) => s.part === 'name')?.analysed ?? analyseText(proposalName(proposal), catalogue.model);
  const functions = segments.filter((s) => s.part === 'function').map((s) => s.analysed);
  const counterparts = applicableRules(rules.counterparts, name, functions);
  const integration = integrationStarts(
    segments,
    foldedMarkers(rules.integrationMarkers),
    foldedMarkers(rules.mentionMarkers),
    catalogue.mentions,
  );
  const judged: Judged[] = [];
  const seen = new Set<number>();
  // Once `maxMatches` overlaps are found, a candidate whose combined score cannot reach the
  // weakest of them could never be shown: it is not scored.
  const overlapScores: number[] = [];
  for (const c of candidates(catalogue, segments, rules)) {
    if (overlapScores.length >= rules.maxMatches && c.bound < overlapScores[rules.maxMatches - 1]!) continue;
    seen.add(c.platform);
    const j = judge(catalogue, c.platform, segments, rules, counterparts, integration, c.pairs);
    if (!j) continue;
    judged.push(j);
    if (j.level === 'overlap') {
      overlapScores.push(j.score);
      overlapScores.sort((a, b) => b - a);
    }
  }
  for (const r of counterparts) {
    if (!r.rule.ensureRelated) continue;
    for (const i of platformsCovered(catalogue, r)) {
      if (seen.has(i)) continue;
      seen.add(i);
      const j = judge(catalogue, i, segments, rules, counterparts, integration, []);
      if (j) judged.push(j);
    }
  }
  judged.sort(
    (a, b) =>
      Number(b.level === 'overlap') - Number(a.level === 'overlap') ||
      b.score - a.score ||
      a.prepared.platform.name.localeCompare(b.prepared.platform.name),
  );
  const matches = judged.slice(0, Math.max(0, rules.maxMatches)).map((j) => present(j, rules));
  const verdict = matches.some((m) => m.level === 'overlap')
    ? 'overlap'
    : matches.length > 0
      ? 'related'
      : 'clear';
  return { verdict, matches };
}
