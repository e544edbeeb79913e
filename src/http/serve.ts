import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.ts';

/**
 * The HTTP server, as main.ts starts it (and the tests that need the real server). Node reads
 * the request head before the app sees anything; its limit comes from HTTP_MAX_HEADER_BYTES, so
 * a long query string reaches the API and gets its 400 instead of Node's bare 431.
 */
export function serveRegistry(
  fetch: (request: Request) => Response | Promise<Response>,
  config: Pick<Config, 'port' | 'host' | 'maxHeaderBytes'>,
  ready?: (info: AddressInfo) => void,
) {
  return serve(
    {
      fetch,
      port: config.port,
      hostname: config.host,
      serverOptions: { maxHeaderSize: config.maxHeaderBytes },
    },
    ready,
  );
}
