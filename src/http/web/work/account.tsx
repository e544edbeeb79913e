import { format } from '../../../i18n/index.ts';
import { workMessages } from '../../../i18n/work.en.ts';
import { CSRF_FIELD } from '../../middleware/csrf.ts';
import type { Ui } from '../ui.ts';
import { workPaths } from './paths.ts';

/** The header's account box: who is signed in, the work area and sign-out; or a sign-in link. */
export function AccountBox({ ui }: { ui: Ui }) {
  const w = workMessages(ui.locale);
  const account = ui.account;
  if (!account)
    return (
      <p class="account">
        <a href={workPaths.signIn}>{w.account.signIn}</a>
      </p>
    );
  return (
    <nav class="account" aria-label={w.account.accountNav}>
      <span class="account-name">{format(w.account.signedInAs, { name: account.name })}</span>
      <a href={workPaths.home}>{w.account.workArea}</a>
      <form method="post" action={workPaths.signOut}>
        <input type="hidden" name={CSRF_FIELD} value={account.csrfToken} />
        <button type="submit" class="link-button">
          {w.account.signOut}
        </button>
      </form>
    </nav>
  );
}
