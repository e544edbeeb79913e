import { cleanText } from '../text/vietnamese.ts';
import type { OverlapProposal } from './types.ts';

/**
 * Validation of a proposal as it arrives from outside (JSON of unknown shape). Bounded: sizes
 * are checked before any text is processed, so a 100k-character name or ten thousand functions
 * cost a length check, not an analysis. Text is cleaned (lone surrogates, control characters,
 * NFC) rather than rejected: people paste from Word and PDFs.
 */

export interface ProposalLimits {
  nameMaxChars: number;
  descriptionMaxChars: number;
  maxFunctions: number;
  functionMaxChars: number;
  maxData: number;
  dataMaxChars: number;
}

export const DEFAULT_PROPOSAL_LIMITS: ProposalLimits = {
  nameMaxChars: 300,
  descriptionMaxChars: 5_000,
  maxFunctions: 100,
  functionMaxChars: 500,
  maxData: 100,
  dataMaxChars: 300,
};

export type ProposalIssueCode =
  'not_an_object' | 'required' | 'not_a_string' | 'not_an_array' | 'empty' | 'too_long' | 'too_many';

/** Shaped like FieldIssue in ../errors.ts, so the service can wrap issues in InvalidInputError. */
export interface ProposalIssue {
  /** The offending field as the client named it: "name", "functions[3]". */
  field: string;
  code: ProposalIssueCode;
  params?: Record<string, string | number>;
}

/** A proposal that cannot be checked. Knows nothing of HTTP: the caller maps `code`. */
export class InvalidProposalError extends Error {
  readonly code = 'invalid_proposal';
  constructor(readonly issues: ProposalIssue[]) {
    super(`invalid proposal: ${issues.map((i) => `${i.field} (${i.code})`).join(', ')}`);
    this.name = 'InvalidProposalError';
  }

  /** The first offending field. */
  get field(): string {
    return this.issues[0]?.field ?? '';
  }
}

export type ProposalValidation =
  { ok: true; proposal: OverlapProposal } | { ok: false; error: InvalidProposalError };

const WORD = /[\p{L}\p{N}]/u;

function clean(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ').trim();
}

function text(
  value: unknown,
  field: string,
  max: number,
  issues: ProposalIssue[],
  required: boolean,
): string | undefined {
  if (value === undefined || value === null) {
    if (required) issues.push({ field, code: 'required' });
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.push({ field, code: 'not_a_string' });
    return undefined;
  }
  // Checked on the raw length first: cleaning a megabyte only to reject it is wasted work.
  if (value.length > max * 4) {
    issues.push({ field, code: 'too_long', params: { max } });
    return undefined;
  }
  const cleaned = clean(value);
  if (cleaned.length > max) {
    issues.push({ field, code: 'too_long', params: { max } });
    return undefined;
  }
  if (required && !WORD.test(cleaned)) {
    issues.push({ field, code: 'empty' });
    return undefined;
  }
  return cleaned;
}

function list(
  value: unknown,
  field: string,
  maxItems: number,
  maxChars: number,
  issues: ProposalIssue[],
): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    issues.push({ field, code: 'not_an_array' });
    return undefined;
  }
  if (value.length > maxItems) {
    issues.push({ field, code: 'too_many', params: { max: maxItems } });
    return undefined;
  }
  const out: string[] = [];
  value.forEach((item, i) => {
    const cleaned = text(item, `${field}[${i}]`, maxChars, issues, false);
    // Blank items are what forms send for an empty row: dropped, not an error.
    if (cleaned !== undefined && WORD.test(cleaned)) out.push(cleaned);
  });
  return out;
}

export function validateProposal(
  input: unknown,
  limits: ProposalLimits = DEFAULT_PROPOSAL_LIMITS,
): ProposalValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: new InvalidProposalError([{ field: '', code: 'not_an_object' }]) };
  }
  const raw = input as Record<string, unknown>;
  const issues: ProposalIssue[] = [];
  const name = text(raw.name, 'name', limits.nameMaxChars, issues, true);
  const description = text(raw.description, 'description', limits.descriptionMaxChars, issues, false);
  const functions = list(raw.functions, 'functions', limits.maxFunctions, limits.functionMaxChars, issues);
  const data = list(raw.data, 'data', limits.maxData, limits.dataMaxChars, issues);
  if (issues.length > 0 || name === undefined) return { ok: false, error: new InvalidProposalError(issues) };
  const proposal: OverlapProposal = { name };
  if (description !== undefined && description !== '') proposal.description = description;
  if (functions !== undefined && functions.length > 0) proposal.functions = functions;
  if (data !== undefined && data.length > 0) proposal.data = data;
  return { ok: true, proposal };
}
