import type { Completeness } from '../../../domain/completeness.ts';
import type { FieldIssue } from '../../../domain/errors.ts';
import { format } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { ChangeRequestDetail } from '../../../services/change-request.view.ts';
import { paths } from '../paths.ts';
import { formatInstant, label } from '../ui.ts';
import { workPaths } from './paths.ts';
import { ProposalForm, type ProposalFormProps } from './proposal-form.page.tsx';
import { Csrf, described, FieldError, Flash, type WorkUi } from './shell.tsx';
import { CompletenessPanel, DiffTable } from './values.tsx';
import { DeadlineText } from './lists.page.tsx';

export interface RequestPageProps {
  ui: WorkUi;
  auth: Authenticated;
  detail: ChangeRequestDetail;
  /** The edit form, when the signed-in person may edit the request now. */
  form: ProposalFormProps | null;
  /** Completeness of what is in the form (after "check"), else the saved request's. */
  completeness: Completeness;
  canDecide: boolean;
  canComment: boolean;
  canWithdraw: boolean;
  flash?: string | undefined;
  decisionIssues: readonly FieldIssue[];
  decisionComment: string;
}

export function requestTitle(ui: WorkUi, detail: ChangeRequestDetail): string {
  const kind = label(ui.m.changeRequestKind, detail.kind);
  return detail.platform ? `${kind}: ${detail.platform.name}` : `${kind}: ${detail.proposed.name ?? ''}`;
}

export function RequestPage(props: RequestPageProps) {
  const { ui, auth, detail } = props;
  const t = ui.w.proposal;
  const commentIssue = props.decisionIssues.find((i) => i.field === 'comment');
  return (
    <article class="request">
      <h1>{requestTitle(ui, detail)}</h1>
      <Flash text={props.flash} />
      <dl class="facts request-facts">
        <div class="fact">
          <dt>{ui.w.requests.status}</dt>
          <dd>
            <span class={`badge status-${detail.status}`}>
              {label(ui.m.changeRequestStatus, detail.status)}
            </span>
          </dd>
        </div>
        <div class="fact">
          <dt>{ui.w.requests.organisation}</dt>
          <dd>{detail.organisation?.name ?? ''}</dd>
        </div>
        <div class="fact">
          <dt>{t.author}</dt>
          <dd>{detail.author.name}</dd>
        </div>
        {detail.submittedAt ? (
          <div class="fact">
            <dt>{t.submittedAt}</dt>
            <dd>{formatInstant(detail.submittedAt)}</dd>
          </div>
        ) : null}
        {detail.deadline ? (
          <div class="fact">
            <dt>{ui.w.requests.deadline}</dt>
            <dd>
              <DeadlineText ui={ui} deadline={detail.deadline} />
            </dd>
          </div>
        ) : null}
        {detail.platform ? (
          <div class="fact">
            <dt>{t.platform}</dt>
            <dd>
              <a href={paths.platform(detail.platform.slug)}>{detail.platform.name}</a>
            </dd>
          </div>
        ) : null}
        <div class="fact">
          <dt>{ui.w.requests.summary}</dt>
          <dd>{detail.summary}</dd>
        </div>
      </dl>
      {detail.platformChanged ? (
        <p class="notice notice-error" role="alert">
          {t.platformChanged}
        </p>
      ) : null}
      {detail.status !== 'approved' && detail.kind !== 'retire' ? (
        <CompletenessPanel ui={ui} completeness={props.completeness} />
      ) : null}
      {detail.status !== 'approved' ? <DiffTable ui={ui} changes={detail.changes} /> : null}
      <section class="comments" aria-labelledby="comments-title">
        <h2 id="comments-title">{t.comments}</h2>
        {detail.comments.length === 0 ? (
          <p>{t.noComments}</p>
        ) : (
          <ol class="comment-list">
            {detail.comments.map((comment) => (
              <li class={`comment comment-${comment.kind}`}>
                <p class="comment-meta">
                  <strong>{comment.authorName}</strong> · {label(ui.w.commentKind, comment.kind)} ·{' '}
                  {formatInstant(comment.createdAt)}
                </p>
                <p class="comment-body">{comment.body}</p>
              </li>
            ))}
          </ol>
        )}
        {props.canComment ? (
          <form method="post" action={workPaths.comment(detail.id)} class="work-form">
            <Csrf auth={auth} />
            <div class="field">
              <label for="comment-body">{t.comment}</label>
              <textarea id="comment-body" name="body" rows={3} required />
            </div>
            <div class="form-actions">
              <button type="submit" class="secondary">
                {t.addComment}
              </button>
            </div>
          </form>
        ) : null}
      </section>
      {props.canDecide ? (
        <section class="decision" aria-labelledby="decision-title">
          <h2 id="decision-title">{t.decision}</h2>
          <form method="post" action={workPaths.decision(detail.id)} class="work-form" novalidate>
            <Csrf auth={auth} />
            <input type="hidden" name="version" value={String(detail.version)} />
            <div class={commentIssue ? 'field field-invalid' : 'field'}>
              <label for="decision-comment">{t.decisionComment}</label>
              <FieldError ui={ui} id="comment" issue={commentIssue} />
              <textarea id="decision-comment" name="comment" rows={4} {...described('comment', commentIssue)}>
                {props.decisionComment}
              </textarea>
            </div>
            <div class="form-actions">
              <button type="submit" name="decision" value="request_changes" class="secondary">
                {t.requestChanges}
              </button>
              <button type="submit" name="decision" value="reject" class="danger">
                {t.reject}
              </button>
              <button type="submit" name="decision" value="approve">
                {t.approve}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      {props.form ? (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{t.editTitle}</h2>
          <ProposalForm {...props.form} />
        </section>
      ) : null}
      {props.canWithdraw ? (
        <form method="post" action={workPaths.withdraw(detail.id)} class="withdraw">
          <Csrf auth={auth} />
          <input type="hidden" name="version" value={String(detail.version)} />
          <button type="submit" class="danger">
            {t.withdraw}
          </button>
        </form>
      ) : null}
      {detail.publishedVersion !== null && detail.platform ? (
        <p>
          {format(t.published, { link: '' })}
          <a href={paths.platform(detail.platform.slug)}>{detail.platform.name}</a>
        </p>
      ) : null}
    </article>
  );
}
