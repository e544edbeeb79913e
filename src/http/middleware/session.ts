import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { PasswordChangeRequiredError } from '../../domain/errors.ts';
import type { AuthService } from '../../services/auth.service.ts';
import type { AppEnv } from '../env.ts';
import { clientAddress } from './rate-limit.ts';

/**
 * Reads the session cookie and puts the signed-in actor on the context (null: the public).
 *
 * The cookie (RFC 6265bis): HttpOnly so scripts cannot read it, SameSite=Lax so other sites'
 * sub-requests and form posts do not carry it, Path=/, no Domain; Secure with the `__Host-`
 * prefix whenever the site is served over TLS, which also stops a sibling sub-domain from
 * planting a cookie of the same name.
 */
export const SESSION_COOKIE = 'ndp_session';

export interface CookieOptions {
  cookieSecure: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  /** An https PUBLIC_URL makes cookies Secure even when TLS ends at a proxy that is not trusted. */
  publicUrl: string | null;
}

export function isSecureRequest(c: Context<AppEnv>, options: CookieOptions): boolean {
  if (options.cookieSecure !== 'auto') return options.cookieSecure === 'always';
  if (options.publicUrl?.startsWith('https:')) return true;
  const forwarded = options.trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  return (forwarded ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
}

export function readSessionToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE, 'host') ?? getCookie(c, SESSION_COOKIE);
}

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date, options: CookieOptions) {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  const base = { httpOnly: true, sameSite: 'Lax' as const, path: '/', maxAge };
  if (isSecureRequest(c, options))
    setCookie(c, SESSION_COOKIE, token, { ...base, secure: true, prefix: 'host' });
  else setCookie(c, SESSION_COOKIE, token, base);
}

export function clearSessionCookie(c: Context<AppEnv>, options: CookieOptions) {
  if (isSecureRequest(c, options))
    deleteCookie(c, SESSION_COOKIE, {
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      prefix: 'host',
    });
  else deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax' });
}

/** What a user who must change a one-time password may still do. */
const WHILE_PASSWORD_MUST_CHANGE = new Set([
  '/api/v1/auth/password',
  '/api/v1/auth/sign-out',
  // The same as pages (src/http/web/work/).
  '/doi-mat-khau',
  '/dang-xuat',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function session(auth: AuthService, options: CookieOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('actor', null);
    c.set('auth', null);
    c.set('clientAddress', clientAddress(c, options.trustProxy));
    const token = readSessionToken(c);
    if (token) {
      const signedIn = await auth.authenticate(token);
      if (signedIn) {
        c.set('auth', signedIn);
        c.set('actor', signedIn.actor);
        if (
          signedIn.user.mustChangePassword &&
          !SAFE_METHODS.has(c.req.method) &&
          !WHILE_PASSWORD_MUST_CHANGE.has(c.req.path)
        )
          throw new PasswordChangeRequiredError();
      } else {
        clearSessionCookie(c, options); // expired or revoked: the browser can drop it
      }
    }
    await next();
  };
}
