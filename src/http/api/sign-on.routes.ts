import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { NotFoundError, SignOnError } from '../../domain/errors.ts';
import { signOnEn } from '../../i18n/sign-on.en.ts';
import { signOnVi } from '../../i18n/sign-on.vi.ts';
import type { AuthService } from '../../services/auth.service.ts';
import type { SignOnService } from '../../services/sign-on.service.ts';
import type { AppEnv } from '../env.ts';
import { rateLimit, type RateLimitOptions } from '../middleware/rate-limit.ts';
import { isSecureRequest, setSessionCookie, type CookieOptions } from '../middleware/session.ts';
import { signOnErrorPage } from '../web/sign-on-error.page.tsx';
import { readForm } from '../web/work/form.ts';
import { keptForSignOn, leaveForProvider, resumeAfterSignOn } from '../web/work/sign-on-resume.tsx';
import { apiRouter } from './router.ts';
import { requestMeta, writeProblems } from './write-context.ts';

/**
 * Single sign-on (OIDC): which sign-in methods there are, the start (a redirect to the
 * provider) and the callback (the provider's redirect back). The flow is bound to the browser
 * by a short-lived HttpOnly cookie scoped to these paths; state, nonce and the PKCE verifier
 * stay on the server. A browser that fails gets a page saying why; API clients problem+json.
 */
export const SIGN_ON_START_PATH = '/api/v1/auth/oidc/start';
const SIGN_ON_PATHS = '/api/v1/auth/oidc';
const FLOW_COOKIE = 'ndp_oidc_flow';
const tags = ['Accounts'];

const AuthMethods = z
  .object({
    password: z.boolean().openapi({ description: 'Sign-in with e-mail and password' }),
    oidc: z.object({
      enabled: z.boolean().openapi({ description: 'Single sign-on with the configured identity provider' }),
      startUrl: z.string().nullable().openapi({ description: 'Send the browser here (GET) to sign on' }),
      label: z.string().openapi({ description: 'The button’s label, in the request’s language' }),
    }),
  })
  .openapi('AuthMethods');

const methods = createRoute({
  method: 'get',
  path: '/api/v1/auth/methods',
  tags,
  summary: 'The sign-in methods on offer (password; single sign-on when configured)',
  responses: { 200: { description: 'Methods', content: { 'application/json': { schema: AuthMethods } } } },
});
const start = createRoute({
  method: 'get',
  path: SIGN_ON_START_PATH,
  tags,
  summary: 'Start single sign-on: redirects to the identity provider',
  description:
    'Authorization code flow with PKCE, state and nonce. `returnTo` (a path on this site) is where the browser lands once signed in. 404 when single sign-on is not configured.',
  request: { query: z.object({ returnTo: z.string().max(500).optional() }) },
  responses: {
    302: { description: 'To the identity provider' },
    401: writeProblems[401],
    404: writeProblems[404],
    429: writeProblems[429],
  },
});
const startWithForm = createRoute({
  method: 'post',
  path: SIGN_ON_START_PATH,
  tags,
  summary: 'Start single sign-on from the sign-in page, keeping a form whose session had expired',
  description:
    'The sign-in page’s form: `returnTo` as for GET, plus the kept form’s fields named `_keep.<name>`. They are stored with the flow on the server (never in an address) and, once signed in, the callback answers with a page that posts them on to `returnTo` with the new session’s CSRF token.',
  request: {
    body: {
      content: {
        'application/x-www-form-urlencoded': {
          schema: z.object({ returnTo: z.string().max(500).optional() }),
        },
      },
    },
  },
  responses: {
    200: {
      description:
        'A page that moves on to the identity provider (Refresh header and a link): a redirect would be refused by the form-action CSP',
    },
    400: writeProblems[400],
    401: writeProblems[401],
    404: writeProblems[404],
    429: writeProblems[429],
  },
});
const callback = createRoute({
  method: 'get',
  path: `${SIGN_ON_PATHS}/callback`,
  tags,
  summary: 'The identity provider’s redirect back: opens a session for an existing, enabled account',
  description:
    'Takes the provider’s `code`, `state` (or `error`) parameters. Refusals answer 401 `sign_on_failed` with a `reason`: flow_expired, state_mismatch, provider_error, provider_unavailable, email_missing, unknown_user, disabled_user, identity_mismatch (an HTML page for browsers).',
  responses: {
    200: {
      description: 'Signed in, with a form kept from the start (POST): a page that posts it on to `returnTo`',
    },
    303: { description: 'Signed in: sets the session cookie and redirects to `returnTo`' },
    401: writeProblems[401],
    404: writeProblems[404],
    429: writeProblems[429],
  },
});

type KeptForm = readonly (readonly [string, string])[];

const wantsHtml = (c: Context<AppEnv>) => (c.req.header('accept') ?? '').includes('text/html');

export function signOnRoutes(
  signOn: SignOnService | null,
  auth: AuthService,
  cookies: CookieOptions,
  limit: Pick<RateLimitOptions, 'perMinute' | 'trustProxy'>,
) {
  const flowCookie = (c: Context<AppEnv>) => getCookie(c, FLOW_COOKIE, 'secure') ?? getCookie(c, FLOW_COOKIE);
  const dropFlowCookie = (c: Context<AppEnv>) =>
    isSecureRequest(c, cookies)
      ? deleteCookie(c, FLOW_COOKIE, { path: SIGN_ON_PATHS, secure: true, prefix: 'secure' })
      : deleteCookie(c, FLOW_COOKIE, { path: SIGN_ON_PATHS });
  const enabled = () => {
    if (!signOn) throw new NotFoundError('page', SIGN_ON_START_PATH);
    return signOn;
  };
  /** A person's browser gets a page; API clients the problem+json that onError writes. */
  const failed = (c: Context<AppEnv>, error: unknown): Response => {
    if (error instanceof SignOnError && wantsHtml(c)) return signOnErrorPage(c, error, SIGN_ON_START_PATH);
    throw error;
  };

  /** Stores the flow (with any kept form), sets the flow cookie and sends the browser on. */
  const begin = async (c: Context<AppEnv>, returnTo: string | undefined, kept: KeptForm) => {
    c.header('Cache-Control', 'no-store');
    try {
      const started = await enabled().start(returnTo, kept);
      const maxAge = Math.floor((started.expiresAt.getTime() - Date.now()) / 1000);
      const base = {
        httpOnly: true,
        sameSite: 'Lax' as const,
        path: SIGN_ON_PATHS,
        maxAge: Math.max(60, maxAge),
      };
      // SameSite=Lax: the provider's redirect back is a top-level GET, which carries it.
      if (isSecureRequest(c, cookies))
        setCookie(c, FLOW_COOKIE, started.flowToken, { ...base, secure: true, prefix: 'secure' });
      else setCookie(c, FLOW_COOKIE, started.flowToken, base);
      // From the sign-in page's form (a kept form): a page that moves on, not a redirect.
      if (c.req.method === 'POST') return leaveForProvider(c, started.redirectTo);
      return c.redirect(started.redirectTo.href, 302);
    } catch (error) {
      return failed(c, error);
    }
  };

  const router = apiRouter();
  // Each start stores a flow: anonymous callers must not be able to fill the table.
  router.use(`${SIGN_ON_PATHS}/*`, rateLimit(limit));
  return router
    .openapi(methods, (c) => {
      const m = c.get('locale') === 'en' ? signOnEn : signOnVi;
      return c.json(
        {
          password: true,
          oidc: { enabled: signOn !== null, startUrl: signOn ? SIGN_ON_START_PATH : null, label: m.button },
        },
        200,
      );
    })
    .openapi(start, (c) => begin(c, c.req.valid('query').returnTo, []))
    .openapi(startWithForm, async (c) => {
      const fields = await readForm(c);
      return begin(c, c.req.valid('form').returnTo, keptForSignOn(fields));
    })
    .openapi(callback, async (c) => {
      c.header('Cache-Control', 'no-store');
      const service = enabled();
      const flowToken = flowCookie(c);
      dropFlowCookie(c);
      try {
        const query = new URL(c.req.url).searchParams;
        const signedIn = await service.finish(flowToken, query, requestMeta(c));
        // A new session replaces the one the browser still held, as password sign-in does.
        const previous = c.get('auth');
        if (previous) await auth.signOut(previous, requestMeta(c));
        setSessionCookie(c, signedIn.token, signedIn.expiresAt, cookies);
        // A form kept over an expired session: the same "continue" page a password sign-in shows.
        const resumed = resumeAfterSignOn(c, signedIn, signedIn.returnTo, signedIn.keptForm);
        return resumed ?? c.redirect(signedIn.returnTo, 303);
      } catch (error) {
        return failed(c, error);
      }
    });
}
