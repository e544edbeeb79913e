import type { Context, Hono } from 'hono';
import { NotAllowedError, NotAuthenticatedError } from '../../domain/errors.ts';
import type { CatalogueHygieneService } from '../../services/catalogue-hygiene.service.ts';
import type { AppEnv } from '../env.ts';
import { requestMeta } from '../api/write-context.ts';
import { CatalogueHygienePage, HygieneRefusedPage, hygieneTexts } from './catalogue-hygiene.page.tsx';
import { paths } from './paths.ts';
import { renderPage } from './render.tsx';
import type { Ui } from './ui.ts';

/**
 * The catalogue hygiene page (the authority). The forms post and are answered with a redirect
 * back to the list (POST/redirect/GET), so reloading does not send them again.
 */
export function catalogueHygienePages(
  web: Hono<AppEnv>,
  hygiene: CatalogueHygieneService,
  uiFor: (c: Context<AppEnv>) => Promise<Ui>,
): void {
  /** Not signed in → 401, signed in without the right → 403, as pages. */
  const refused = async (c: Context<AppEnv>, error: unknown) => {
    if (!(error instanceof NotAuthenticatedError || error instanceof NotAllowedError)) throw error;
    const ui = await uiFor(c);
    const signedIn = error instanceof NotAllowedError;
    const t = hygieneTexts(ui);
    return renderPage(
      c,
      ui,
      { title: signedIn ? t.forbidden.title : t.signIn.title, status: signedIn ? 403 : 401 },
      <HygieneRefusedPage ui={ui} signedIn={signedIn} />,
    );
  };

  web.get(paths.catalogueHygiene, async (c) => {
    try {
      const report = await hygiene.list(c.get('actor'));
      const ui = await uiFor(c);
      c.header('Cache-Control', 'no-store');
      return renderPage(
        c,
        ui,
        { title: hygieneTexts(ui).title },
        <CatalogueHygienePage ui={ui} report={report} csrfToken={c.get('auth')?.csrfToken ?? ''} />,
      );
    } catch (error) {
      return refused(c, error);
    }
  });

  const pairFrom = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody();
    const text = (key: string) => (typeof body[key] === 'string' ? body[key].trim() : '');
    return { a: text('a'), b: text('b'), note: text('note').slice(0, 1000) || null };
  };

  web.post(paths.catalogueHygieneDismiss, async (c) => {
    try {
      await hygiene.dismiss(c.get('actor'), await pairFrom(c), requestMeta(c));
      return c.redirect(paths.catalogueHygiene, 303);
    } catch (error) {
      return refused(c, error);
    }
  });

  web.post(paths.catalogueHygieneRestore, async (c) => {
    try {
      const { a, b } = await pairFrom(c);
      await hygiene.restore(c.get('actor'), a, b, requestMeta(c));
      return c.redirect(paths.catalogueHygiene, 303);
    } catch (error) {
      return refused(c, error);
    }
  });
}
