import type { Context } from 'hono';
import { InvalidInputError, NotFoundError, type FieldIssue } from '../../domain/errors.ts';
import { format } from '../../i18n/index.ts';
import type { AppEnv } from '../env.ts';
import { fieldMessage } from '../problem.ts';
import { paths } from './paths.ts';
import { renderPage } from './render.tsx';
import { label, makeUi, type Ui } from './ui.ts';

/** The parameter as a person knows it ("Loại" rather than "kind[0]"). */
export function paramLabel(ui: Ui, field: string): string {
  return label(ui.m.web.param, field.replace(/\[\d+\]$/, ''));
}

/** A list of what was wrong with the address, each with the parameter's name and the reason. */
export function IssueList({ ui, issues }: { ui: Ui; issues: readonly FieldIssue[] }) {
  return (
    <div class="notice notice-error" role="alert">
      <h2>{ui.m.web.badRequest.title}</h2>
      <p>{ui.m.web.badRequest.body}</p>
      <ul>
        {issues.map((issue) => (
          <li>
            <strong>{paramLabel(ui, issue.field)}</strong>: {fieldMessage(issue, ui.locale)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function notFoundPage(c: Context<AppEnv>, detail?: string): Response {
  const ui = makeUi(c);
  const m = ui.m.notFoundPage;
  return renderPage(
    c,
    ui,
    { title: m.title, status: 404 },
    <section class="error-page">
      <h1>{m.title}</h1>
      <p>{detail ?? m.body}</p>
      <p>
        <a href={paths.catalogue}>{m.back}</a>
      </p>
    </section>,
  );
}

/**
 * Errors raised while building a page, as pages: an unknown platform or organisation is a 404,
 * bad parameters a 400 naming them, anything else a 500 that shows only the request id.
 */
export function errorPage(error: unknown, c: Context<AppEnv>): Response {
  const ui = makeUi(c);
  if (error instanceof NotFoundError) {
    const resource = label(ui.m.resource, error.resource);
    return notFoundPage(c, format(ui.m.problem.not_found.detail, { resource, key: error.key }));
  }
  if (error instanceof InvalidInputError) {
    return renderPage(
      c,
      ui,
      { title: ui.m.web.badRequest.title, status: 400 },
      <section class="error-page">
        <h1>{ui.m.web.badRequest.title}</h1>
        <IssueList ui={ui} issues={error.issues} />
      </section>,
    );
  }
  const requestId = c.get('requestId') ?? '';
  (c.get('log') ?? console).error({ err: error, requestId }, 'page failed');
  const m = ui.m.problem.internal;
  return renderPage(
    c,
    ui,
    { title: m.title, status: 500 },
    <section class="error-page">
      <h1>{m.title}</h1>
      <p>{format(m.detail, { requestId })}</p>
    </section>,
  );
}
