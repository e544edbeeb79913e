import { Hono, type Context } from 'hono';
import {
  ConflictError,
  CsrfError,
  DomainError,
  InvalidInputError,
  NotAllowedError,
  NotFoundError,
  type FieldIssue,
} from '../../../domain/errors.ts';
import { can } from '../../../domain/permission.ts';
import { ROLES, type Role } from '../../../domain/user.ts';
import { format } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { ChangeRequestService } from '../../../services/change-request.service.ts';
import type { PlatformService } from '../../../services/platform.service.ts';
import type { UserService } from '../../../services/user.service.ts';
import { requestMeta } from '../../api/write-context.ts';
import { problemFor } from '../../problem.ts';
import type { AppEnv } from '../../env.ts';
import { errorPage } from '../error.page.tsx';
import { authPages, signedInOr, type AuthPagesDeps } from './auth.routes.tsx';
import { authorityLinks, authorityPages, type AuthorityPagesDeps } from './authority.routes.tsx';
import { one, readForm } from './form.ts';
import { HomePage, MyPlatformsPage, RequestsPage } from './lists.page.tsx';
import { workPaths } from './paths.ts';
import { conflictPage, requestPages } from './requests.routes.tsx';
import { forbiddenPage, renderWork, workUi } from './shell.tsx';
import { UsersPage, type InviteValues } from './users.page.tsx';
import { localSystemWorkLinks } from '../overlap/local-system-links.ts';

export interface WorkPagesDeps extends AuthPagesDeps, AuthorityPagesDeps {
  changeRequests: ChangeRequestService;
  users: UserService;
  platforms: PlatformService;
}

/**
 * The work screens: sign-in and passwords, a ministry's platforms and proposals, the review
 * queue, and user administration. Server-rendered, working without JavaScript; they call the
 * services directly, so validation and permissions are the API's own.
 */
export function workRoutes(deps: WorkPagesDeps) {
  const { changeRequests, users, platforms } = deps;
  const web = new Hono<AppEnv>();
  web.route('/', authPages(deps));
  web.route('/', requestPages(deps));
  web.route('/', authorityPages(deps));

  web.get(workPaths.home, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const a = auth.actor;
    const ui = workUi(c);
    const authority = can(a, 'review_queue.read', { kind: 'review_queue' });
    const links = {
      platforms: a.role === 'ministry_editor',
      requests: a.role === 'ministry_editor' || authority,
      queue: authority,
      users: can(a, 'user.manage', { kind: 'user' }),
    };
    return renderWork(
      c,
      ui,
      { title: ui.w.work.title, crumbs: [] },
      <HomePage ui={ui} links={links} more={[...authorityLinks(c, auth), ...localSystemWorkLinks(ui, a)]} />,
    );
  });

  web.get(workPaths.myPlatforms, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const a = auth.actor;
    if (a.role !== 'ministry_editor') return forbiddenPage(c);
    const ui = workUi(c);
    const [self, list] = await Promise.all([
      users.self(auth.user),
      platforms.list({ owner: [a.organisationId], limit: 10_000, offset: 0 }),
    ]);
    return renderWork(
      c,
      ui,
      { title: ui.w.work.myPlatforms },
      <MyPlatformsPage
        ui={ui}
        organisation={self.organisation?.name ?? ''}
        platforms={list.items}
        canProposeNew={can(a, 'platform.propose_new', { kind: 'new_platform', ownerId: a.organisationId })}
      />,
    );
  });

  const platformNames = async (ids: Iterable<string>) => {
    const names = new Map<string, string>();
    for (const id of new Set(ids))
      names.set(
        id,
        await platforms.get(id).then(
          (p) => p.name,
          () => id,
        ),
      );
    return names;
  };

  web.get(workPaths.requests, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const ui = workUi(c);
    const [self, list] = await Promise.all([users.self(auth.user), changeRequests.list(auth.actor, {})]);
    const names = await platformNames(list.flatMap((cr) => (cr.platformId ? [cr.platformId] : [])));
    const authority = can(auth.actor, 'review_queue.read', { kind: 'review_queue' });
    return renderWork(
      c,
      ui,
      { title: ui.w.work.myRequests },
      <RequestsPage
        ui={ui}
        title={ui.w.work.myRequests}
        intro={format(ui.w.requests.intro, { organisation: self.organisation?.name ?? '' })}
        empty={ui.w.requests.empty}
        requests={list}
        names={names}
        queue={authority}
      />,
    );
  });

  web.get(workPaths.reviewQueue, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    if (!can(auth.actor, 'review_queue.read', { kind: 'review_queue' })) return forbiddenPage(c);
    const ui = workUi(c);
    const list = await changeRequests.list(auth.actor, { status: ['submitted', 'resubmitted'] });
    const names = await platformNames(list.flatMap((cr) => (cr.platformId ? [cr.platformId] : [])));
    return renderWork(
      c,
      ui,
      { title: ui.w.work.reviewQueue },
      <RequestsPage
        ui={ui}
        title={ui.w.work.reviewQueue}
        intro={ui.w.queue.intro}
        empty={ui.w.queue.empty}
        requests={list}
        names={names}
        queue
      />,
    );
  });

  // ——— Users (administrators) ———
  const usersPage = async (
    c: Context<AppEnv>,
    auth: Authenticated,
    state: { invite?: InviteValues; issues?: FieldIssue[]; flash?: string; failedUserId?: string },
    status: 200 | 400 = 200,
  ) => {
    const ui = workUi(c);
    const list = await users.list(auth.actor);
    return renderWork(
      c,
      ui,
      { title: ui.w.work.users, status },
      <UsersPage
        ui={ui}
        auth={auth}
        users={list}
        invite={state.invite ?? { email: '', name: '', role: 'ministry_editor', organisation: '' }}
        issues={state.issues ?? []}
        flash={state.flash}
        failedUserId={state.failedUserId}
      />,
    );
  };

  web.get(workPaths.users, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    if (!can(auth.actor, 'user.manage', { kind: 'user' })) return forbiddenPage(c);
    return usersPage(c, auth, {});
  });

  web.post(workPaths.users, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    if (!can(auth.actor, 'user.manage', { kind: 'user' })) return forbiddenPage(c);
    const fields = await readForm(c);
    const invite = {
      email: one(fields, 'email').trim(),
      name: one(fields, 'name').trim(),
      role: one(fields, 'role'),
      organisation: one(fields, 'organisation').trim(),
    };
    const issues: FieldIssue[] = [];
    if (invite.name === '') issues.push({ field: 'name', code: 'required' });
    if (invite.email === '') issues.push({ field: 'email', code: 'required' });
    if (!ROLES.includes(invite.role as Role)) issues.push({ field: 'role', code: 'invalid_value' });
    if (invite.organisation === '') issues.push({ field: 'organisation', code: 'required' });
    if (issues.length > 0) return usersPage(c, auth, { invite, issues }, 400);
    try {
      await users.create(auth.actor, { ...invite, role: invite.role as Role }, requestMeta(c));
    } catch (error) {
      if (error instanceof InvalidInputError)
        return usersPage(c, auth, { invite, issues: error.issues }, 400);
      throw error;
    }
    const ui = workUi(c);
    return usersPage(c, auth, { flash: format(ui.w.users.invited, { email: invite.email }) });
  });

  web.post('/cong-viec/nguoi-dung/:id', async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    if (!can(auth.actor, 'user.manage', { kind: 'user' })) return forbiddenPage(c);
    const id = c.req.param('id');
    const fields = await readForm(c);
    const role = one(fields, 'role');
    if (!ROLES.includes(role as Role))
      return usersPage(
        c,
        auth,
        { issues: [{ field: 'role', code: 'invalid_value' }], failedUserId: id },
        400,
      );
    let updated;
    try {
      updated = await users.update(
        auth.actor,
        id,
        {
          version: Number(one(fields, 'version')) || 0,
          role: role as Role,
          organisation: one(fields, 'organisation').trim(),
          disabled: one(fields, 'disabled') === 'true',
        },
        requestMeta(c),
      );
    } catch (error) {
      if (error instanceof InvalidInputError)
        return usersPage(c, auth, { issues: error.issues, failedUserId: id }, 400);
      throw error;
    }
    const ui = workUi(c);
    return usersPage(c, auth, { flash: format(ui.w.users.updated, { email: updated.email }) });
  });

  web.onError(workErrorPage);
  return web;
}

/** Errors of the work pages as pages: not allowed → 403, a lost race → 409, the rest as the portal's. */
export function workErrorPage(error: unknown, c: Context<AppEnv>): Response {
  if (error instanceof NotAllowedError) return forbiddenPage(c);
  if (error instanceof ConflictError) return conflictPage(c, error);
  if (error instanceof CsrfError) {
    const ui = workUi(c);
    return renderWork(
      c,
      ui,
      { title: ui.w.work.csrfTitle, status: 403 },
      <section class="error-page">
        <h1>{ui.w.work.csrfTitle}</h1>
        <p>{ui.w.work.csrfBody}</p>
      </section>,
    );
  }
  if (
    error instanceof DomainError &&
    !(error instanceof NotFoundError) &&
    !(error instanceof InvalidInputError)
  ) {
    // Rate limits, a password that must be changed, ...: the API's words, as a page.
    const ui = workUi(c);
    const { status, body } = problemFor(error, c);
    return renderWork(
      c,
      ui,
      { title: body.title, status },
      <section class="error-page">
        <h1>{body.title}</h1>
        <p>{body.detail}</p>
      </section>,
    );
  }
  return errorPage(error, c);
}
