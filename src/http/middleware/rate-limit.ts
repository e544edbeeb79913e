import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { RateLimitedError } from '../../domain/errors.ts';
import type { AppEnv } from '../env.ts';

/**
 * A token bucket per client: `perMinute` requests a minute on average, with bursts up to the
 * same number. In memory, per instance: behind a load balancer each instance allows its share.
 * The client is the peer address, or the first X-Forwarded-For hop when the proxy is trusted.
 */
export interface RateLimitOptions {
  perMinute: number;
  trustProxy: boolean;
  now?: () => number;
  /** Buckets kept at most; the oldest are dropped (bounded memory under a spray of addresses). */
  maxClients?: number;
}

export function clientAddress(c: Parameters<MiddlewareHandler<AppEnv>>[0], trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

export function rateLimit({
  perMinute,
  trustProxy,
  now = Date.now,
  maxClients = 100_000,
}: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  return async (c, next) => {
    const key = clientAddress(c, trustProxy);
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * refillPerMs);
    bucket.at = t;
    buckets.delete(key); // re-insert: Map order doubles as least-recently-used order
    buckets.set(key, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string);
    c.header('RateLimit-Limit', String(perMinute));
    if (bucket.tokens < 1) {
      throw new RateLimitedError(Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)));
    }
    bucket.tokens -= 1;
    c.header('RateLimit-Remaining', String(Math.floor(bucket.tokens)));
    await next();
  };
}
