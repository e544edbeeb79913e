import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import type { TestApp } from '../../src/testing/test-app.ts';

/** Where the browser tests write their screenshots (looked at by people, not asserted on). */
export const SHOTS = 'test-results';

/**
 * Debian's Chromium with the flags that keep it offline and stable on CI machines
 * (no sandbox as root, no GPU, no background traffic): see ../shared/ENVIRONMENT.md.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface ServedApp {
  /** http://127.0.0.1:PORT */
  base: string;
  close(): Promise<void>;
}

/** Serves a test app over real HTTP on 127.0.0.1 (a free port unless one is given). */
export async function serveApp(app: TestApp, port = 0): Promise<ServedApp> {
  let server: ReturnType<typeof serve> | undefined;
  const bound = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(info.port),
    );
  });
  return {
    base: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

export interface BrowserApp {
  base: string;
  browser: Browser;
  /** Stops the browser, the server and the test app (whose close checks the audit log). */
  close(): Promise<void>;
}

/** A test app served over HTTP with Chromium beside it, for one browser test file. */
export async function openBrowserApp(t: TestApp, port = 0): Promise<BrowserApp> {
  mkdirSync(SHOTS, { recursive: true });
  const served = await serveApp(t, port);
  const browser = await launchChromium();
  return {
    base: served.base,
    browser,
    async close() {
      await browser.close();
      await served.close();
      await t.close();
    },
  };
}
