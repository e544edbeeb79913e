import type { Context, Hono } from 'hono';
import { NotAllowedError, NotAuthenticatedError } from '../../../domain/errors.ts';
import { LOCAL_SYSTEMS_PAGE } from '../../../domain/local-system.ts';
import type { LocalSystemService } from '../../../services/local-system.service.ts';
import type { OverlapReportService } from '../../../services/overlap-report.service.ts';
import type { AppEnv } from '../../env.ts';
import { renderPage } from '../render.tsx';
import type { OrgEntry, Ui } from '../ui.ts';
import { LocalSystemsPage, MessagePage, OverlapReportPage, textsFor } from './local-systems.page.tsx';
import { can } from '../../../domain/permission.ts';
import { localSystemWorkRoutes } from './local-system-work.routes.tsx';

/** Addresses of the pages; the re-check e-mails link to the first. */
export const overlapPaths = {
  localSystems: LOCAL_SYSTEMS_PAGE,
  report: '/bao-cao-trung-lap',
  reportCsv: '/api/v1/overlap-report/export',
} as const;

export interface OverlapPagesDeps {
  localSystems: LocalSystemService;
  overlapReport: OverlapReportService;
  /** Today's provinces, to offer the authority a choice of locality. */
  localities: () => Promise<OrgEntry[]>;
}

/** Signed-out visitors and other roles get a page that says so (401/403), not an error. */
async function guarded(c: Context<AppEnv>, ui: Ui, title: string, build: () => Promise<Response>) {
  try {
    return await build();
  } catch (error) {
    const t = textsFor(ui).page;
    if (error instanceof NotAuthenticatedError)
      return renderPage(c, ui, { title, status: 401 }, <MessagePage title={title} body={t.signInNeeded} />);
    if (error instanceof NotAllowedError)
      return renderPage(c, ui, { title, status: 403 }, <MessagePage title={title} body={t.notAllowed} />);
    throw error;
  }
}

export function overlapPages(
  web: Hono<AppEnv>,
  deps: OverlapPagesDeps,
  uiFor: (c: Context<AppEnv>) => Promise<Ui>,
) {
  // Recording, checking, comply or explain, decisions (local-system-work.routes.tsx).
  web.route('/', localSystemWorkRoutes(deps));

  web.get(overlapPaths.localSystems, async (c) => {
    const ui = await uiFor(c);
    const t = textsFor(ui).page;
    return guarded(c, ui, t.listTitle, async () => {
      const actor = c.get('actor');
      const selected = c.req.query('organisation') ?? '';
      const authority = actor?.role === 'authority_admin' || actor?.role === 'authority_reviewer';
      const systems = await deps.localSystems.list(actor, selected ? { organisation: selected } : {});
      const localities = authority ? await deps.localities() : null;
      const own = actor ? ({ kind: 'locality_record', localityId: actor.organisationId } as const) : null;
      const links = {
        create: actor !== null && own !== null && can(actor, 'locality_record.manage', own),
        queue: actor !== null && own !== null && can(actor, 'locality_record.review', own),
      };
      c.header('Cache-Control', 'no-store');
      return renderPage(
        c,
        ui,
        { title: t.listTitle },
        <LocalSystemsPage
          ui={ui}
          systems={systems}
          localities={localities}
          selected={selected}
          links={links}
        />,
      );
    });
  });

  web.get(overlapPaths.report, async (c) => {
    const ui = await uiFor(c);
    const t = textsFor(ui).page;
    return guarded(c, ui, t.reportTitle, async () => {
      const report = await deps.overlapReport.report(c.get('actor'));
      c.header('Cache-Control', 'no-store');
      return renderPage(
        c,
        ui,
        { title: t.reportTitle },
        <OverlapReportPage ui={ui} report={report} csvHref={overlapPaths.reportCsv} />,
      );
    });
  });
}
