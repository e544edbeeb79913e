import { OpenAPIHono } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import { NotFoundError } from './domain/errors.ts';
import { editionRoutes } from './http/api/edition.routes.ts';
import { organisationRoutes } from './http/api/organisation.routes.ts';
import { platformRoutes } from './http/api/platform.routes.ts';
import type { AppDeps, AppEnv } from './http/env.ts';
import { requestContext } from './http/middleware/request-context.ts';
import { problemResponse } from './http/problem.ts';
import { overlapRoutes } from './http/api/overlap.routes.ts';
import { rateLimit } from './http/middleware/rate-limit.ts';
import { createOverlapService } from './services/overlap.service.ts';
import { notFoundPage, webRoutes } from './http/web/routes.tsx';
import { createEditionService } from './services/edition.service.ts';
import { createOrganisationService } from './services/organisation.service.ts';
import { createPlatformSearch } from './services/platform-search.ts';
import { createPlatformService } from './services/platform.service.ts';
import { createWorkflow } from './http/workflow.ts';
import { overlapRulesRoutes } from './http/api/overlap-rules.routes.ts';
import { createOverlapRulesService } from './services/overlap-rules.service.ts';
import { catalogueHygieneRoutes } from './http/api/catalogue-hygiene.routes.ts';
import { createCatalogueHygieneService } from './services/catalogue-hygiene.service.ts';
import { workErrorPage, workRoutes } from './http/web/work/routes.tsx';

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Sổ đăng ký nền tảng số quốc gia — National Digital Platforms Registry API',
    version: '1.0.0',
    description:
      'Danh mục nền tảng số do các bộ, ngành triển khai; văn bản công bố; cơ quan và lịch sử tổ chức lại. Errors are application/problem+json (RFC 9457) with a stable `code`.',
  },
};

/** Builds the whole HTTP application from its dependencies; no I/O happens here. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const today = () => deps.clock.today();
  const platforms = createPlatformService(deps.catalogue, createPlatformSearch(), today);
  const organisations = createOrganisationService(deps.catalogue, today);
  const editions = createEditionService(deps.catalogue, today);

  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestContext(deps.log));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      // Not hono's default "no-referrer": with it Chromium sends `Origin: null` on a same-site
      // form POST, which the CSRF origin check (middleware/csrf.ts) must refuse, so no
      // signed-in HTML form could be sent. "same-origin" still sends nothing to other sites.
      referrerPolicy: 'same-origin',
    }),
  );
  // Reads carry an ETag; a client that sends If-None-Match gets 304 without the body.
  app.use('*', etag({ weak: true }));
  // Accounts and the write side: session, CSRF and sign-in rate limit, then their routes.
  // The overlap rules in force: used by anonymous checks and by the checks of local systems.
  const overlapRules = createOverlapRulesService({ db: deps.database.db, clock: deps.clock });
  const workflow = createWorkflow(deps, overlapRules);
  app.use('*', ...workflow.middleware);

  // Liveness: the process answers (no database). Also the trivial-route baseline of bench:api.
  app.get('/livez', (c) => c.text('ok'));
  // Readiness: the catalogue can be read.
  app.get('/healthz', async (c) => {
    await deps.catalogue.snapshot();
    await platforms.warm(); // the search index is built before the first query
    return c.json({ status: 'ok', database: deps.database.engine });
  });

  app.route('/', platformRoutes(platforms));
  app.route('/', organisationRoutes(organisations));
  app.route('/', editionRoutes(editions));
  // Anonymous overlap checks are open to vendors and the public, so they are rate limited
  // (one budget per client for the API and the check form page).
  const overlapLimit = rateLimit({
    perMinute: deps.config.rateLimitPerMinute,
    trustProxy: deps.config.trustProxy,
    now: () => deps.clock.now().getTime(),
  });
  app.use('/api/v1/overlap-checks', overlapLimit);
  const overlap = createOverlapService(deps.catalogue, () => deps.clock.now(), overlapRules);
  app.route('/', overlapRoutes(overlap));
  app.route('/', overlapRulesRoutes(overlapRules));
  const hygiene = createCatalogueHygieneService({ db: deps.database.db, clock: deps.clock, overlap });
  app.route('/', catalogueHygieneRoutes(hygiene));
  app.route('/', workflow.routes);
  app.doc31('/openapi.json', OPENAPI_INFO);
  app.route(
    '/',
    workRoutes({
      ...workflow.services,
      cookies: workflow.cookies,
      platforms,
      editionFileMaxBytes: deps.config.editionFileMaxBytes,
    }),
  );
  app.route(
    '/',
    webRoutes({
      platforms,
      organisations,
      editions,
      openapi: () => app.getOpenAPI31Document(OPENAPI_INFO),
      overlap: workflow.services,
      overlapPages: { overlap, limit: overlapLimit },
      hygiene,
    }),
  );

  // Unknown addresses under /api/ answer as the API does (problem+json); any other is a page for people.
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? problemResponse(c, new NotFoundError('page', c.req.path))
      : notFoundPage(c),
  );
  // A person's browser (a page, not /api/) is answered with a page, e.g. a form refused by CSRF.
  app.onError((error, c) =>
    !c.req.path.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html')
      ? workErrorPage(error, c)
      : problemResponse(c, error),
  );
  return app;
}
