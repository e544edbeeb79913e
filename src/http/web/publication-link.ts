import type { PublicationEvent } from '../../domain/notification.ts';
import { paths } from './paths.ts';

/** The Atom feed of published changes (served by http/api/feed.routes.ts, linked from every page). */
export const FEED_PATH = '/api/v1/feed.atom';

/**
 * The absolute address of the public page an event is about, on the configured public URL
 * (never the request's Host header, which the client controls).
 */
export function publicationPageUrl(base: string, event: PublicationEvent): string {
  const s = event.subject;
  const path = s.kind === 'platform' ? paths.platform(s.slug) : paths.edition(s.documentNumber);
  return new URL(path, base).toString();
}

/** The public base: PUBLIC_URL, or this server on localhost when none is configured. */
export const publicBase = (config: { publicUrl: string | null; port: number }): string =>
  config.publicUrl ?? `http://localhost:${config.port}`;
