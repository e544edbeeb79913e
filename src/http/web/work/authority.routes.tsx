import { Hono } from 'hono';
import { can } from '../../../domain/permission.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { AppEnv } from '../../env.ts';
import { authorityPaths } from './authority-paths.ts';
import { authorityUi } from './authority-shell.tsx';
import { declarationPages, mayFollowUp, type DeclarationPagesDeps } from './declarations.routes.tsx';
import { editionPages, type EditionPagesDeps } from './editions.routes.tsx';
import { webhookPages, type WebhookPagesDeps } from './webhooks.routes.tsx';
import type { Context } from 'hono';

export type AuthorityPagesDeps = EditionPagesDeps & DeclarationPagesDeps & WebhookPagesDeps;

/** The authority's work screens of issue 3: editions, declaration follow-up, webhooks. */
export function authorityPages(deps: AuthorityPagesDeps) {
  const web = new Hono<AppEnv>();
  web.route('/', editionPages(deps));
  web.route('/', declarationPages(deps));
  web.route('/', webhookPages(deps));
  return web;
}

/** The work home's links to these screens, for the roles allowed (the same can() as the pages). */
export function authorityLinks(c: Context<AppEnv>, auth: Authenticated): { href: string; text: string }[] {
  const ui = authorityUi(c);
  const a = auth.actor;
  const links: [boolean, string, string][] = [
    [can(a, 'edition.manage', { kind: 'edition' }), authorityPaths.editions, ui.a.nav.editions],
    [mayFollowUp(auth), authorityPaths.declarations, ui.a.nav.declarations],
    [can(a, 'webhook.manage', { kind: 'webhook' }), authorityPaths.webhooks, ui.a.nav.webhooks],
  ];
  return links.filter(([show]) => show).map(([, href, text]) => ({ href, text }));
}
