import type { Context } from 'hono';
import type { SignOnError, SignOnFailure } from '../../domain/errors.ts';
import { format } from '../../i18n/index.ts';
import { signOnEn } from '../../i18n/sign-on.en.ts';
import { signOnVi } from '../../i18n/sign-on.vi.ts';
import type { AppEnv } from '../env.ts';
import { paths } from './paths.ts';
import { renderPage } from './render.tsx';
import { makeUi } from './ui.ts';

/** Failures that starting again may cure; for the others, only an administrator can help. */
const RETRYABLE: ReadonlySet<SignOnFailure> = new Set([
  'flow_expired',
  'state_mismatch',
  'provider_error',
  'provider_unavailable',
]);

/** A failed single sign-on, for the browser that came back from the provider: why, and what next. */
export function signOnErrorPage(c: Context<AppEnv>, error: SignOnError, startPath: string): Response {
  const ui = makeUi(c);
  const m = ui.locale === 'en' ? signOnEn : signOnVi;
  const title = m.problem.sign_on_failed.title;
  return renderPage(
    c,
    ui,
    { title, status: 401 },
    <section class="error-page">
      <h1>{title}</h1>
      <div class="notice notice-error" role="alert">
        <p>{m.reason[error.reason]}</p>
      </div>
      <p>
        {RETRYABLE.has(error.reason) ? (
          <>
            <a href={startPath}>{m.page.retry}</a>
            {' · '}
          </>
        ) : null}
        <a href={paths.catalogue}>{m.page.home}</a>
      </p>
      <p>
        <small>{format(m.page.requestId, { requestId: c.get('requestId') ?? '' })}</small>
      </p>
    </section>,
  );
}
