import type { PublicationEvent } from '../../domain/notification.ts';
import { format } from '../../i18n/index.ts';
import type { NotificationsMessages } from '../../i18n/notifications.vi.ts';

/**
 * The Atom 1.0 document (RFC 4287) of published changes. Entries are identified by their
 * event's UUID (urn:uuid:, RFC 4122 §3), which never changes, so readers do not show an entry
 * twice; the feed's id is a tag: URI (RFC 4151) on the public host.
 */
const XML_UNSAFE = /[&<>"']/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// Characters XML 1.0 does not allow at all (controls other than tab, newline, return; lone surrogates).
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD').replace(XML_UNSAFE, (c) => ENTITIES[c] ?? c);
}

/** When nothing is published yet, the feed is dated at this fixed instant, so it stays cacheable. */
const EPOCH = new Date('2026-01-01T00:00:00Z');

export interface FeedInput {
  events: readonly PublicationEvent[];
  /** The public base URL ("https://ndp.example.gov.vn"). */
  base: string;
  selfUrl: string;
  locale: 'vi' | 'en';
  m: NotificationsMessages;
  pageUrl: (event: PublicationEvent) => string;
}

export function atomFeed({ events, base, selfUrl, locale, m, pageUrl }: FeedInput): string {
  const host = new URL(base).hostname;
  const updated = (events[0]?.occurredAt ?? EPOCH).toISOString();
  const entries = events.map((e) => {
    const title = format(m.feed.entry[e.type], { name: e.title });
    const summary = [e.version !== null ? format(m.feed.version, { version: e.version }) : '', e.summary]
      .filter((part) => part !== '')
      .join('. ');
    const at = e.occurredAt.toISOString();
    return [
      '  <entry>',
      `    <id>urn:uuid:${e.id}</id>`,
      `    <title type="text">${xmlEscape(title)}</title>`,
      `    <updated>${at}</updated>`,
      `    <published>${at}</published>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(pageUrl(e))}"/>`,
      `    <category term="${e.type}"/>`,
      `    <summary type="text">${xmlEscape(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>tag:${xmlEscape(host)},2026:ndp-registry/feed/${locale}</id>`,
    `  <title type="text">${xmlEscape(m.feed.title)}</title>`,
    `  <subtitle type="text">${xmlEscape(m.feed.subtitle)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xmlEscape(m.feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(new URL('/', base).toString())}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
