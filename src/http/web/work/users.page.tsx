import type { FieldIssue } from '../../../domain/errors.ts';
import { ROLES } from '../../../domain/user.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { UserView } from '../../../services/user.service.ts';
import { workPaths } from './paths.ts';
import { Csrf, described, ErrorSummary, FieldError, Flash, type WorkUi } from './shell.tsx';

export interface InviteValues {
  email: string;
  name: string;
  role: string;
  organisation: string;
}

export function UsersPage({
  ui,
  auth,
  users,
  invite,
  issues,
  flash,
  failedUserId,
}: {
  ui: WorkUi;
  auth: Authenticated;
  users: readonly UserView[];
  invite: InviteValues;
  issues: readonly FieldIssue[];
  flash?: string | undefined;
  /** The row whose change was refused (its issues are shown there, not in the invitation). */
  failedUserId?: string | undefined;
}) {
  const t = ui.w.users;
  const inviteIssues = failedUserId ? [] : issues;
  const issue = (field: string) => inviteIssues.find((i) => i.field === field);
  const text = (name: keyof InviteValues, labelText: string, type = 'text', hint?: string) => (
    <div class={issue(name) ? 'field field-invalid' : 'field'}>
      <label for={`invite-${name}`}>{labelText}</label>
      {hint ? (
        <p class="hint" id={`invite-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError ui={ui} id={name} issue={issue(name)} />
      <input
        id={`invite-${name}`}
        name={name}
        type={type}
        value={invite[name]}
        required
        {...described(name, issue(name), hint ? `invite-${name}-hint` : undefined)}
      />
    </div>
  );
  return (
    <section>
      <h1>{ui.w.work.users}</h1>
      <p class="lead">{t.intro}</p>
      <Flash text={flash} />
      {failedUserId ? (
        <ErrorSummary ui={ui} issues={issues} label={(f) => (ui.w.users as Record<string, string>)[f] ?? f} />
      ) : null}
      <div class="table-wrap">
        <table class="users">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.organisation}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">
                <span class="visually-hidden">{t.update}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const form = `user-${user.id}`;
              return (
                <tr class={user.disabled ? 'disabled-row' : undefined}>
                  <th scope="row">
                    {user.name}
                    <br />
                    <span class="muted">{user.email}</span>
                    <form id={form} method="post" action={workPaths.user(user.id)}>
                      <Csrf auth={auth} />
                      <input type="hidden" name="version" value={String(user.version)} />
                    </form>
                  </th>
                  <td>
                    <label class="visually-hidden" for={`${form}-role`}>
                      {t.role}
                    </label>
                    <select id={`${form}-role`} name="role" form={form}>
                      {ROLES.map((role) => (
                        <option value={role} selected={role === user.role}>
                          {ui.m.role[role]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <label class="visually-hidden" for={`${form}-organisation`}>
                      {t.organisation}
                    </label>
                    <input
                      id={`${form}-organisation`}
                      name="organisation"
                      form={form}
                      value={user.organisation?.code ?? ''}
                      size={22}
                    />
                    <br />
                    <span class="muted">{user.organisation?.name ?? ''}</span>
                  </td>
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        name="disabled"
                        value="true"
                        form={form}
                        checked={user.disabled}
                      />{' '}
                      {t.disabled}
                    </label>
                  </td>
                  <td>
                    <button type="submit" form={form} class="secondary">
                      {t.update}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="invite-title">
        <h2 id="invite-title">{t.invite}</h2>
        <form method="post" action={workPaths.users} class="work-form narrow" novalidate>
          <Csrf auth={auth} />
          <ErrorSummary
            ui={ui}
            issues={inviteIssues}
            label={(f) => (ui.w.users as Record<string, string>)[f] ?? f}
          />
          {text('name', t.name)}
          {text('email', t.email, 'email')}
          <div class={issue('role') ? 'field field-invalid' : 'field'}>
            <label for="invite-role">{t.role}</label>
            <FieldError ui={ui} id="role" issue={issue('role')} />
            <select id="invite-role" name="role" {...described('role', issue('role'))}>
              {ROLES.map((role) => (
                <option value={role} selected={role === invite.role}>
                  {ui.m.role[role]}
                </option>
              ))}
            </select>
          </div>
          {text('organisation', t.organisation, 'text', t.organisationHint)}
          <div class="form-actions">
            <button type="submit">{t.inviteSubmit}</button>
          </div>
        </form>
      </section>
    </section>
  );
}
