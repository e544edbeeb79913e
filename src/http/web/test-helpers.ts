import type { TestApp } from '../../testing/test-app.ts';

/** A page fetched in-process, with its HTML and its visible text (tags dropped, entities read). */
export interface FetchedPage {
  status: number;
  res: Response;
  html: string;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

export function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ');
}

export async function fetchPage(t: TestApp, path: string, init?: RequestInit): Promise<FetchedPage> {
  const res = await t.app.request(path, init);
  const html = await res.text();
  return { status: res.status, res, html, text: visibleText(html) };
}

/** The HTML of the element whose opening tag carries `marker` (e.g. `id="by-owner"`), up to its close. */
export function section(html: string, marker: string, tag = 'section'): string {
  const start = html.lastIndexOf(`<${tag}`, html.indexOf(marker));
  if (start < 0 || html.indexOf(marker) < 0) return '';
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(start, end < 0 ? undefined : end);
}

export const count = (html: string, needle: string) => html.split(needle).length - 1;
