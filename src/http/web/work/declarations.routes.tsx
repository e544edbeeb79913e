import { Hono, type Context } from 'hono';
import { can } from '../../../domain/permission.ts';
import { format } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { DeclarationService } from '../../../services/declaration.service.ts';
import { requestMeta } from '../../api/write-context.ts';
import type { AppEnv } from '../../env.ts';
import { authorityPaths } from './authority-paths.ts';
import { authorityUi } from './authority-shell.tsx';
import { signedInOr } from './auth.routes.tsx';
import { DeclarationsPage } from './declarations.page.tsx';
import { forbiddenPage, renderWork } from './shell.tsx';

export interface DeclarationPagesDeps {
  declarations: DeclarationService;
}

/** Who may open the follow-up at all: the authority, and ministries' editors (their own row). */
export const mayFollowUp = (auth: Authenticated) =>
  can(auth.actor, 'declarations.read', { kind: 'declarations' }) ||
  can(auth.actor, 'declaration.read', { kind: 'declaration', organisationId: auth.actor.organisationId });

/**
 * Declaration follow-up (issue 3): the authority's table of ministries and agencies with the
 * official count cited and the CSV; a ministry's editor sees their own body and confirms that
 * each platform's record is still current.
 */
export function declarationPages({ declarations }: DeclarationPagesDeps) {
  const web = new Hono<AppEnv>();

  /** `confirmedId`: the platform just confirmed, named from the report (never text from the URL). */
  const page = async (c: Context<AppEnv>, auth: Authenticated, confirmedId?: string) => {
    const ui = authorityUi(c);
    const report = await declarations.visibleTo(auth.actor);
    const confirmed = confirmedId
      ? report.items.flatMap((r) => r.platforms).find((p) => p.id === confirmedId)
      : undefined;
    const flash = confirmed ? format(ui.a.declarations.confirmed, { name: confirmed.name }) : undefined;
    return renderWork(
      c,
      ui,
      { title: ui.a.declarations.title },
      <DeclarationsPage
        ui={ui}
        auth={auth}
        report={report}
        flash={flash ? { text: flash, kind: 'ok' } : undefined}
      />,
    );
  };

  web.get(authorityPaths.declarations, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    if (!mayFollowUp(auth)) return forbiddenPage(c);
    return page(c, auth, c.req.query('xac-nhan'));
  });

  web.post('/cong-viec/ke-khai/:platform/xac-nhan', async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    // The service checks the platform's owner with can(): another ministry's platform → 403 page.
    const result = await declarations.confirm(auth.actor, c.req.param('platform'), requestMeta(c));
    return c.redirect(
      `${authorityPaths.declarations}?xac-nhan=${encodeURIComponent(result.platformId)}`,
      303,
    );
  });

  return web;
}
