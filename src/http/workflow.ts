import type { MiddlewareHandler } from 'hono';
import { OpenAPIHono } from '@hono/zod-openapi';
import { createAuditService } from '../services/audit.service.ts';
import { createAuthService } from '../services/auth.service.ts';
import { createChangeRequestService } from '../services/change-request.service.ts';
import { createDeclarationService } from '../services/declaration.service.ts';
import { createEditionWorkflowService } from '../services/edition-workflow.service.ts';
import { createHolidayService } from '../services/holiday.service.ts';
import { createOrganisationAdminService } from '../services/organisation-admin.service.ts';
import { createPasswordResetService } from '../services/password-reset.service.ts';
import { createPlatformVersionService } from '../services/platform-version.service.ts';
import { createSignOnService } from '../services/sign-on.service.ts';
import { createUserService } from '../services/user.service.ts';
import { createTermService } from '../services/term.service.ts';
import { createLocalSystemChecker, rulesInForce } from '../services/local-system.check.ts';
import type { OverlapRulesService } from '../services/overlap-rules.service.ts';
import { createLocalSystemService } from '../services/local-system.service.ts';
import { createOverlapReportService } from '../services/overlap-report.service.ts';
import { localSystemRoutes } from './api/local-system.routes.ts';
import { overlapReportRoutes } from './api/overlap-report.routes.ts';
import { auditRoutes } from './api/audit.routes.ts';
import { authRoutes } from './api/auth.routes.ts';
import { changeRequestRoutes } from './api/change-request.routes.ts';
import { declarationRoutes } from './api/declaration.routes.ts';
import { editionWorkflowRoutes } from './api/edition-workflow.routes.ts';
import { holidayRoutes } from './api/holiday.routes.ts';
import { organisationAdminRoutes } from './api/organisation-admin.routes.ts';
import { platformVersionRoutes } from './api/platform-version.routes.ts';
import { SIGN_ON_START_PATH, signOnRoutes } from './api/sign-on.routes.ts';
import { userRoutes } from './api/user.routes.ts';
import { termRoutes } from './api/term.routes.ts';
import { createNotifications } from './notifications.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { csrf } from './middleware/csrf.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { SESSION_COOKIE, session } from './middleware/session.ts';
import { workPaths } from './web/work/paths.ts';

const WEB_SIGN_IN: string = workPaths.signIn;
const WEB_PASSWORD_PAGES: readonly string[] = [workPaths.forgotPassword, workPaths.resetPassword];

/**
 * Accounts and the write side (issue 3), wired in one place so app.ts only mounts it: the
 * services, the middleware every request passes (session, CSRF, sign-in rate limit), and the
 * API routes.
 */
export function createWorkflow(deps: AppDeps, overlapRules: OverlapRulesService) {
  const { config, clock, catalogue } = deps;
  const db = deps.database.db;
  // Links in e-mails use the configured public URL, never the request's Host header (which
  // an attacker controls: "password reset poisoning").
  const linkBase = config.publicUrl ?? `http://localhost:${config.port}`;
  const auth = createAuthService({ db, clock, config: config.auth, catalogue });
  const resets = createPasswordResetService({ db, clock, config: config.auth, linkBase });
  const users = createUserService({ db, clock, config: config.auth, catalogue, linkBase });
  const audit = createAuditService({ db, clock, catalogue });
  const changeRequests = createChangeRequestService({
    db,
    clock,
    catalogue,
    reviewWorkingDays: config.reviewWorkingDays,
  });
  const holidays = createHolidayService({ db, clock });
  const versions = createPlatformVersionService({ db });
  // Single sign-on only when OIDC_* is configured; it signs in existing accounts only.
  const signOn = config.oidc
    ? createSignOnService({ db, clock, log: deps.log, config: config.oidc, auth: config.auth, catalogue })
    : null;
  const terms = createTermService({ db, clock, catalogue });
  const editionWorkflow = createEditionWorkflowService({
    db,
    clock,
    catalogue,
    maxFileBytes: config.editionFileMaxBytes,
  });
  const declarations = createDeclarationService({
    db,
    clock,
    catalogue,
    periodDays: config.confirmationPeriodDays,
    linkBase,
  });
  const organisationAdmin = createOrganisationAdminService({ db, clock, catalogue });
  // Local systems and the nationwide overlap report (issue 5).
  const checker = createLocalSystemChecker(catalogue, rulesInForce(overlapRules));
  const localSystems = createLocalSystemService({ db, clock, catalogue, checker });
  const overlapReport = createOverlapReportService({ db, clock, catalogue });
  // The feed and webhook API; its webhook service also serves the work screens.
  const notifications = createNotifications(deps);
  const services = {
    auth,
    resets,
    users,
    audit,
    changeRequests,
    holidays,
    versions,
    editionWorkflow,
    declarations,
    organisationAdmin,
    signOn,
    terms,
    localSystems,
    overlapReport,
    webhooks: notifications.services.webhooks,
  };

  const cookies = {
    cookieSecure: config.auth.cookieSecure,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
  };
  const limiter = rateLimit({ perMinute: config.auth.rateLimitPerMinute, trustProxy: config.trustProxy });
  const LIMITED = new Set([
    '/api/v1/auth/sign-in',
    '/api/v1/auth/password-reset',
    '/api/v1/auth/password-reset/confirm',
    // The same, as pages (src/http/web/work/).
    WEB_SIGN_IN,
    ...WEB_PASSWORD_PAGES,
  ]);
  const middleware: MiddlewareHandler<AppEnv>[] = [
    (c, next) => (c.req.method === 'POST' && LIMITED.has(c.req.path) ? limiter(c, next) : next()),
    session(auth, cookies),
    csrf({
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy,
      originCheckedPaths: (path) =>
        path.startsWith('/api/v1/auth/') || path === WEB_SIGN_IN || WEB_PASSWORD_PAGES.includes(path),
      // Signing in and resetting a password do not act on the current session: the origin
      // check covers them (login CSRF), and a sign-in form needs no token from the old session.
      tokenExemptPaths: (path) =>
        path === '/api/v1/auth/sign-in' ||
        path.startsWith('/api/v1/auth/password-reset') ||
        path === WEB_SIGN_IN ||
        WEB_PASSWORD_PAGES.includes(path) ||
        // Starting single sign-on (with a kept form) does not act on any current session.
        path === SIGN_ON_START_PATH,
    }),
    // The sign-in pages offer single sign-on when it is configured.
    (c, next) => {
      c.set('signOnStart', signOn ? SIGN_ON_START_PATH : null);
      return next();
    },
  ];

  const routes = new OpenAPIHono<AppEnv>();
  routes.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: `Set by sign-in; named __Host-${SESSION_COOKIE} over TLS`,
  });
  routes.openAPIRegistry.registerComponent('securitySchemes', 'csrf', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The csrfToken of the session, on every POST, PATCH, PUT and DELETE',
  });
  routes.route('/', authRoutes(auth, resets, users, cookies));
  routes.route('/', userRoutes(users));
  routes.route('/', auditRoutes(audit));
  routes.route('/', changeRequestRoutes(changeRequests));
  routes.route('/', platformVersionRoutes(versions));
  routes.route('/', holidayRoutes(holidays));
  routes.route(
    '/',
    signOnRoutes(signOn, auth, cookies, {
      perMinute: config.auth.rateLimitPerMinute,
      trustProxy: config.trustProxy,
    }),
  );
  routes.route('/', termRoutes(terms));
  routes.route('/', notifications.routes);
  routes.route('/', editionWorkflowRoutes(editionWorkflow, config.editionFileMaxBytes));
  routes.route('/', declarationRoutes(declarations));
  routes.route('/', organisationAdminRoutes(organisationAdmin));
  routes.route('/', localSystemRoutes(localSystems));
  routes.route('/', overlapReportRoutes(overlapReport));
  return { services, middleware, routes, cookies };
}
