import type { Context } from 'hono';
import { InvalidInputError } from '../../../domain/errors.ts';
import { hardeningEn } from '../../../i18n/hardening.en.ts';
import { hardeningVi } from '../../../i18n/hardening.vi.ts';
import type { SignedIn } from '../../../services/auth.service.ts';
import type { AppEnv } from '../../env.ts';
import { keptFields } from './auth.routes.tsx';
import type { FormFields } from './form.ts';
import { isWorkPath } from './paths.ts';
import { renderWork, workUi } from './shell.tsx';
import { ContinuePage } from './sign-in.page.tsx';

/**
 * A work form kept over an expired session, through single sign-on: the sign-in page posts it to
 * the start of the flow, the server stores it with the flow (never in an address: it may hold
 * anything the person typed), and the callback answers with the same "continue" form a password
 * sign-in shows, carrying the new session's CSRF token.
 */

// A kept form is stored before anyone is signed in: bounded, so the flow table cannot be filled
// with megabytes by an anonymous caller (who is rate-limited too).
const MAX_FIELDS = 500;
const MAX_CHARS = 256 * 1024;

/** The `_keep.` fields of the sign-in page's single sign-on form; 400 when too large to keep. */
export function keptForSignOn(fields: FormFields): FormFields {
  const kept = keptFields(fields);
  const chars = kept.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
  if (kept.length > MAX_FIELDS || chars > MAX_CHARS)
    throw new InvalidInputError([{ field: 'form', code: 'too_big', params: { maximum: MAX_CHARS } }]);
  return kept;
}

/** The "continue" page after signing on, or null when there is no work form to post on. */
export function resumeAfterSignOn(
  c: Context<AppEnv>,
  signedIn: SignedIn,
  next: string,
  kept: FormFields,
): Response | null {
  if (kept.length === 0 || !isWorkPath(new URL(next, 'http://x').pathname)) return null;
  c.set('auth', signedIn);
  c.set('actor', signedIn.actor);
  const ui = workUi(c);
  return renderWork(
    c,
    ui,
    { title: ui.w.signIn.continueTitle },
    <ContinuePage ui={ui} auth={signedIn} next={next} kept={kept} />,
  );
}

/**
 * The answer to the sign-in page's POST with a kept form: a page that moves on to the provider
 * (the Refresh header; a link as well), not a redirect. A redirect would continue the form's own
 * navigation, which the pages' CSP `form-action 'self'` refuses for another origin (browsers
 * apply form-action to every redirect of a form submission).
 */
export function leaveForProvider(c: Context<AppEnv>, to: URL): Response {
  const ui = workUi(c);
  const t = (ui.locale === 'en' ? hardeningEn : hardeningVi).signOn;
  c.header('Refresh', `0; url=${to.href}`);
  return renderWork(
    c,
    ui,
    { title: t.leavingTitle, crumbs: [] },
    <section class="work-form narrow">
      <h1>{t.leavingTitle}</h1>
      <p>{t.leavingBody}</p>
      <p>
        <a class="button" href={to.href}>
          {t.leavingLink}
        </a>
      </p>
    </section>,
  );
}
