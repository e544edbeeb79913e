import type { FieldIssue } from '../../../domain/errors.ts';
import type { Platform } from '../../../domain/platform.ts';
import { format } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { EditionRecordView } from '../../../services/edition-workflow.service.ts';
import { paths } from '../paths.ts';
import { formatInstant } from '../ui.ts';
import { authorityPaths } from './authority-paths.ts';
import { fileSize, type AuthorityUi } from './authority-shell.tsx';
import { editionCitation } from './editions.page.tsx';
import { Csrf, described, FieldError, Flash } from './shell.tsx';

/** One platform offered in the selection: what it is called and whose it is. */
export interface Choice {
  id: string;
  name: string;
  owner: string | null;
  /** The version the draft lists (saved entries only). */
  version: number | null;
}

export const choiceOf = (p: Platform): Choice => ({
  id: p.id,
  name: p.name,
  owner: p.owner?.name ?? p.declaredOwner?.name ?? null,
  version: null,
});

function ChoiceBox({ ui, choice, checked }: { ui: AuthorityUi; choice: Choice; checked: boolean }) {
  const id = `p-${choice.id}`;
  return (
    <li>
      <input type="checkbox" id={id} name="platform" value={choice.id} checked={checked} />{' '}
      <label for={id}>
        {choice.name}
        {choice.owner ? <span class="muted"> — {choice.owner}</span> : null}
        {choice.version !== null ? (
          <span class="muted"> ({format(ui.a.editions.versionOf, { version: choice.version })})</span>
        ) : null}
      </label>
    </li>
  );
}

function DocumentFacts({ ui, edition }: { ui: AuthorityUi; edition: EditionRecordView }) {
  const t = ui.a.editions;
  const d = edition.document;
  return (
    <dl class="facts">
      <div class="fact">
        <dt>{t.document}</dt>
        <dd>{editionCitation(ui, edition)}</dd>
      </div>
      <div class="fact">
        <dt>{t.kind}</dt>
        <dd>{ui.a.docKind[d.kind]}</dd>
      </div>
      <div class="fact">
        <dt>{t.issuer}</dt>
        <dd>{d.issuerName}</dd>
      </div>
      <div class="fact">
        <dt>{t.status}</dt>
        <dd>
          {edition.status === 'published'
            ? `${t.published}${edition.publishedAt ? ` (${formatInstant(edition.publishedAt)})` : ''}`
            : t.draft}
        </dd>
      </div>
      {d.sourceUrl ? (
        <div class="fact">
          <dt>{t.sourceUrl}</dt>
          <dd>
            <a href={d.sourceUrl} class="external" rel="noopener noreferrer">
              {d.sourceUrl}
            </a>
          </dd>
        </div>
      ) : null}
      <div class="fact">
        <dt>{t.fileTitle}</dt>
        <dd>
          {edition.file ? (
            <a href={`/api/v1/editions/${edition.id}/file`}>
              {format(t.download, {
                name: edition.file.fileName ?? 'document.pdf',
                size: fileSize(edition.file.size, ui.locale),
              })}
            </a>
          ) : (
            <span class="muted">{t.fileNone}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}

export interface DraftPageProps {
  ui: AuthorityUi;
  auth: Authenticated;
  edition: EditionRecordView;
  /** Selected platforms: the saved entries, or what the person sent (a refused save). */
  selected: readonly Choice[];
  /** The catalogue as filtered by `q`, without those already selected. */
  offered: readonly Choice[];
  q: string;
  /** How many platforms the filter matched (selected ones included). */
  matched: number;
  flash?: { text: string; kind: 'ok' | 'error' } | undefined;
  issues?: readonly FieldIssue[];
}

export function EditionDraftPage({
  ui,
  auth,
  edition,
  selected,
  offered,
  q,
  matched,
  flash,
  issues = [],
}: DraftPageProps) {
  const t = ui.a.editions;
  const id = edition.id;
  const fileIssue = issues.find((i) => i.field === 'file');
  const entriesIssue = issues.find((i) => i.field !== 'file');
  if (edition.status === 'published')
    return (
      <section>
        <h1>{edition.document.title}</h1>
        <Flash text={flash?.text} kind={flash?.kind} />
        <p class="notice">{t.publishedNote}</p>
        <p>
          <a href={paths.edition(edition.document.number)}>{t.publicPage}</a>
        </p>
        <DocumentFacts ui={ui} edition={edition} />
        <h2>{format(t.selectedCount, { count: selected.length })}</h2>
        <ul>
          {selected.map((c) => (
            <li>
              {c.name}
              {c.version !== null ? ` (${format(t.versionOf, { version: c.version })})` : ''}
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <section>
      <h1>{edition.document.title}</h1>
      <Flash text={flash?.text} kind={flash?.kind} />
      <DocumentFacts ui={ui} edition={edition} />

      <section aria-labelledby="entries-title">
        <h2 id="entries-title">{t.entriesTitle}</h2>
        <p>{t.entriesIntro}</p>
        <form method="get" action={authorityPaths.edition(id)} class="search" role="search">
          <label for="filter-q">{t.filter}</label>
          <div class="search-row">
            <input type="search" id="filter-q" name="q" value={q} />
            <button type="submit" class="secondary">
              {t.filterSubmit}
            </button>
          </div>
          {q ? (
            <p>
              {format(t.filterResult, { count: matched, q })}{' '}
              <a href={authorityPaths.edition(id)}>{t.filterClear}</a>
            </p>
          ) : null}
        </form>
        <form method="post" action={authorityPaths.editionEntries(id)} class="work-form entries-form">
          <Csrf auth={auth} />
          <input type="hidden" name="version" value={String(edition.version)} />
          <input type="hidden" name="q" value={q} />
          {entriesIssue ? <FieldError ui={ui} id="platform" issue={entriesIssue} /> : null}
          <fieldset>
            <legend>{format(t.selectedCount, { count: selected.length })}</legend>
            <ul class="choices">
              {selected.map((c) => (
                <ChoiceBox ui={ui} choice={c} checked />
              ))}
            </ul>
          </fieldset>
          <fieldset>
            <legend>{t.catalogue}</legend>
            {offered.length === 0 ? (
              <p class="muted">{t.noMatch}</p>
            ) : (
              <ul class="choices">
                {offered.map((c) => (
                  <ChoiceBox ui={ui} choice={c} checked={false} />
                ))}
              </ul>
            )}
          </fieldset>
          <div class="form-actions">
            <button type="submit">{t.saveEntries}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="file-title">
        <h2 id="file-title">{t.fileTitle}</h2>
        <form
          method="post"
          action={authorityPaths.editionFile(id)}
          enctype="multipart/form-data"
          class="work-form narrow"
        >
          <Csrf auth={auth} />
          <input type="hidden" name="version" value={String(edition.version)} />
          <div class={fileIssue ? 'field field-invalid' : 'field'}>
            <label for="edition-file">{t.file}</label>
            <FieldError ui={ui} id="file" issue={fileIssue} />
            <input
              id="edition-file"
              name="file"
              type="file"
              accept="application/pdf"
              {...described('file', fileIssue)}
            />
          </div>
          <div class="form-actions">
            <button type="submit" class="secondary">
              {t.attach}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="publish-title">
        <h2 id="publish-title">{t.publishTitle}</h2>
        <p>{t.publishIntro}</p>
        <p>
          <a class="button" href={authorityPaths.editionPublish(id)}>
            {t.publishButton}
          </a>
        </p>
      </section>
    </section>
  );
}

/** The confirmation step: a published edition never changes. */
export function PublishConfirmPage({
  ui,
  auth,
  edition,
}: {
  ui: AuthorityUi;
  auth: Authenticated;
  edition: EditionRecordView;
}) {
  const t = ui.a.editions;
  return (
    <section>
      <h1>{format(t.confirmTitle, { citation: editionCitation(ui, edition) })}</h1>
      <div class="notice notice-error" role="note">
        <p>{format(t.confirmBody, { count: edition.entries.length })}</p>
      </div>
      <DocumentFacts ui={ui} edition={edition} />
      <ul>
        {edition.entries.map((e) => (
          <li>
            {e.name ?? e.platformId}
            {e.platformVersion !== null ? ` (${format(t.versionOf, { version: e.platformVersion })})` : ''}
          </li>
        ))}
      </ul>
      <form method="post" action={authorityPaths.editionPublish(edition.id)} class="work-form">
        <Csrf auth={auth} />
        <input type="hidden" name="version" value={String(edition.version)} />
        <div class="form-actions">
          <button type="submit">{t.confirmButton}</button>{' '}
          <a href={authorityPaths.edition(edition.id)}>{t.back}</a>
        </div>
      </form>
    </section>
  );
}
