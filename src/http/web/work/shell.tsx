import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldIssue } from '../../../domain/errors.ts';
import { format } from '../../../i18n/index.ts';
import { workMessages } from '../../../i18n/work.en.ts';
import type { WorkMessages } from '../../../i18n/work.vi.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { AppEnv } from '../../env.ts';
import { CSRF_FIELD } from '../../middleware/csrf.ts';
import { fieldMessage } from '../../problem.ts';
import type { Crumb } from '../layout.tsx';
import { renderPage } from '../render.tsx';
import { makeUi, type Ui } from '../ui.ts';
import { workPaths } from './paths.ts';

export interface WorkUi extends Ui {
  w: WorkMessages;
}

export function workUi(c: Context<AppEnv>): WorkUi {
  const ui = makeUi(c);
  return { ...ui, w: workMessages(ui.locale) };
}

export function renderWork(
  c: Context<AppEnv>,
  ui: WorkUi,
  options: { title: string; status?: ContentfulStatusCode; crumbs?: Crumb[] },
  body: Child,
): Response {
  // Personal pages with the session's CSRF token: never kept by a cache (ASVS 8.2.1).
  c.header('Cache-Control', 'no-store');
  return renderPage(
    c,
    ui,
    {
      title: options.title,
      section: 'work',
      status: options.status ?? 200,
      crumbs: options.crumbs ?? [{ href: workPaths.home, text: ui.w.work.title }],
    },
    body,
  );
}

/** The hidden field every POST form carries (the session's synchronizer token). */
export function Csrf({ auth }: { auth: Authenticated }) {
  return <input type="hidden" name={CSRF_FIELD} value={auth.csrfToken} />;
}

/** A success or information line at the top of a page. */
export function Flash({ text, kind = 'ok' }: { text: string | null | undefined; kind?: 'ok' | 'error' }) {
  if (!text) return null;
  return (
    <p
      class={`notice ${kind === 'ok' ? 'notice-ok' : 'notice-error'}`}
      role={kind === 'ok' ? 'status' : 'alert'}
    >
      {text}
    </p>
  );
}

export const errorId = (key: string) => `err-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** The message beside a field, referenced by the field's aria-describedby. */
export function FieldError({ ui, id, issue }: { ui: Ui; id: string; issue: FieldIssue | undefined }) {
  if (!issue) return null;
  return (
    <p class="field-error" id={errorId(id)}>
      {fieldMessage(issue, ui.locale)}
    </p>
  );
}

/** aria attributes of a field with (or without) an error; `hint` is the id of its hint, if any. */
export function described(key: string, issue: FieldIssue | undefined, hint?: string) {
  const ids = [...(issue ? [errorId(key)] : []), ...(hint ? [hint] : [])];
  return {
    'aria-invalid': issue ? ('true' as const) : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  };
}

/**
 * A labelled input (a textarea when `rows` is given) with its hint and the message beside it:
 * the work screens' text field. The id is `f-<name>` unless given.
 */
export function TextField(props: {
  ui: Ui;
  name: string;
  label: string;
  value: string | null;
  issue: FieldIssue | undefined;
  id?: string;
  hint?: string | undefined;
  type?: string;
  required?: boolean;
  rows?: number;
}) {
  const id = props.id ?? `f-${props.name}`;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const aria = described(props.name, props.issue, hintId);
  return (
    <div class={props.issue ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <FieldError ui={props.ui} id={props.name} issue={props.issue} />
      {props.rows ? (
        <textarea id={id} name={props.name} rows={props.rows} {...aria}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          required={props.required}
          {...aria}
        />
      )}
    </div>
  );
}

/** The list of errors at the top of a form, each linking to its field (GOV.UK error summary). */
export function ErrorSummary({
  ui,
  issues,
  label,
}: {
  ui: WorkUi;
  issues: readonly FieldIssue[];
  label: (field: string) => string;
}) {
  if (issues.length === 0) return null;
  return (
    <div class="notice notice-error" role="alert">
      <h2>{format(ui.w.work.errorSummary, { count: issues.length })}</h2>
      <ul>
        {issues.map((issue) => (
          <li>
            <strong>{label(issue.field)}</strong>: {fieldMessage(issue, ui.locale)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function forbiddenPage(c: Context<AppEnv>): Response {
  const ui = workUi(c);
  return renderWork(
    c,
    ui,
    { title: ui.w.work.forbiddenTitle, status: 403 },
    <section class="error-page">
      <h1>{ui.w.work.forbiddenTitle}</h1>
      <p>{ui.w.work.forbiddenBody}</p>
    </section>,
  );
}
