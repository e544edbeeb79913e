import type { FieldIssue } from '../../../domain/errors.ts';
import type { LocalSystem } from '../../../domain/local-system.ts';
import { CreateLocalSystem } from '../../api/local-system.schemas.ts';
import { zodIssues } from '../../problem.ts';
import { one, type FormFields } from '../work/form.ts';

/**
 * The record/edit form of a local system as typed (so a refused save shows it back unchanged),
 * and its reading into what the service takes. Validation is the API's own zod schema plus
 * the form's formats: dates as dd/mm/yyyy, amounts with thousands separators.
 */
export interface SystemFormValues {
  organisation: string;
  name: string;
  description: string;
  /** One per line, as typed. */
  functions: string;
  data: string;
  status: string;
  decisionNumber: string;
  /** dd/mm/yyyy as typed. */
  decisionDate: string;
  budget: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export const FORM_KEYS = [
  'organisation',
  'name',
  'description',
  'functions',
  'data',
  'status',
  'decisionNumber',
  'decisionDate',
  'budget',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const satisfies readonly (keyof SystemFormValues)[];

export const EMPTY_SYSTEM_FORM: SystemFormValues = {
  organisation: '',
  name: '',
  description: '',
  functions: '',
  data: '',
  status: 'proposed',
  decisionNumber: '',
  decisionDate: '',
  budget: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

const dmy = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

export function formValuesOf(system: LocalSystem): SystemFormValues {
  return {
    organisation: system.originOrganisationId,
    name: system.name,
    description: system.description,
    functions: system.functions.join('\n'),
    data: system.data.join('\n'),
    status: system.status,
    decisionNumber: system.decision?.number ?? '',
    decisionDate: system.decision ? dmy(system.decision.date) : '',
    // Grouped as people write amounts (1.500.000.000); budgetOf reads it back.
    budget: system.budgetVnd === null ? '' : String(system.budgetVnd).replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
    contactName: system.contact.name ?? '',
    contactEmail: system.contact.email ?? '',
    contactPhone: system.contact.phone ?? '',
  };
}

export function readSystemForm(fields: FormFields): SystemFormValues {
  const values = { ...EMPTY_SYSTEM_FORM };
  for (const key of FORM_KEYS) values[key] = one(fields, key);
  return values;
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** dd/mm/yyyy (or d/m/yyyy, or yyyy-mm-dd) → yyyy-mm-dd; null when it is neither. */
export function isoDate(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
}

/** Whole đồng; "1.500.000.000", "1 500 000 000" and "1,500,000,000" are the same amount. */
export function budgetOf(text: string): number | null | 'invalid' {
  const digits = text.trim().replace(/[.,\s]/g, '');
  if (digits === '') return null;
  return /^\d{1,17}$/.test(digits) ? Number(digits) : 'invalid';
}

export type SystemInput = ReturnType<typeof CreateLocalSystem.parse>;

/** The service's input, or the issues by form key. */
export function systemInput(
  values: SystemFormValues,
): { ok: true; input: SystemInput } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const number = values.decisionNumber.trim();
  const dateText = values.decisionDate.trim();
  let decision: { number: string; date: string } | null = null;
  if (number !== '' || dateText !== '') {
    if (number === '') issues.push({ field: 'decisionNumber', code: 'decision_incomplete' });
    const date = isoDate(dateText);
    if (dateText === '') issues.push({ field: 'decisionDate', code: 'decision_incomplete' });
    else if (!date) issues.push({ field: 'decisionDate', code: 'invalid_date' });
    decision = { number, date: date ?? '' };
  }
  const budget = budgetOf(values.budget);
  if (budget === 'invalid') issues.push({ field: 'budget', code: 'invalid_budget' });
  const parsed = CreateLocalSystem.safeParse({
    ...(values.organisation ? { organisation: values.organisation } : {}),
    name: values.name,
    description: values.description,
    functions: lines(values.functions),
    data: lines(values.data),
    status: values.status,
    decision: issues.some((i) => i.field.startsWith('decision')) ? null : decision,
    budgetVnd: budget === 'invalid' ? null : budget,
    contact: {
      name: values.contactName.trim() || null,
      email: values.contactEmail.trim() || null,
      phone: values.contactPhone.trim() || null,
    },
  });
  if (!parsed.success) issues.push(...zodIssues(parsed.error).map(keyed));
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, input: parsed.data };
}

const KEY_OF: Record<string, keyof SystemFormValues> = {
  'decision.number': 'decisionNumber',
  'decision.date': 'decisionDate',
  decision: 'decisionNumber',
  budgetVnd: 'budget',
  'contact.name': 'contactName',
  'contact.email': 'contactEmail',
  'contact.phone': 'contactPhone',
};

/** An issue as the service or the schema names it ("functions[2]", "contact.email") → the form's key. */
export function keyed(issue: FieldIssue): FieldIssue {
  const bare = issue.field.replace(/\[\d+\]$/, '');
  // An empty text where one is needed is "required", however zod words it.
  const code = issue.code === 'too_small' && issue.params?.minimum === 1 ? 'required' : issue.code;
  return { ...issue, code, field: KEY_OF[bare] ?? bare };
}
