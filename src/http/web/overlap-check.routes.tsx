import type { Context, Hono, MiddlewareHandler } from 'hono';
import { RateLimitedError } from '../../domain/errors.ts';
import type { OrganisationService } from '../../services/organisation.service.ts';
import type { OverlapService } from '../../services/overlap.service.ts';
import type { AppEnv } from '../env.ts';
import { FORM_FIELDS, parseForm, readForm, type OverlapForm } from './overlap-check.form.ts';
import {
  OverlapCheckPage,
  RateLimitedPage,
  overlapTexts,
  type CheckOutcome,
  type ProvinceOption,
} from './overlap-check.page.tsx';
import { paths, withQuery } from './paths.ts';
import { renderPage } from './render.tsx';
import type { Ui } from './ui.ts';

/**
 * The public overlap check page. The form posts (a description and a list of functions do not
 * fit a URL); a result short enough is also offered as a GET link that reruns the check, so it
 * can be shared. Both are rate limited with the API's budget per client.
 */
export interface OverlapPageDeps {
  overlap: OverlapService;
  organisations: OrganisationService;
  /** The limiter of POST /api/v1/overlap-checks: one budget per client. */
  limit: MiddlewareHandler<AppEnv>;
}

/** Longest shareable link (old proxies and browsers cut URLs near 2 000 characters). */
const MAX_SHARE_URL = 2_000;
const EMPTY: OverlapForm = { name: '', description: '', functions: '', data: '', province: '' };

export function overlapCheckPages(
  web: Hono<AppEnv>,
  deps: OverlapPageDeps,
  uiFor: (c: Context<AppEnv>) => Promise<Ui>,
): void {
  const provinces = async (): Promise<ProvinceOption[]> =>
    (await deps.organisations.list({ current: true }))
      .filter((o) => o.kind === 'province' || o.kind === 'city')
      .map((o) => ({ code: o.code, name: o.name }));

  const page = async (c: Context<AppEnv>, form: OverlapForm | null) => {
    const [ui, options] = await Promise.all([uiFor(c), provinces()]);
    const t = overlapTexts(ui);
    const render = (body: Parameters<typeof OverlapCheckPage>[0], status: 200 | 400) =>
      renderPage(c, ui, { title: t.title, section: 'overlap', status }, <OverlapCheckPage {...body} />);
    const base = { ui, provinces: options, csrfToken: c.get('auth')?.csrfToken ?? null };
    if (!form) return render({ ...base, form: EMPTY, issues: [], outcome: null }, 200);

    try {
      await deps.limit(c, () => Promise.resolve());
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      c.header('Retry-After', String(error.retryAfterSeconds));
      return renderPage(
        c,
        ui,
        { title: t.rateLimited.title, section: 'overlap', status: 429 },
        <RateLimitedPage ui={ui} seconds={error.retryAfterSeconds} />,
      );
    }
    const parsed = parseForm(form, new Set(options.map((p) => p.code)));
    if (!parsed.ok) return render({ ...base, form, issues: parsed.issues, outcome: null }, 400);
    const result = await deps.overlap.check(parsed.proposal);
    const matches = await Promise.all(
      result.matches.map(async (match) => ({
        match,
        platform: await deps.overlap.platform(match.platformId),
      })),
    );
    const share = withQuery(
      paths.overlapCheck,
      FORM_FIELDS.map((f) => [f, form[f]] as const),
    );
    const outcome: CheckOutcome = {
      result,
      matches,
      shareHref: share.length <= MAX_SHARE_URL ? share : null,
    };
    return render({ ...base, form, issues: [], outcome }, 200);
  };

  web.get(paths.overlapCheck, (c) =>
    // A shared link carries the proposal in its query; without `name` it is the empty form.
    page(c, c.req.query('name') === undefined ? null : readForm((f) => c.req.query(f))),
  );
  web.post(paths.overlapCheck, async (c) => {
    const body = await c.req.parseBody();
    return page(
      c,
      readForm((f) => body[f]),
    );
  });
}
