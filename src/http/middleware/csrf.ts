import type { Context, MiddlewareHandler } from 'hono';
import { CsrfError } from '../../domain/errors.ts';
import { sameSecret } from '../../services/credentials.ts';
import type { AppEnv } from '../env.ts';

/**
 * CSRF protection for cookie-authenticated requests (OWASP CSRF Prevention Cheat Sheet, ASVS
 * 4.2.2). Three layers, because each covers what another cannot:
 *  - SameSite=Lax on the session cookie (set in session.ts);
 *  - the Origin header (or, without it, Sec-Fetch-Site) must name this site, for every unsafe
 *    request that carries a session, and for sign-in and password reset (login CSRF);
 *  - a synchronizer token bound to the session, in the X-CSRF-Token header (API clients) or the
 *    `_csrf` form field (HTML forms), compared in constant time.
 * Requests without a session cookie (the public API) are not affected by the token check.
 */
export interface CsrfOptions {
  /** The site's public origin when configured (PUBLIC_URL); otherwise the request's own. */
  publicUrl: string | null;
  trustProxy: boolean;
  /** Paths checked for origin even without a session (sign-in, password reset). */
  originCheckedPaths: (path: string) => boolean;
  /** Paths that do not act on the session, so need no token (origin is still checked). */
  tokenExemptPaths?: (path: string) => boolean;
}

export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function expectedOrigin(c: Context<AppEnv>, options: CsrfOptions): string {
  if (options.publicUrl) return new URL(options.publicUrl).origin;
  const url = new URL(c.req.url);
  if (options.trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto) url.protocol = `${proto}:`;
    if (host) url.host = host;
  }
  return url.origin;
}

export function fromThisSite(c: Context<AppEnv>, options: CsrfOptions): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin === expectedOrigin(c, options);
  // No Origin (some older browsers on same-origin POST): Fetch Metadata, when sent, must agree.
  const site = c.req.header('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

async function sentToken(c: Context<AppEnv>): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const field = (await c.req.parseBody())[CSRF_FIELD];
    return typeof field === 'string' ? field : undefined;
  }
  return undefined;
}

export function csrf(options: CsrfOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const auth = c.get('auth');
    if ((auth || options.originCheckedPaths(c.req.path)) && !fromThisSite(c, options))
      throw new CsrfError('origin');
    if (auth && !options.tokenExemptPaths?.(c.req.path)) {
      const token = await sentToken(c);
      if (!token || !sameSecret(token, auth.csrfToken)) throw new CsrfError('token');
    }
    await next();
  };
}
