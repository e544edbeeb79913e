import { Hono, type Context } from 'hono';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { NotFoundError } from '../../domain/errors.ts';
import type { EditionService } from '../../services/edition.service.ts';
import type { OrganisationService } from '../../services/organisation.service.ts';
import type { PlatformService } from '../../services/platform.service.ts';
import type { AppEnv } from '../env.ts';
import { ApiDocsPage } from './api-docs.page.tsx';
import { parseCatalogueQuery } from './catalogue-query.ts';
import { CataloguePage, type CatalogueView } from './catalogue.page.tsx';
import { EditionPage, EditionsPage } from './edition.page.tsx';
import { errorPage } from './error.page.tsx';
import { OrganisationPage, OrganisationsPage } from './organisation.page.tsx';
import { paths } from './paths.ts';
import { PlatformPage } from './platform.page.tsx';
import { renderPage } from './render.tsx';
import { StatisticsPage } from './statistics.page.tsx';
import { overlapCheckPages, type OverlapPageDeps } from './overlap-check.routes.tsx';
import { catalogueHygienePages } from './catalogue-hygiene.routes.tsx';
import type { CatalogueHygieneService } from '../../services/catalogue-hygiene.service.ts';
import { staticRoutes } from './static.ts';
import { cite, makeUi, type Ui } from './ui.ts';
import { overlapPages, type OverlapPagesDeps } from './overlap/routes.tsx';

export interface WebDeps {
  platforms: PlatformService;
  organisations: OrganisationService;
  editions: EditionService;
  openapi: () => OpenAPIObject;
  /** Local systems and the overlap report (issue 5): pages for signed-in officers and the authority. */
  overlap?: Omit<OverlapPagesDeps, 'localities'>;
  /** The public overlap check form (overlap-check.routes.tsx). */
  overlapPages?: Omit<OverlapPageDeps, 'organisations'>;
  /** The authority's catalogue hygiene page (catalogue-hygiene.routes.tsx). */
  hygiene?: CatalogueHygieneService;
}

/** Server-rendered pages; they work without JavaScript (plain links and GET forms). */
export function webRoutes(deps: WebDeps) {
  const web = new Hono<AppEnv>();
  staticRoutes(web);

  /** The page's vocabulary, with the organisations so links can use their codes. */
  const uiFor = async (c: Context<AppEnv>): Promise<Ui> => {
    const [orgs, documents] = await Promise.all([deps.organisations.list({}), deps.editions.documentDates()]);
    return makeUi(c, orgs, documents);
  };

  const catalogue = async (c: Context<AppEnv>) => {
    const ui = await uiFor(c);
    const parsed = parseCatalogueQuery(c.req.queries());
    let view: CatalogueView;
    if (!parsed.ok) view = { ok: false, q: c.req.query('q') ?? '', issues: parsed.issues };
    else {
      try {
        view = { ok: true, query: parsed.query, result: await deps.platforms.list(parsed.query) };
      } catch (error) {
        // An owner the registry does not know is a wrong parameter here, not a missing page.
        if (!(error instanceof NotFoundError && error.resource === 'organisation')) throw error;
        view = { ok: false, q: parsed.query.q, issues: [{ field: 'owner', code: 'not_found' }] };
      }
    }
    return renderPage(
      c,
      ui,
      { title: ui.m.catalogue.title, section: 'catalogue', status: view.ok ? 200 : 400 },
      <CataloguePage ui={ui} view={view} />,
    );
  };
  web.get(paths.catalogue, catalogue);
  web.get(paths.platforms, catalogue);

  web.get('/nen-tang/:slug', async (c) => {
    const [ui, platform] = await Promise.all([uiFor(c), deps.platforms.get(c.req.param('slug'))]);
    return renderPage(
      c,
      ui,
      {
        title: platform.name,
        section: 'catalogue',
        crumbs: [{ href: paths.catalogue, text: ui.m.nav.catalogue }],
      },
      <PlatformPage ui={ui} platform={platform} />,
    );
  });

  web.get(paths.editions, async (c) => {
    const [ui, editions] = await Promise.all([uiFor(c), deps.editions.list()]);
    return renderPage(
      c,
      ui,
      { title: ui.m.edition.title, section: 'editions' },
      <EditionsPage ui={ui} editions={editions} />,
    );
  });

  web.get('/van-ban/:id', async (c) => {
    const [ui, edition] = await Promise.all([uiFor(c), deps.editions.get(c.req.param('id'))]);
    return renderPage(
      c,
      ui,
      {
        title: cite(ui, edition.document.number, edition.document.issuedOn),
        section: 'editions',
        crumbs: [{ href: paths.editions, text: ui.m.nav.editions }],
      },
      <EditionPage ui={ui} edition={edition} />,
    );
  });

  web.get(paths.organisations, async (c) => {
    const ui = await uiFor(c);
    const organisations = await deps.organisations.list({});
    return renderPage(
      c,
      ui,
      { title: ui.m.organisation.title, section: 'organisations' },
      <OrganisationsPage ui={ui} organisations={organisations} />,
    );
  });

  web.get('/co-quan/:code', async (c) => {
    const [ui, organisation] = await Promise.all([uiFor(c), deps.organisations.get(c.req.param('code'))]);
    return renderPage(
      c,
      ui,
      {
        title: organisation.name,
        section: 'organisations',
        crumbs: [{ href: paths.organisations, text: ui.m.nav.organisations }],
      },
      <OrganisationPage ui={ui} organisation={organisation} />,
    );
  });

  web.get(paths.statistics, async (c) => {
    const [ui, stats] = await Promise.all([uiFor(c), deps.editions.statistics()]);
    return renderPage(
      c,
      ui,
      { title: ui.m.statistics.title, section: 'statistics' },
      <StatisticsPage ui={ui} stats={stats} />,
    );
  });

  web.get(paths.api, (c) => {
    const ui = makeUi(c);
    return renderPage(
      c,
      ui,
      { title: ui.m.docs.title, section: 'api' },
      <ApiDocsPage ui={ui} doc={deps.openapi()} />,
    );
  });

  if (deps.overlap)
    overlapPages(
      web,
      { ...deps.overlap, localities: () => deps.organisations.list({ level: 'province', current: true }) },
      uiFor,
    );
  if (deps.overlapPages)
    overlapCheckPages(web, { ...deps.overlapPages, organisations: deps.organisations }, uiFor);
  if (deps.hygiene) catalogueHygienePages(web, deps.hygiene, uiFor);

  web.onError(errorPage);
  return web;
}

export { notFoundPage } from './error.page.tsx';
