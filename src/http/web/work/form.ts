import type { Context } from 'hono';
import type { FieldIssue } from '../../../domain/errors.ts';
import type { AppEnv } from '../../env.ts';
import { CSRF_FIELD } from '../../middleware/csrf.ts';

/** A submitted HTML form as name/value pairs, in order, repeated names kept (checkboxes). */
export type FormFields = readonly (readonly [string, string])[];

/** The form body (the CSRF middleware may have read it already: Hono caches the FormData). */
export async function readForm(c: Context<AppEnv>): Promise<FormFields> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    return [];
  const data = await c.req.formData();
  const fields: [string, string][] = [];
  data.forEach((value, name) => {
    if (typeof value === 'string') fields.push([name, value]);
  });
  return fields;
}

export const one = (fields: FormFields, name: string): string =>
  fields.findLast(([key]) => key === name)?.[1] ?? '';

export const every = (fields: FormFields, name: string): string[] =>
  fields.filter(([key]) => key === name).map(([, value]) => value);

/** The fields a form carries over a sign-in, without the old session's token. */
export const carried = (fields: FormFields): FormFields => fields.filter(([name]) => name !== CSRF_FIELD);

/**
 * Where to go after signing in: a path on this site only (never `//host` or a URL), so the
 * parameter cannot send a person elsewhere (open redirect, OWASP Unvalidated Redirects).
 */
export function safeNext(raw: string | undefined, fallback = '/cong-viec'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  return /^[\x21-\x7e]*$/.test(raw) ? raw : fallback;
}

/** Field name as the service names it ("proposed.name", "focalPoints[0].email") → the form's key. */
export function formKey(field: string): string {
  return field.replace(/^proposed\.?/, '') || 'proposed';
}

/** Issues by form key, first issue per field. */
export function issuesByKey(issues: readonly FieldIssue[]): Map<string, FieldIssue> {
  const map = new Map<string, FieldIssue>();
  for (const issue of issues) {
    const key = formKey(issue.field);
    if (!map.has(key)) map.set(key, issue);
  }
  return map;
}
