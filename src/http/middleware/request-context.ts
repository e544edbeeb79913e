import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Logger } from 'pino';
import { pickLocale } from '../../i18n/index.ts';
import type { AppEnv } from '../env.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Per-request context: a request id (the caller's X-Request-Id when well-formed, so traces
 * join across services), the locale, a child logger, and one access-log line.
 */
export function requestContext(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const lang = c.req.query('lang');
    c.set('requestId', requestId);
    c.set('locale', pickLocale(lang, getCookie(c, 'lang'), c.req.header('accept-language')));
    const child = log.child({ requestId });
    c.set('log', child);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    child.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
