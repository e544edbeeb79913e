import type { TestApp } from '../../../testing/test-app.ts';
import { sessionCookie, type TestSession } from '../../../testing/test-session.ts';
import { visibleText } from '../test-helpers.ts';

/** A form POST as a browser sends it (urlencoded, text/html accepted), with a session's cookie. */
export async function postForm(
  t: TestApp,
  path: string,
  fields: readonly (readonly [string, string])[],
  session?: Pick<TestSession, 'cookie'> | null,
  options: { csrf?: string | null } = {},
) {
  const body = new URLSearchParams();
  if (options.csrf) body.append('_csrf', options.csrf);
  for (const [name, value] of fields) body.append(name, value);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'text/html',
  };
  if (session) headers.cookie = session.cookie;
  const res = await t.app.request(path, { method: 'POST', headers, body: body.toString() });
  const html = await res.text();
  return { status: res.status, res, html, text: visibleText(html), cookie: sessionCookie(res) };
}

/** The hidden inputs of a page's form (name, value), in order, entities decoded. */
export function hiddenInputs(html: string): [string, string][] {
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)].map(
    (m) => [decode(m[1] ?? ''), decode(m[2] ?? '')] as [string, string],
  );
}

/**
 * What a browser would send from the form whose action is `action`: its inputs, checked boxes,
 * selected options and text areas (without the submit buttons), entities decoded.
 */
export function formFields(html: string, action: string): [string, string][] {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form for ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const fields: [string, string][] = [];
  for (const m of form.matchAll(
    /<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>|<textarea\b[^>]*>([\s\S]*?)<\/textarea>/g,
  )) {
    const tag = m[0];
    const name = attr(tag, 'name');
    if (!name) continue;
    if (tag.startsWith('<input')) {
      const type = attr(tag, 'type') ?? 'text';
      if (type === 'checkbox' && !/\schecked(=""|\s|>)/.test(tag)) continue;
      fields.push([decode(name), decode(attr(tag, 'value') ?? '')]);
    } else if (tag.startsWith('<select')) {
      const selected =
        /<option value="([^"]*)" selected=""/.exec(tag)?.[1] ??
        /<option value="([^"]*)"/.exec(tag)?.[1] ??
        '';
      fields.push([decode(name), decode(selected)]);
    } else fields.push([decode(name), decode(m[1] ?? '')]);
  }
  return fields;
}

/** `fields` with `changes` applied (replacing every value of the name, or appending it). */
export function withValues(fields: [string, string][], changes: Record<string, string>): [string, string][] {
  const out = fields.filter(([name]) => !(name in changes));
  for (const [name, value] of Object.entries(changes)) out.push([name, value]);
  return out;
}
