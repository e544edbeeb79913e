import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../env.ts';
import { Layout, type Crumb, type Section } from './layout.tsx';
import type { Ui } from './ui.ts';

const ONE_YEAR = 365 * 24 * 3600;

export interface PageOptions {
  title: string;
  section?: Section;
  crumbs?: Crumb[];
  status?: ContentfulStatusCode;
}

/** A whole HTML document: the layout around `body`, with the doctype hono/jsx does not write. */
export function renderPage(c: Context<AppEnv>, ui: Ui, options: PageOptions, body: Child): Response {
  const document = (
    <Layout ui={ui} title={options.title} section={options.section} crumbs={options.crumbs}>
      {body}
    </Layout>
  );
  // `?lang=` (the language switch) chooses the language for this page and, through the
  // cookie, for the next ones.
  const lang = c.req.query('lang');
  if (lang === 'vi' || lang === 'en')
    setCookie(c, 'lang', lang, { path: '/', maxAge: ONE_YEAR, sameSite: 'Lax', httpOnly: true });
  // The page differs by language, which comes from ?lang=, the cookie or Accept-Language.
  c.header('Vary', 'Accept-Language, Cookie');
  // A signed-in person's page names them and holds their CSRF token (the header's sign-out).
  if (c.get('auth')) c.header('Cache-Control', 'private, no-store');
  c.header('Content-Language', ui.locale);
  return c.html(html`<!DOCTYPE html>${document}`, options.status ?? 200) as Response;
}
