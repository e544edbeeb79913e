import { Hono, type Context } from 'hono';
import {
  InvalidCredentialsError,
  InvalidInputError,
  RateLimitedError,
  type FieldIssue,
} from '../../../domain/errors.ts';
import { PASSWORD_MIN_LENGTH } from '../../../domain/user.ts';
import { format } from '../../../i18n/index.ts';
import type { Authenticated, AuthService } from '../../../services/auth.service.ts';
import type { PasswordResetService } from '../../../services/password-reset.service.ts';
import { requestMeta } from '../../api/write-context.ts';
import type { AppEnv } from '../../env.ts';
import { clearSessionCookie, setSessionCookie, type CookieOptions } from '../../middleware/session.ts';
import { carried, issuesByKey, one, readForm, safeNext, type FormFields } from './form.ts';
import { isWorkPath, workPaths } from './paths.ts';
import { renderWork, workUi } from './shell.tsx';
import {
  ChangePasswordPage,
  ContinuePage,
  ForgotPasswordPage,
  KEEP_PREFIX,
  ResetPasswordPage,
  SignInPage,
  type SignInView,
} from './sign-in.page.tsx';

const PASSWORD_INPUT_MAX = 1024;

export interface AuthPagesDeps {
  auth: AuthService;
  resets: PasswordResetService;
  cookies: CookieOptions;
}

function signInPage(
  c: Context<AppEnv>,
  view: Partial<SignInView>,
  status: 200 | 400 | 401 | 429 = 200,
): Response {
  const ui = workUi(c);
  // Set by the workflow's middleware when single sign-on is configured: the page offers it.
  const signOnStart = c.get('signOnStart') ?? null;
  const full: SignInView = {
    email: '',
    next: workPaths.home,
    kept: [],
    issues: new Map(),
    signOnStart,
    ...view,
  };
  return renderWork(
    c,
    ui,
    { title: ui.w.signIn.title, status, crumbs: [] },
    <SignInPage ui={ui} view={full} />,
  );
}

/**
 * A work page reached without a (live) session. A GET goes to the sign-in page and back; a
 * POST (a form filled in while the session expired) is answered with the sign-in form carrying
 * what was sent, which is posted on after signing in: nothing typed is lost.
 */
export async function signedInOr(c: Context<AppEnv>): Promise<Authenticated | Response> {
  const auth = c.get('auth');
  if (auth) return auth;
  const url = new URL(c.req.url);
  const next = `${url.pathname}${url.search}`;
  if (c.req.method !== 'POST') return c.redirect(`${workPaths.signIn}?next=${encodeURIComponent(next)}`, 303);
  const ui = workUi(c);
  // Only work forms are kept; never a password (the change-password form is not one of them).
  const kept = isWorkPath(url.pathname) ? carried(await readForm(c)) : [];
  return signInPage(c, { next, kept, message: { text: ui.w.signIn.expired, kind: 'error' } }, 401);
}

export const keptFields = (fields: FormFields): FormFields =>
  fields
    .filter(([name]) => name.startsWith(KEEP_PREFIX))
    .map(([name, value]) => [name.slice(KEEP_PREFIX.length), value] as const);

export function authPages({ auth, resets, cookies }: AuthPagesDeps) {
  const web = new Hono<AppEnv>();

  web.get(workPaths.signIn, (c) => signInPage(c, { next: safeNext(c.req.query('next')) }));

  web.post(workPaths.signIn, async (c) => {
    const ui = workUi(c);
    const fields = await readForm(c);
    const view = {
      email: one(fields, 'email'),
      next: safeNext(one(fields, 'next')),
      kept: keptFields(fields),
    };
    const password = one(fields, 'password');
    const issues: FieldIssue[] = [];
    if (view.email.trim() === '') issues.push({ field: 'email', code: 'required' });
    if (password === '') issues.push({ field: 'password', code: 'required' });
    // As the API: a megabyte "password" must not cost a megabyte of argon2.
    if (password.length > PASSWORD_INPUT_MAX)
      issues.push({ field: 'password', code: 'too_big', params: { maximum: PASSWORD_INPUT_MAX } });
    if (issues.length > 0) return signInPage(c, { ...view, issues: issuesByKey(issues) }, 400);
    let signedIn;
    try {
      signedIn = await auth.signIn({ email: view.email, password }, requestMeta(c));
    } catch (error) {
      if (error instanceof InvalidCredentialsError)
        return signInPage(c, { ...view, message: { text: ui.w.signIn.failed, kind: 'error' } }, 401);
      if (error instanceof RateLimitedError) {
        c.header('Retry-After', String(error.retryAfterSeconds));
        const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
        const text = format(ui.w.signIn.locked, { minutes });
        return signInPage(c, { ...view, message: { text, kind: 'error' } }, 429);
      }
      throw error;
    }
    setSessionCookie(c, signedIn.token, signedIn.expiresAt, cookies);
    c.set('auth', signedIn);
    c.set('actor', signedIn.actor);
    if (signedIn.user.mustChangePassword) return c.redirect(workPaths.changePassword, 303);
    const nextPath = new URL(view.next, 'http://x').pathname;
    if (view.kept.length > 0 && isWorkPath(nextPath)) {
      const page = workUi(c);
      return renderWork(
        c,
        page,
        { title: page.w.signIn.continueTitle },
        <ContinuePage ui={page} auth={signedIn} next={view.next} kept={view.kept} />,
      );
    }
    return c.redirect(view.next, 303);
  });

  const signOut = (everywhere: boolean) => async (c: Context<AppEnv>) => {
    const current = c.get('auth');
    if (!current) return c.redirect(workPaths.signIn, 303);
    const ui = workUi(c);
    let text = ui.w.signIn.signedOut;
    if (everywhere) {
      const count = await auth.signOutEverywhere(current, requestMeta(c));
      text = format(ui.w.signIn.signedOutEverywhere, { count });
    } else await auth.signOut(current, requestMeta(c));
    clearSessionCookie(c, cookies);
    c.set('auth', null);
    c.set('actor', null);
    return signInPage(c, { message: { text, kind: 'ok' } });
  };
  web.post(workPaths.signOut, signOut(false));
  web.post(workPaths.signOutEverywhere, signOut(true));

  const forgot = (c: Context<AppEnv>, email: string, issue: FieldIssue | undefined, done: boolean) => {
    const ui = workUi(c);
    return renderWork(
      c,
      ui,
      { title: ui.w.reset.requestTitle, status: issue ? 400 : 200, crumbs: [] },
      <ForgotPasswordPage ui={ui} email={email} issue={issue} done={done} />,
    );
  };
  web.get(workPaths.forgotPassword, (c) => forgot(c, '', undefined, false));
  web.post(workPaths.forgotPassword, async (c) => {
    const email = one(await readForm(c), 'email').trim();
    if (email === '') return forgot(c, email, { field: 'email', code: 'required' }, false);
    await resets.request(email, requestMeta(c));
    return forgot(c, email, undefined, true);
  });

  const reset = (c: Context<AppEnv>, token: string, issues: FieldIssue[]) => {
    const ui = workUi(c);
    return renderWork(
      c,
      ui,
      { title: ui.w.reset.title, status: issues.length > 0 ? 400 : 200, crumbs: [] },
      <ResetPasswordPage ui={ui} token={token} minimum={PASSWORD_MIN_LENGTH} issues={issuesByKey(issues)} />,
    );
  };
  // The page the reset and invitation e-mails link to (RESET_PAGE_PATH, with ?token=).
  // The token in the address is sent to no other site (Referrer-Policy: same-origin, app.ts).
  web.get(workPaths.resetPassword, (c) => reset(c, c.req.query('token') ?? '', []));
  web.post(workPaths.resetPassword, async (c) => {
    const fields = await readForm(c);
    const token = one(fields, 'token');
    const password = one(fields, 'password');
    if (password.length > PASSWORD_INPUT_MAX)
      return reset(c, token, [
        { field: 'password', code: 'too_big', params: { maximum: PASSWORD_INPUT_MAX } },
      ]);
    if (password !== one(fields, 'confirm'))
      return reset(c, token, [{ field: 'confirm', code: 'password_mismatch' }]);
    try {
      await resets.confirm({ token, password }, requestMeta(c));
    } catch (error) {
      if (error instanceof InvalidInputError) return reset(c, token, error.issues);
      throw error;
    }
    const ui = workUi(c);
    return signInPage(c, { message: { text: ui.w.reset.done, kind: 'ok' } });
  });

  // A one-time password (from the command line) must be changed before anything else.
  const change = (c: Context<AppEnv>, auth: Authenticated, issues: FieldIssue[], done = false) => {
    const ui = workUi(c);
    return renderWork(
      c,
      ui,
      { title: ui.w.reset.changeTitle, status: issues.length > 0 ? 400 : 200 },
      <ChangePasswordPage
        ui={ui}
        auth={auth}
        minimum={PASSWORD_MIN_LENGTH}
        issues={issuesByKey(issues)}
        done={done}
      />,
    );
  };
  web.get(workPaths.changePassword, async (c) => {
    const current = await signedInOr(c);
    return current instanceof Response ? current : change(c, current, []);
  });
  web.post(workPaths.changePassword, async (c) => {
    const current = await signedInOr(c);
    if (current instanceof Response) return current;
    const fields = await readForm(c);
    const currentPassword = one(fields, 'currentPassword');
    const newPassword = one(fields, 'password');
    const tooLong = [currentPassword, newPassword].some((p) => p.length > PASSWORD_INPUT_MAX);
    if (tooLong)
      return change(c, current, [
        { field: 'password', code: 'too_big', params: { maximum: PASSWORD_INPUT_MAX } },
      ]);
    if (newPassword !== one(fields, 'confirm'))
      return change(c, current, [{ field: 'confirm', code: 'password_mismatch' }]);
    try {
      await auth.changePassword(current, { currentPassword, newPassword }, requestMeta(c));
    } catch (error) {
      if (error instanceof InvalidInputError)
        return change(
          c,
          current,
          error.issues.map((i) => (i.field === 'newPassword' ? { ...i, field: 'password' } : i)),
        );
      throw error;
    }
    const user = { ...current.user, mustChangePassword: false };
    c.set('auth', { ...current, user });
    return change(c, { ...current, user }, [], true);
  });

  return web;
}
