import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/**
 * The stylesheet and the icon, read once at start. Each address carries a hash of its content, so it can
 * be cached for a year (RFC 9111 `immutable`) and still change the moment the file does.
 */
const read = (name: string) => readFileSync(new URL(`./static/${name}`, import.meta.url), 'utf8');
const versioned = (path: string, body: string) =>
  `${path}?v=${createHash('sha256').update(body).digest('hex').slice(0, 12)}`;

const css = read('site.css');
const icon = read('favicon.svg');
const LONG_CACHE = 'public, max-age=31536000, immutable';

export const STYLESHEET_HREF = versioned('/static/site.css', css);
export const ICON_HREF = versioned('/static/favicon.svg', icon);

export function staticRoutes(web: Hono<AppEnv>): void {
  web.get('/static/site.css', (c) =>
    c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': LONG_CACHE }),
  );
  web.get('/static/favicon.svg', (c) =>
    c.body(icon, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': LONG_CACHE }),
  );
}
