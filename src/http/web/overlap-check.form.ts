import type { FieldIssue } from '../../domain/errors.ts';
import {
  DEFAULT_PROPOSAL_LIMITS,
  validateProposal,
  type OverlapProposal,
} from '../../domain/overlap/index.ts';

/**
 * The check form as sent (a POST body or the query of a shared link) → a proposal, or issues
 * named by form field. Functions and data are typed one per line; an issue on `functions[i]`
 * is reported on the line the person typed, blank lines counted.
 */
export interface OverlapForm {
  name: string;
  description: string;
  functions: string;
  data: string;
  /** An organisation code ("tinh-ninh-binh"), or ''. */
  province: string;
}

export interface FormIssue extends FieldIssue {
  /** The form field: name, description, functions, data or province. */
  input: keyof OverlapForm;
  /** 1-based line of a textarea the issue is about. */
  line?: number;
}

export type ParsedForm =
  | { ok: true; form: OverlapForm; proposal: OverlapProposal }
  | { ok: false; form: OverlapForm; issues: FormIssue[] };

export const FORM_FIELDS = ['name', 'description', 'functions', 'data', 'province'] as const;

/** The longest a textarea may be before it is refused unread (every line at its longest). */
const MAX_LIST_CHARS = {
  functions: DEFAULT_PROPOSAL_LIMITS.maxFunctions * (DEFAULT_PROPOSAL_LIMITS.functionMaxChars + 2),
  data: DEFAULT_PROPOSAL_LIMITS.maxData * (DEFAULT_PROPOSAL_LIMITS.dataMaxChars + 2),
};

export function readForm(get: (field: string) => unknown): OverlapForm {
  const text = (field: string) => {
    const value = get(field);
    return typeof value === 'string' ? value : '';
  };
  return {
    name: text('name'),
    description: text('description'),
    functions: text('functions'),
    data: text('data'),
    province: text('province').trim(),
  };
}

function lines(text: string): { text: string; line: number }[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ text: t.trim(), line: i + 1 }))
    .filter((l) => l.text !== '');
}

export function parseForm(form: OverlapForm, provinces: ReadonlySet<string>): ParsedForm {
  const issues: FormIssue[] = [];
  const listed: Partial<Record<'functions' | 'data', { text: string; line: number }[]>> = {};
  for (const field of ['functions', 'data'] as const) {
    if (form[field].length > MAX_LIST_CHARS[field])
      issues.push({ input: field, field, code: 'too_long', params: { max: MAX_LIST_CHARS[field] } });
    else listed[field] = lines(form[field]);
  }
  const validated = validateProposal({
    name: form.name,
    ...(form.description.trim() ? { description: form.description } : {}),
    ...(listed.functions ? { functions: listed.functions.map((l) => l.text) } : {}),
    ...(listed.data ? { data: listed.data.map((l) => l.text) } : {}),
  });
  if (!validated.ok) {
    for (const issue of validated.error.issues) {
      const match = /^(functions|data)\[(\d+)\]$/.exec(issue.field);
      const input = (match?.[1] ?? issue.field) as keyof OverlapForm;
      const line = match ? listed[match[1] as 'functions' | 'data']?.[Number(match[2])]?.line : undefined;
      // A name left blank is "required", not "has no letters".
      const code = issue.field === 'name' && form.name.trim() === '' ? 'required' : issue.code;
      issues.push({
        ...issue,
        code,
        input: FORM_FIELDS.includes(input) ? input : 'name',
        ...(line ? { line } : {}),
      });
    }
  }
  if (form.province !== '' && !provinces.has(form.province))
    issues.push({ input: 'province', field: 'province', code: 'not_found' });
  if (issues.length > 0 || !validated.ok) return { ok: false, form, issues };
  return { ok: true, form, proposal: validated.proposal };
}
