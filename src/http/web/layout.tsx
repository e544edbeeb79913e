import type { Child } from 'hono/jsx';
import { LOCALES } from '../../i18n/index.ts';
import { notificationsText } from '../../i18n/notifications.ts';
import { paths } from './paths.ts';
import { FEED_PATH } from './publication-link.ts';
import { ICON_HREF, STYLESHEET_HREF } from './static.ts';
import type { Ui } from './ui.ts';
import { AccountBox } from './work/account.tsx';

export type Section = 'catalogue' | 'editions' | 'organisations' | 'statistics' | 'api' | 'overlap' | 'work';

export interface Crumb {
  href: string;
  text: string;
}

interface LayoutProps {
  ui: Ui;
  title: string;
  section?: Section | undefined;
  /** Trail above the heading on detail pages; the current page is the last, unlinked. */
  crumbs?: Crumb[] | undefined;
  children?: Child;
}

/** The current address in another language: same page, `lang` set (which also sets the cookie). */
function switchHref(ui: Ui, locale: string): string {
  const params = new URLSearchParams(ui.url.search);
  params.set('lang', locale);
  return `${ui.url.pathname}?${params.toString()}`;
}

function Nav({ ui, section }: { ui: Ui; section: Section | undefined }) {
  const items: [Section, string, string][] = [
    ['catalogue', paths.catalogue, ui.m.nav.catalogue],
    ['editions', paths.editions, ui.m.nav.editions],
    ['organisations', paths.organisations, ui.m.nav.organisations],
    ['statistics', paths.statistics, ui.m.nav.statistics],
    ['overlap', paths.overlapCheck, ui.m.nav.overlap],
    ['api', paths.api, ui.m.nav.api],
  ];
  return (
    <nav class="main-nav" aria-label={ui.m.web.mainNav}>
      <ul class="wrap">
        {items.map(([key, href, text]) => (
          <li>
            <a href={href} aria-current={key === section ? 'page' : undefined}>
              {text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Layout({ ui, title, section, crumbs, children }: LayoutProps) {
  const { m } = ui;
  return (
    <html lang={ui.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${m.app.name}`}</title>
        <link rel="stylesheet" href={STYLESHEET_HREF} />
        <link rel="icon" href={ICON_HREF} type="image/svg+xml" />
        <link
          rel="alternate"
          type="application/atom+xml"
          href={ui.locale === 'en' ? `${FEED_PATH}?lang=en` : FEED_PATH}
          title={notificationsText(ui.locale).feed.linkTitle}
        />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {m.app.skipToContent}
        </a>
        <header class="site-header">
          <div class="wrap header-inner">
            <a class="brand" href={paths.catalogue}>
              {m.app.name}
            </a>
            <nav class="lang-switch" aria-label={m.app.language}>
              <ul>
                {LOCALES.map((locale) => (
                  <li>
                    {locale === ui.locale ? (
                      <span aria-current="true" lang={locale}>
                        {m.languageName[locale]}
                      </span>
                    ) : (
                      <a href={switchHref(ui, locale)} hreflang={locale} lang={locale}>
                        {m.languageName[locale]}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
            <AccountBox ui={ui} />
          </div>
          <Nav ui={ui} section={section} />
        </header>
        <main id="main" tabindex={-1} class="wrap">
          {crumbs && crumbs.length > 0 ? (
            <nav class="breadcrumb" aria-label={m.web.breadcrumb}>
              <ol>
                {crumbs.map((crumb) => (
                  <li>
                    <a href={crumb.href}>{crumb.text}</a>
                  </li>
                ))}
                <li aria-current="page">{title}</li>
              </ol>
            </nav>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{m.app.footer}</p>
            <p>
              <a href={paths.api}>{m.nav.api}</a> · <a href={paths.openapi}>OpenAPI (openapi.json)</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
