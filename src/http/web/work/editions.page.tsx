import { DOCUMENT_KINDS } from '../../../domain/edition.ts';
import type { FieldIssue } from '../../../domain/errors.ts';
import { format } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type {
  EditionRecordView,
  EditionWorkflowService,
} from '../../../services/edition-workflow.service.ts';
import { paths } from '../paths.ts';
import { cite, formatInstant } from '../ui.ts';
import { authorityPaths } from './authority-paths.ts';
import { fileSize, type AuthorityUi } from './authority-shell.tsx';
import { Csrf, described, ErrorSummary, FieldError, Flash, TextField } from './shell.tsx';
import { fieldLabel } from './values.tsx';

/** What the "new draft" form holds (as typed, so a refused form comes back unchanged). */
export interface DraftValues {
  number: string;
  issuedOn: string;
  issuer: string;
  kind: string;
  title: string;
  sourceUrl: string;
}
export const EMPTY_DRAFT: DraftValues = {
  number: '',
  issuedOn: '',
  issuer: '',
  kind: 'dispatch',
  title: '',
  sourceUrl: '',
};
export const DRAFT_FIELDS = ['number', 'issuedOn', 'issuer', 'kind', 'title', 'sourceUrl', 'file'] as const;

export const editionCitation = (ui: AuthorityUi, e: Pick<EditionRecordView, 'document'>) =>
  cite(ui, e.document.number, e.document.issuedOn);

const draftLabel = (ui: AuthorityUi, field: string): string => {
  const t = ui.a.editions;
  const labels: Record<string, string> = {
    number: t.number,
    issuedOn: t.issuedOn,
    issuer: t.issuerField,
    kind: t.kind,
    title: t.docTitle,
    sourceUrl: t.sourceUrl,
    file: t.file,
  };
  return labels[field] ?? field;
};

export function EditionsPage({
  ui,
  auth,
  editions,
  values,
  issues,
  flash,
  maxFileBytes,
}: {
  ui: AuthorityUi;
  auth: Authenticated;
  editions: readonly EditionRecordView[];
  values: DraftValues;
  issues: readonly FieldIssue[];
  flash?: { text: string; kind: 'ok' | 'error' } | undefined;
  maxFileBytes: number;
}) {
  const t = ui.a.editions;
  const issue = (field: string) => issues.find((i) => i.field === field);
  return (
    <section>
      <h1>{ui.a.nav.editions}</h1>
      <p class="lead">{t.intro}</p>
      <Flash text={flash?.text} kind={flash?.kind} />
      {editions.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap">
          <table class="editions">
            <thead>
              <tr>
                <th scope="col">{t.document}</th>
                <th scope="col">{t.title}</th>
                <th scope="col">{t.issuer}</th>
                <th scope="col">{t.status}</th>
                <th scope="col" class="num">
                  {t.platforms}
                </th>
              </tr>
            </thead>
            <tbody>
              {editions.map((e) => (
                <tr data-edition={e.id}>
                  <th scope="row">
                    <a href={authorityPaths.edition(e.id)}>{editionCitation(ui, e)}</a>
                  </th>
                  <td>{e.document.title}</td>
                  <td>{e.document.issuerName}</td>
                  <td>
                    {e.status === 'published' ? (
                      <>
                        {t.published}
                        {e.publishedAt ? ` (${formatInstant(e.publishedAt)})` : ''}
                        <br />
                        <a href={paths.edition(e.document.number)}>{t.publicPage}</a>
                      </>
                    ) : (
                      <strong>{t.draft}</strong>
                    )}
                  </td>
                  <td class="num">{e.entries.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editions.length >= 2 ? <CompareForm ui={ui} editions={editions} /> : null}
      <section aria-labelledby="new-draft">
        <h2 id="new-draft">{t.newTitle}</h2>
        <form
          method="post"
          action={authorityPaths.editions}
          enctype="multipart/form-data"
          class="work-form narrow"
          novalidate
        >
          <Csrf auth={auth} />
          <ErrorSummary ui={ui} issues={issues} label={(f) => draftLabel(ui, f)} />
          <TextField
            ui={ui}
            id="draft-number"
            name="number"
            label={t.number}
            hint={t.numberHint}
            value={values.number}
            issue={issue('number')}
            required
          />
          <TextField
            ui={ui}
            id="draft-issuedOn"
            name="issuedOn"
            label={t.issuedOn}
            hint={t.issuedOnHint}
            value={values.issuedOn}
            issue={issue('issuedOn')}
            required
          />
          <TextField
            ui={ui}
            id="draft-issuer"
            name="issuer"
            label={t.issuerField}
            hint={t.issuerHint}
            value={values.issuer}
            issue={issue('issuer')}
            required
          />
          <div class={issue('kind') ? 'field field-invalid' : 'field'}>
            <label for="draft-kind">{t.kind}</label>
            <FieldError ui={ui} id="kind" issue={issue('kind')} />
            <select id="draft-kind" name="kind" {...described('kind', issue('kind'))}>
              {DOCUMENT_KINDS.map((kind) => (
                <option value={kind} selected={kind === values.kind}>
                  {ui.a.docKind[kind]}
                </option>
              ))}
            </select>
          </div>
          <TextField
            ui={ui}
            id="draft-title"
            name="title"
            label={t.docTitle}
            value={values.title}
            issue={issue('title')}
            required
          />
          <TextField
            ui={ui}
            id="draft-sourceUrl"
            name="sourceUrl"
            label={t.sourceUrl}
            hint={t.sourceUrlHint}
            value={values.sourceUrl}
            issue={issue('sourceUrl')}
            type="url"
          />
          <div class={issue('file') ? 'field field-invalid' : 'field'}>
            <label for="draft-file">{t.file}</label>
            <p class="hint" id="draft-file-hint">
              {format(t.fileHint, { size: fileSize(maxFileBytes, ui.locale) })}
            </p>
            <FieldError ui={ui} id="file" issue={issue('file')} />
            <input
              id="draft-file"
              name="file"
              type="file"
              accept="application/pdf"
              {...described('file', issue('file'), 'draft-file-hint')}
            />
          </div>
          <div class="form-actions">
            <button type="submit">{t.create}</button>
          </div>
        </form>
      </section>
    </section>
  );
}

function CompareForm({
  ui,
  editions,
  from,
  to,
}: {
  ui: AuthorityUi;
  editions: readonly EditionRecordView[];
  from?: string;
  to?: string;
}) {
  const t = ui.a.editions;
  const published = editions.filter((e) => e.status === 'published');
  const select = (name: string, id: string, labelText: string, chosen: string | undefined) => (
    <div class="field">
      <label for={id}>{labelText}</label>
      <select id={id} name={name}>
        {editions.map((e) => (
          <option value={e.id} selected={e.id === chosen}>
            {`${editionCitation(ui, e)}${e.status === 'draft' ? ` (${t.draft})` : ''}`}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">{t.compareTitle}</h2>
      <form method="get" action={authorityPaths.editionCompare} class="work-form narrow">
        {select('tu', 'compare-from', t.compareFrom, from ?? published[1]?.id ?? editions[1]?.id)}
        {select('den', 'compare-to', t.compareTo, to ?? editions[0]?.id)}
        <div class="form-actions">
          <button type="submit" class="secondary">
            {t.compareSubmit}
          </button>
        </div>
      </form>
    </section>
  );
}

type Comparison = Awaited<ReturnType<EditionWorkflowService['compare']>>;

export function ComparePage({
  ui,
  editions,
  comparison,
}: {
  ui: AuthorityUi;
  editions: readonly EditionRecordView[];
  comparison: Comparison;
}) {
  const t = ui.a.editions;
  const { from, to } = comparison;
  const named = (e: { name: string | null; slug: string | null; platformId: string }) =>
    e.slug ? <a href={paths.platform(e.slug)}>{e.name ?? e.slug}</a> : <>{e.name ?? e.platformId}</>;
  const list = (
    id: string,
    title: string,
    items: readonly { name: string | null; slug: string | null; platformId: string }[],
  ) => (
    <section aria-labelledby={id} class={`compare-${id}`}>
      <h2 id={id}>{format(title, { count: items.length })}</h2>
      {items.length === 0 ? (
        <p class="muted">{t.nothing}</p>
      ) : (
        <ul>
          {items.map((e) => (
            <li>{named(e)}</li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <section>
      <h1>{format(t.compareHeading, { to: editionCitation(ui, to), from: editionCitation(ui, from) })}</h1>
      <CompareForm ui={ui} editions={editions} from={from.id} to={to.id} />
      {list('added', t.added, comparison.added)}
      {list('removed', t.removed, comparison.removed)}
      <section aria-labelledby="changed" class="compare-changed">
        <h2 id="changed">{format(t.changed, { count: comparison.changed.length })}</h2>
        {comparison.changed.length === 0 ? (
          <p class="muted">{t.nothing}</p>
        ) : (
          <ul>
            {comparison.changed.map((c) => (
              <li>
                {named(c)} — {format(t.versions, { from: c.fromVersion, to: c.toVersion })}
                {c.changes.length > 0 ? (
                  <>
                    {'. '}
                    {t.fields}: {c.changes.map((f) => fieldLabel(ui, f.field)).join(', ')}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>{format(t.unchanged, { count: comparison.unchanged.length })}</p>
    </section>
  );
}
