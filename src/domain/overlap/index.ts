/**
 * The overlap engine: checks a planned local system against the catalogue's platforms meant for
 * reuse, and the catalogue against itself. Pure domain code: no I/O; the dictionary, the
 * platforms and the rules are handed in.
 */
export type * from './types.ts';
export { prepareCatalogue, type PreparedCatalogue } from './catalogue.ts';
export { checkOverlap } from './check.ts';
export {
  DEFAULT_OVERLAP_RULES,
  DEFAULT_COUNTERPARTS,
  type OverlapRules,
  type CounterpartRule,
  type ProposalPart,
  type PlatformPart,
} from './rules.ts';
export { parseOverlapRules, type RulesIssue, type RulesValidation } from './rules-input.ts';
export { DEFAULT_TEXT_RULES, DEFAULT_GENERIC_TERMS, type TextRules, type GenericTerm } from './text-rules.ts';
export { findCatalogueDuplicates, type CatalogueDuplicate } from './duplicates.ts';
export {
  validateProposal,
  InvalidProposalError,
  DEFAULT_PROPOSAL_LIMITS,
  type ProposalLimits,
  type ProposalIssue,
  type ProposalIssueCode,
  type ProposalValidation,
} from './validate.ts';
export {
  evaluateOverlap,
  parseEvalCase,
  type OverlapEvalCase,
  type OverlapEvalReport,
  type OverlapEvalError,
} from './evaluate.ts';
export { overlapPlatformsFromSeed } from './from-seed.ts';
