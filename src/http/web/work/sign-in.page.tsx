import type { FieldIssue } from '../../../domain/errors.ts';
import { format } from '../../../i18n/index.ts';
import { signOnEn } from '../../../i18n/sign-on.en.ts';
import { signOnVi } from '../../../i18n/sign-on.vi.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { FormFields } from './form.ts';
import { workPaths } from './paths.ts';
import { Csrf, described, FieldError, Flash, type WorkUi } from './shell.tsx';

/** Fields carried over a sign-in are renamed so they cannot collide with the sign-in form's own. */
export const KEEP_PREFIX = '_keep.';

export interface SignInView {
  email: string;
  next: string;
  /** A form whose session had expired: sent on after signing in. */
  kept: FormFields;
  issues: Map<string, FieldIssue>;
  message?: { text: string; kind: 'ok' | 'error' } | undefined;
  /** Where single sign-on starts; null when it is not configured (no button). */
  signOnStart?: string | null;
}

export function SignInPage({ ui, view }: { ui: WorkUi; view: SignInView }) {
  const t = ui.w.signIn;
  const email = view.issues.get('email');
  const password = view.issues.get('password');
  return (
    <section class="work-form narrow">
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {view.message ? <Flash text={view.message.text} kind={view.message.kind} /> : null}
      <form method="post" action={workPaths.signIn} novalidate>
        <input type="hidden" name="next" value={view.next} />
        {view.kept.map(([name, value]) => (
          <input type="hidden" name={`${KEEP_PREFIX}${name}`} value={value} />
        ))}
        <div class="field">
          <label for="email">{t.email}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={view.email}
            {...described('email', email)}
          />
          <FieldError ui={ui} id="email" issue={email} />
        </div>
        <div class="field">
          <label for="password">{t.password}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            {...described('password', password)}
          />
          <FieldError ui={ui} id="password" issue={password} />
        </div>
        <div class="form-actions">
          <button type="submit">{t.submit}</button>
        </div>
      </form>
      <p>
        <a href={workPaths.forgotPassword}>{t.forgot}</a>
      </p>
      {view.signOnStart ? <SignOnButton ui={ui} view={view} start={view.signOnStart} /> : null}
    </section>
  );
}

/**
 * Single sign-on, to the same destination. A plain link (GET) works without JavaScript; a kept
 * form (an expired session) is posted instead, so the server stores it with the flow and
 * nothing typed travels in an address.
 */
function SignOnButton({ ui, view, start }: { ui: WorkUi; view: SignInView; start: string }) {
  const label = (ui.locale === 'en' ? signOnEn : signOnVi).button;
  if (view.kept.length === 0)
    return (
      <p class="sign-on">
        <a class="button" href={`${start}?returnTo=${encodeURIComponent(view.next)}`}>
          {label}
        </a>
      </p>
    );
  return (
    <form method="post" action={start} class="sign-on">
      <input type="hidden" name="returnTo" value={view.next} />
      {view.kept.map(([name, value]) => (
        <input type="hidden" name={`${KEEP_PREFIX}${name}`} value={value} />
      ))}
      <button type="submit" class="secondary">
        {label}
      </button>
    </form>
  );
}

/** After signing in again: the kept form, posted on to where it was going with the new token. */
export function ContinuePage({
  ui,
  auth,
  next,
  kept,
}: {
  ui: WorkUi;
  auth: Authenticated;
  next: string;
  kept: FormFields;
}) {
  return (
    <section class="work-form narrow">
      <h1>{ui.w.signIn.continueTitle}</h1>
      <p>{ui.w.signIn.continueBody}</p>
      <form method="post" action={next}>
        <Csrf auth={auth} />
        {kept.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <div class="form-actions">
          <button type="submit">{ui.w.signIn.continueButton}</button>
        </div>
      </form>
    </section>
  );
}

export function ForgotPasswordPage({
  ui,
  email,
  issue,
  done,
}: {
  ui: WorkUi;
  email: string;
  issue: FieldIssue | undefined;
  done: boolean;
}) {
  const t = ui.w.reset;
  return (
    <section class="work-form narrow">
      <h1>{t.requestTitle}</h1>
      {done ? <Flash text={t.requested} /> : <p class="lead">{t.requestIntro}</p>}
      <form method="post" action={workPaths.forgotPassword} novalidate>
        <div class="field">
          <label for="email">{ui.w.signIn.email}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={email}
            {...described('email', issue)}
          />
          <FieldError ui={ui} id="email" issue={issue} />
        </div>
        <div class="form-actions">
          <button type="submit">{t.requestSubmit}</button>
        </div>
      </form>
    </section>
  );
}

export function ResetPasswordPage({
  ui,
  token,
  minimum,
  issues,
}: {
  ui: WorkUi;
  token: string;
  minimum: number;
  issues: Map<string, FieldIssue>;
}) {
  const t = ui.w.reset;
  const tokenIssue = issues.get('token');
  const password = issues.get('password');
  const confirm = issues.get('confirm');
  return (
    <section class="work-form narrow">
      <h1>{t.title}</h1>
      <p class="lead" id="password-hint">
        {format(t.intro, { minimum })}
      </p>
      {tokenIssue ? (
        <div class="notice notice-error" role="alert">
          <FieldError ui={ui} id="token" issue={tokenIssue} />
          <p>
            <a href={workPaths.forgotPassword}>{ui.w.reset.requestTitle}</a>
          </p>
        </div>
      ) : null}
      <form method="post" action={workPaths.resetPassword} novalidate>
        <input type="hidden" name="token" value={token} />
        <div class="field">
          <label for="password">{t.password}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            minlength={minimum}
            {...described('password', password, 'password-hint')}
          />
          <FieldError ui={ui} id="password" issue={password} />
        </div>
        <div class="field">
          <label for="confirm">{t.confirm}</label>
          <input
            id="confirm"
            name="confirm"
            type="password"
            autocomplete="new-password"
            required
            {...described('confirm', confirm)}
          />
          <FieldError ui={ui} id="confirm" issue={confirm} />
        </div>
        <div class="form-actions">
          <button type="submit">{t.submit}</button>
        </div>
      </form>
    </section>
  );
}

export function ChangePasswordPage({
  ui,
  auth,
  minimum,
  issues,
  done,
}: {
  ui: WorkUi;
  auth: Authenticated;
  minimum: number;
  issues: Map<string, FieldIssue>;
  done: boolean;
}) {
  const t = ui.w.reset;
  const field = (name: 'currentPassword' | 'password' | 'confirm', text: string, autocomplete: string) => {
    const issue = issues.get(name);
    return (
      <div class={issue ? 'field field-invalid' : 'field'}>
        <label for={name}>{text}</label>
        <FieldError ui={ui} id={name} issue={issue} />
        <input
          id={name}
          name={name}
          type="password"
          autocomplete={autocomplete}
          required
          {...described(name, issue, name === 'password' ? 'password-hint' : undefined)}
        />
      </div>
    );
  };
  return (
    <section class="work-form narrow">
      <h1>{t.changeTitle}</h1>
      {done ? <Flash text={t.changed} /> : null}
      {auth.user.mustChangePassword ? <p class="notice">{t.mustChange}</p> : null}
      <p class="lead" id="password-hint">
        {format(t.intro, { minimum })}
      </p>
      <form method="post" action={workPaths.changePassword} novalidate>
        <Csrf auth={auth} />
        {field('currentPassword', t.current, 'current-password')}
        {field('password', t.password, 'new-password')}
        {field('confirm', t.confirm, 'new-password')}
        <div class="form-actions">
          <button type="submit">{t.submit}</button>
        </div>
      </form>
    </section>
  );
}
