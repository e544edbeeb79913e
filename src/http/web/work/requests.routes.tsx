import { Hono, type Context } from 'hono';
import { completeness as completenessOf } from '../../../domain/completeness.ts';
import { isAwaitingReview, isEditable, type ChangeRequestKind } from '../../../domain/change-request.ts';
import { ConflictError, InvalidInputError, type FieldIssue } from '../../../domain/errors.ts';
import { can, type Actor } from '../../../domain/permission.ts';
import { format } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { ChangeRequestService } from '../../../services/change-request.service.ts';
import type { ChangeRequestDetail } from '../../../services/change-request.view.ts';
import type { PlatformService } from '../../../services/platform.service.ts';
import { target } from '../../../services/change-request.steps.ts';
import { requestMeta } from '../../api/write-context.ts';
import type { AppEnv } from '../../env.ts';
import { label } from '../ui.ts';
import { signedInOr } from './auth.routes.tsx';
import { one, readForm, type FormFields } from './form.ts';
import { workPaths } from './paths.ts';
import {
  changedFields,
  contentOf,
  EMPTY,
  formBase,
  proposalFrom,
  readContent,
  type Content,
} from './proposal-form.ts';
import { ProposalForm, type ProposalFormProps } from './proposal-form.page.tsx';
import { RequestPage, requestTitle } from './request.page.tsx';
import { forbiddenPage, renderWork, workUi } from './shell.tsx';
import { CompletenessPanel } from './values.tsx';

export interface RequestPagesDeps {
  changeRequests: ChangeRequestService;
  platforms: PlatformService;
}

const KINDS: readonly ChangeRequestKind[] = ['create', 'update', 'retire'];
const SUMMARY_MAX = 500;

function summaryIssues(summary: string): FieldIssue[] {
  if (summary.trim() === '') return [{ field: 'summary', code: 'required' }];
  if (summary.trim().length > SUMMARY_MAX)
    return [{ field: 'summary', code: 'too_big', params: { maximum: SUMMARY_MAX } }];
  return [];
}

const FLASH = { saved: 'saved', submitted: 'submitted', decided: 'decided' } as const;

/** Proposals (new, change, retirement), their detail with the diff, and the reviewer's decisions. */
export function requestPages({ changeRequests, platforms }: RequestPagesDeps) {
  const web = new Hono<AppEnv>();

  /** The published content of the request's platform (null for a new platform). */
  const currentContent = async (detail: Pick<ChangeRequestDetail, 'platform'>): Promise<Content | null> =>
    detail.platform ? contentOf(await platforms.get(detail.platform.id)) : null;

  const editable = (actor: Actor, detail: ChangeRequestDetail) =>
    isEditable(detail.status) && can(actor, 'change_request.edit', target(detail));

  /** The detail page; `form` overrides the edit form's values and issues (a refused save). */
  const detailPage = async (
    c: Context<AppEnv>,
    auth: Authenticated,
    detail: ChangeRequestDetail,
    options: {
      status?: 200 | 400 | 409;
      values?: Content | null;
      summary?: string;
      issues?: FieldIssue[];
      decisionIssues?: FieldIssue[];
      decisionComment?: string;
      checked?: boolean;
      flash?: string;
    } = {},
  ) => {
    const ui = workUi(c);
    const actor = auth.actor;
    const current = await currentContent(detail);
    const values = detail.kind === 'retire' ? null : (options.values ?? formBase(current, detail.proposed));
    const form: ProposalFormProps | null = editable(actor, detail)
      ? {
          ui,
          auth,
          action: workPaths.request(detail.id),
          hidden: { version: String(detail.version) },
          summary: options.summary ?? detail.summary,
          values,
          issues: options.issues ?? [],
          submitLabel: detail.status === 'changes_requested' ? ui.w.proposal.resubmit : ui.w.proposal.submit,
        }
      : null;
    // What the form holds now (after "check"), else what is saved.
    const completeness =
      options.checked && values
        ? completenessOf(detail.kind === 'create' ? proposalFrom(values) : values)
        : detail.completeness;
    const status = detail.status;
    return renderWork(
      c,
      ui,
      {
        title: requestTitle(ui, detail),
        status: options.status ?? 200,
        crumbs: [
          { href: workPaths.home, text: ui.w.work.title },
          can(actor, 'review_queue.read', { kind: 'review_queue' })
            ? { href: workPaths.reviewQueue, text: ui.w.work.reviewQueue }
            : { href: workPaths.requests, text: ui.w.work.myRequests },
        ],
      },
      <RequestPage
        ui={ui}
        auth={auth}
        detail={detail}
        form={form}
        completeness={completeness}
        canDecide={isAwaitingReview(status) && can(actor, 'change_request.decide', target(detail))}
        canComment={can(actor, 'change_request.comment', target(detail))}
        canWithdraw={
          (isEditable(status) || isAwaitingReview(status)) &&
          can(actor, 'change_request.withdraw', target(detail))
        }
        flash={options.flash}
        decisionIssues={options.decisionIssues ?? []}
        decisionComment={options.decisionComment ?? ''}
      />,
    );
  };

  // ——— A new request ———
  interface NewForm {
    kind: ChangeRequestKind;
    platform: { slug: string; name: string; content: Content } | null;
  }
  const readNew = async (
    c: Context<AppEnv>,
    actor: Actor,
    kind: string,
    slug: string,
  ): Promise<NewForm | null> => {
    if (!KINDS.includes(kind as ChangeRequestKind)) return null;
    if (kind === 'create')
      return can(actor, 'platform.propose_new', { kind: 'new_platform', ownerId: actor.organisationId })
        ? { kind: 'create', platform: null }
        : null;
    const platform = await platforms.get(slug);
    if (
      !can(actor, 'platform.propose_change', {
        kind: 'platform',
        ownerId: platform.declaredOwner?.id ?? null,
      })
    )
      return null;
    return {
      kind: kind as ChangeRequestKind,
      platform: { slug: platform.slug, name: platform.name, content: contentOf(platform) },
    };
  };

  const newPage = (
    c: Context<AppEnv>,
    auth: Authenticated,
    form: NewForm,
    state: { summary: string; values: Content | null; issues: FieldIssue[]; checked: boolean },
    status: 200 | 400 = 200,
  ) => {
    const ui = workUi(c);
    const kindLabel = label(ui.m.changeRequestKind, form.kind);
    const title = form.platform ? `${kindLabel}: ${form.platform.name}` : kindLabel;
    const values = state.values;
    return renderWork(
      c,
      ui,
      {
        title,
        status,
        crumbs: [
          { href: workPaths.home, text: ui.w.work.title },
          { href: workPaths.myPlatforms, text: ui.w.work.myPlatforms },
        ],
      },
      <section>
        <h1>{title}</h1>
        {values ? (
          <CompletenessPanel
            ui={ui}
            completeness={completenessOf(form.kind === 'create' ? proposalFrom(values) : values)}
          />
        ) : null}
        <ProposalForm
          ui={ui}
          auth={auth}
          action={workPaths.requests}
          hidden={{ requestKind: form.kind, ...(form.platform ? { platform: form.platform.slug } : {}) }}
          summary={state.summary}
          values={values}
          issues={state.issues}
          submitLabel={ui.w.proposal.submit}
        />
      </section>,
    );
  };

  web.get(workPaths.newRequest, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const form = await readNew(c, auth.actor, c.req.query('kind') ?? 'create', c.req.query('platform') ?? '');
    if (!form) return forbiddenPage(c);
    const values = form.kind === 'retire' ? null : (form.platform?.content ?? EMPTY);
    return newPage(c, auth, form, { summary: '', values, issues: [], checked: false });
  });

  web.post(workPaths.requests, async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const fields = await readForm(c);
    const form = await readNew(c, auth.actor, one(fields, 'requestKind'), one(fields, 'platform'));
    if (!form) return forbiddenPage(c);
    const summary = one(fields, 'summary');
    const values = form.kind === 'retire' ? null : readContent(fields);
    const base = form.platform?.content ?? EMPTY;
    const changed = values ? changedFields(values, base) : { proposed: undefined, issues: [] };
    const issues = [...summaryIssues(summary), ...changed.issues];
    const action = one(fields, 'action');
    if (action === 'check' || issues.length > 0)
      return newPage(
        c,
        auth,
        form,
        { summary, values, issues, checked: true },
        issues.length > 0 ? 400 : 200,
      );
    let created: ChangeRequestDetail;
    try {
      created = await changeRequests.create(
        auth.actor,
        {
          kind: form.kind,
          ...(form.platform ? { platform: form.platform.slug } : {}),
          summary,
          ...(changed.proposed ? { proposed: changed.proposed } : {}),
        },
        requestMeta(c),
      );
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return newPage(c, auth, form, { summary, values, issues: error.issues, checked: true }, 400);
    }
    return submitOrShow(c, auth, created, action === 'submit', fields);
  });

  /** After a save: submit if asked; a refused submission shows the saved draft with the reasons. */
  const submitOrShow = async (
    c: Context<AppEnv>,
    auth: Authenticated,
    saved: ChangeRequestDetail,
    submit: boolean,
    fields: FormFields,
  ) => {
    if (!submit) return c.redirect(`${workPaths.request(saved.id)}?ok=${FLASH.saved}`, 303);
    try {
      await changeRequests.transition(
        auth.actor,
        saved.id,
        'submit',
        { version: saved.version },
        requestMeta(c),
      );
    } catch (error) {
      if (error instanceof InvalidInputError)
        return detailPage(c, auth, saved, {
          status: 400,
          issues: error.issues,
          summary: one(fields, 'summary'),
        });
      throw error;
    }
    return c.redirect(`${workPaths.request(saved.id)}?ok=${FLASH.submitted}`, 303);
  };

  // ——— An existing request ———
  web.get('/cong-viec/de-nghi/:id', async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const detail = await changeRequests.get(auth.actor, c.req.param('id'));
    const ui = workUi(c);
    const ok = c.req.query('ok');
    const flash =
      ok === FLASH.saved
        ? ui.w.proposal.saved
        : ok === FLASH.submitted
          ? ui.w.proposal.submitted
          : ok === FLASH.decided
            ? ui.w.proposal.decided
            : undefined;
    return detailPage(c, auth, detail, flash ? { flash } : {});
  });

  web.post('/cong-viec/de-nghi/:id', async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const detail = await changeRequests.get(auth.actor, c.req.param('id'));
    if (!editable(auth.actor, detail)) return forbiddenPage(c);
    const fields = await readForm(c);
    const summary = one(fields, 'summary');
    const values = detail.kind === 'retire' ? null : readContent(fields);
    const base = formBase(await currentContent(detail), detail.proposed);
    const changed = values ? changedFields(values, base) : { proposed: {}, issues: [] };
    const issues = [...summaryIssues(summary), ...changed.issues];
    const action = one(fields, 'action');
    if (action === 'check' || issues.length > 0)
      return detailPage(c, auth, detail, {
        status: issues.length > 0 ? 400 : 200,
        values,
        summary,
        issues,
        checked: true,
      });
    const version = Number(one(fields, 'version'));
    let saved: ChangeRequestDetail;
    try {
      saved = await changeRequests.update(
        auth.actor,
        detail.id,
        {
          version: Number.isInteger(version) ? version : 0,
          summary,
          ...(Object.keys(changed.proposed).length > 0 ? { proposed: changed.proposed } : {}),
          // Saving brings a proposal written against an older version up to date.
          ...(detail.platformChanged && detail.platform
            ? { basePlatformVersion: detail.platform.version }
            : {}),
        },
        requestMeta(c),
      );
    } catch (error) {
      if (error instanceof InvalidInputError)
        return detailPage(c, auth, detail, { status: 400, values, summary, issues: error.issues });
      throw error;
    }
    return submitOrShow(c, auth, saved, action === 'submit', fields);
  });

  web.post('/cong-viec/de-nghi/:id/quyet-dinh', async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    const fields = await readForm(c);
    const decision = one(fields, 'decision');
    if (decision !== 'request_changes' && decision !== 'approve' && decision !== 'reject')
      throw new InvalidInputError([{ field: 'decision', code: 'invalid_value' }]);
    const comment = one(fields, 'comment');
    try {
      await changeRequests.transition(
        auth.actor,
        id,
        decision,
        { version: Number(one(fields, 'version')) || 0, comment },
        requestMeta(c),
      );
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const detail = await changeRequests.get(auth.actor, id);
      return detailPage(c, auth, detail, {
        status: 400,
        decisionIssues: error.issues,
        decisionComment: comment,
      });
    }
    return c.redirect(`${workPaths.request(id)}?ok=${FLASH.decided}`, 303);
  });

  web.post('/cong-viec/de-nghi/:id/y-kien', async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    const body = one(await readForm(c), 'body').trim();
    if (body !== '') await changeRequests.comment(auth.actor, id, body, requestMeta(c));
    return c.redirect(workPaths.request(id), 303);
  });

  web.post('/cong-viec/de-nghi/:id/rut', async (c) => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    const version = Number(one(await readForm(c), 'version')) || 0;
    await changeRequests.transition(auth.actor, id, 'withdraw', { version }, requestMeta(c));
    return c.redirect(workPaths.request(id), 303);
  });

  return web;
}

/** A write refused because someone else changed the record first: say so, offer to reload. */
export function conflictPage(c: Context<AppEnv>, error: ConflictError): Response {
  const ui = workUi(c);
  const reason = (ui.m.conflict as Record<string, string>)[error.reason] ?? error.reason;
  return renderWork(
    c,
    ui,
    { title: ui.w.work.conflictTitle, status: 409 },
    <section class="error-page">
      <h1>{ui.w.work.conflictTitle}</h1>
      <p>{format(ui.m.problem.conflict.detail, { reason })}</p>
      <p>
        <a href={c.req.path.replace(/\/(quyet-dinh|y-kien|rut)$/, '')}>{ui.w.work.reload}</a>
      </p>
    </section>,
  );
}
