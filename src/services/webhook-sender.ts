import http from 'node:http';
import https from 'node:https';
import { isPrivateAddress, guardedLookup } from './webhook-address.ts';

/** What one attempt to deliver got back: an HTTP status, or an error before any answer. */
export interface SendResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs one delivery. Redirects are not followed (a 3xx is a failure: following it could lead
 * anywhere, SSRF again); the answer's body is read and dropped; the whole exchange has a
 * deadline. Never throws: every failure is a result for the delivery log.
 */
export function postWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<SendResult> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): SendResult => ({
    statusCode,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return resolve(done(null, 'invalid_url'));
    }
    // An address written in the URL is never looked up, so it is checked here.
    if (!options.allowPrivate && isPrivateAddress(url.hostname))
      return resolve(done(null, 'private_address'));
    const client = url.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body).toString() },
        lookup: guardedLookup(options.allowPrivate) as never,
        agent: false,
      },
      (response) => {
        response.on('data', () => {});
        response.on('end', () => finish(done(response.statusCode ?? null, null)));
        response.on('error', (error) => finish(done(response.statusCode ?? null, error.message)));
      },
    );
    const timer = setTimeout(() => {
      finish(done(null, `timeout after ${options.timeoutMs} ms`));
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      finish(done(null, error.code === 'EPRIVATEADDRESS' ? 'private_address' : error.message));
    });
    request.end(body);
  });
}
