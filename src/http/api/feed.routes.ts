import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { notificationsText } from '../../i18n/notifications.ts';
import type { PublicationService } from '../../services/publication.service.ts';
import { FEED_PATH, publicationPageUrl } from '../web/publication-link.ts';
import { atomFeed } from './feed-atom.ts';
import { apiRouter } from './router.ts';

/** The Atom feed of published changes: open data, cacheable, with conditional GET. */
const FEED_SIZE = 50;

const feed = createRoute({
  method: 'get',
  path: FEED_PATH,
  tags: ['Notifications'],
  summary: 'Atom 1.0 feed of the 50 latest publications (platforms created, updated, retired; editions)',
  description:
    'Vietnamese by default; `lang=en` for English titles. Answers 304 to an If-None-Match that matches the ETag.',
  request: {
    query: z.object({ lang: z.enum(['vi', 'en']).optional() }),
    headers: z.object({ 'if-none-match': z.string().optional() }),
  },
  responses: {
    200: {
      description: 'The feed (RFC 4287)',
      content: { 'application/atom+xml': { schema: z.string() } },
    },
    304: { description: 'Not modified since the ETag given in If-None-Match' },
  },
});

export function feedRoutes(publications: PublicationService, base: string) {
  return apiRouter().openapi(feed, async (c) => {
    // The language comes from the address only, so every cached copy of one URL is the same.
    const locale = c.req.valid('query').lang ?? 'vi';
    const events = await publications.recent(FEED_SIZE);
    const selfUrl = new URL(FEED_PATH + (locale === 'en' ? '?lang=en' : ''), base).toString();
    const xml = atomFeed({
      events,
      base,
      selfUrl,
      locale,
      m: notificationsText(locale),
      pageUrl: (e) => publicationPageUrl(base, e),
    });
    const etag = `"${createHash('sha256').update(xml).digest('base64url').slice(0, 27)}"`;
    const headers = {
      ETag: etag,
      'Cache-Control': 'public, max-age=60',
      ...(events[0] ? { 'Last-Modified': events[0].occurredAt.toUTCString() } : {}),
    };
    const ifNoneMatch = c.req.valid('header')['if-none-match'];
    const tags = ifNoneMatch?.split(',').map((t) => t.trim().replace(/^W\//, '')) ?? [];
    if (tags.includes(etag) || tags.includes('*')) return c.body(null, 304, headers);
    return c.body(xml, 200, { ...headers, 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });
}
