import type { FieldIssue } from '../../../domain/errors.ts';
import type { Platform } from '../../../domain/platform.ts';
import { sameValue, type PlatformContent, type ProposedContent } from '../../../domain/platform-version.ts';
import { ProposedContent as ProposedSchema } from '../../api/change-request.schemas.ts';
import { zodIssues } from '../../problem.ts';
import { every, one, type FormFields } from './form.ts';

/**
 * The proposal form ↔ a platform's content. Lists are written one item per line, a source as
 * its address then its note, focal points as rows. Only the fields that differ from what the
 * form was filled with are proposed, so a published value the form cannot represent exactly
 * (or that an older rule let in) is never rewritten by a save that did not touch it.
 */
export type Content = Omit<PlatformContent, 'declaredOwnerId'>;
export type EditableField = keyof Content;

/** The values an empty proposal shows. */
export const EMPTY: Content = {
  name: '',
  nameEn: null,
  aliases: [],
  description: null,
  functions: [],
  field: null,
  // Until chosen; never proposed as such (see changedFields).
  kind: null as unknown as Content['kind'],
  scope: null as unknown as Content['scope'],
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

export const FIELDS = Object.keys(EMPTY) as EditableField[];

/** What the form shows: the published content (if any) with what was proposed so far on top. */
export function formBase(current: Content | null, proposed: ProposedContent): Content {
  return { ...(current ?? EMPTY), ...proposed } as Content;
}

export function contentOf(platform: Platform): Content {
  const { name, nameEn, aliases, description, functions, field, kind, scope, deploymentLevels } = platform;
  const { status, operator, website, ndxp, ndop, legalBasis, note, focalPoints, sources } = platform;
  return {
    name,
    nameEn,
    aliases,
    description,
    functions,
    field,
    kind,
    scope,
    deploymentLevels,
    status,
    operator,
    website,
    ndxp,
    ndop,
    legalBasis,
    note,
    focalPoints,
    sources,
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());
const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** dd/mm/yyyy as people write dates → yyyy-mm-dd; anything else is left for validation to name. */
export function isoDate(value: string | null): string | null {
  const match = value ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value) : null;
  if (!match) return value;
  const [, d = '', m = '', y = ''] = match;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** How many focal point rows the form offers: those there are, plus one empty. */
export const focalRows = (content: Content) => content.focalPoints.length + 1;

export function readContent(fields: FormFields): Content {
  const rows = new Set<number>();
  for (const [name] of fields) {
    const match = /^focalPoints\[(\d{1,2})\]\./.exec(name);
    if (match) rows.add(Number(match[1]));
  }
  const focalPoints = [...rows]
    .sort((a, b) => a - b)
    .map((i) => {
      const get = (key: string) => text(one(fields, `focalPoints[${i}].${key}`));
      return { name: get('name') ?? '', unit: get('unit'), email: get('email'), phone: get('phone') };
    })
    .filter((f) => f.name !== '' || f.unit || f.email || f.phone);
  const connection = (key: 'ndxp' | 'ndop') => ({
    status: (one(fields, `${key}.status`) || 'unknown') as Content['ndxp']['status'],
    since: isoDate(text(one(fields, `${key}.since`))),
  });
  return {
    name: one(fields, 'name').trim(),
    nameEn: text(one(fields, 'nameEn')),
    aliases: lines(one(fields, 'aliases')),
    description: text(one(fields, 'description')),
    functions: lines(one(fields, 'functions')),
    field: text(one(fields, 'field')),
    kind: (text(one(fields, 'kind')) ?? null) as Content['kind'],
    scope: (text(one(fields, 'scope')) ?? null) as Content['scope'],
    deploymentLevels: every(fields, 'deploymentLevels') as Content['deploymentLevels'],
    status: text(one(fields, 'status')) as Content['status'],
    operator: text(one(fields, 'operator')),
    website: text(one(fields, 'website')),
    ndxp: connection('ndxp'),
    ndop: connection('ndop'),
    legalBasis: text(one(fields, 'legalBasis')),
    note: text(one(fields, 'note')),
    focalPoints,
    sources: lines(one(fields, 'sources')).map((line) => {
      const [url = '', ...rest] = line.split(/\s+/);
      return { url, note: text(rest.join(' ')) };
    }),
  };
}

/** The fields the person changed, validated as the API validates a proposal. */
export function changedFields(
  values: Content,
  base: Content,
): { proposed: ProposedContent; issues: FieldIssue[] } {
  const changed: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = values[field];
    if (value === null && (field === 'kind' || field === 'scope')) continue; // cannot be unset
    if (!sameValue(value, base[field])) changed[field] = value;
  }
  const parsed = ProposedSchema.safeParse(changed);
  if (parsed.success) return { proposed: parsed.data as ProposedContent, issues: [] };
  const issues = zodIssues(parsed.error).map((issue) =>
    // An empty required text reads better as "required" than as "shorter than 1".
    issue.code === 'too_small' && issue.params?.minimum === 1
      ? { field: issue.field, code: 'required' }
      : issue,
  );
  return { proposed: {}, issues };
}

/** The content the form values make, for the completeness shown before saving. */
export function proposalFrom(values: Content): ProposedContent {
  const result: Record<string, unknown> = {};
  for (const field of FIELDS) if (values[field] !== null) result[field] = values[field];
  return result as ProposedContent;
}
