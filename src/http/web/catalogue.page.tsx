import type { FieldIssue } from '../../domain/errors.ts';
import { FACET_NAMES } from '../../domain/platform-query.ts';
import { format } from '../../i18n/index.ts';
import type { PlatformListResult } from '../../services/platform.service.ts';
import { DEFAULT_LIMIT, queryParams, type CatalogueQuery } from './catalogue-query.ts';
import { FacetForm } from './components/facets.tsx';
import { Pagination } from './components/pagination.tsx';
import { PlatformItem } from './components/platform-item.tsx';
import { IssueList } from './error.page.tsx';
import { paths, withQuery } from './paths.ts';
import type { Ui } from './ui.ts';

/** The search box; the chosen filters ride along as hidden fields so a new search keeps them. */
function SearchForm({ ui, q, query }: { ui: Ui; q: string; query?: CatalogueQuery | undefined }) {
  const { m } = ui;
  return (
    <form method="get" action={paths.catalogue} role="search" class="search">
      <label for="q">{m.catalogue.searchLabel}</label>
      <div class="search-row">
        <input
          type="search"
          id="q"
          name="q"
          value={q}
          maxlength={500}
          placeholder={m.catalogue.searchPlaceholder}
          autocomplete="off"
        />
        <button type="submit">{m.catalogue.searchButton}</button>
      </div>
      {query
        ? FACET_NAMES.flatMap((facet) =>
            query.selected[facet].map((value) => <input type="hidden" name={facet} value={value} />),
          )
        : null}
      {query && query.limit !== DEFAULT_LIMIT ? (
        <input type="hidden" name="limit" value={String(query.limit)} />
      ) : null}
    </form>
  );
}

export type CatalogueView =
  | { ok: true; query: CatalogueQuery; result: PlatformListResult }
  | { ok: false; q: string; issues: FieldIssue[] };

export function CataloguePage({ ui, view }: { ui: Ui; view: CatalogueView }) {
  const { m } = ui;
  if (!view.ok)
    return (
      <>
        <h1>{m.catalogue.title}</h1>
        <SearchForm ui={ui} q={view.q} />
        <IssueList ui={ui} issues={view.issues} />
        <p>
          <a href={paths.catalogue}>{m.web.showAll}</a>
        </p>
      </>
    );
  const { query, result } = view;
  const base = queryParams(query).filter(([key]) => key !== 'offset');
  const href = (offset: number) =>
    withQuery(paths.catalogue, [...base, ...(offset > 0 ? [['offset', String(offset)] as const] : [])]);
  const count = query.q
    ? format(m.catalogue.resultCountFor, { count: result.total, q: query.q })
    : format(m.catalogue.resultCount, { count: result.total });
  const hasFacets = FACET_NAMES.some((f) => result.facets[f].length > 0 || query.selected[f].length > 0);
  const from = Math.min(result.total, query.offset + 1);
  const to = Math.min(result.total, query.offset + result.items.length);
  return (
    <>
      <h1>{m.catalogue.title}</h1>
      <p class="lead">{m.app.tagline}</p>
      <SearchForm ui={ui} q={query.q} query={query} />
      <div class="catalogue">
        <section class="results" aria-labelledby="results-heading">
          <h2 id="results-heading">{count}</h2>
          <p class="results-info">
            {result.total > 0 ? format(m.web.showing, { from, to, total: result.total }) : null}{' '}
            {hasFacets ? (
              <a href="#filters" class="to-filters">
                {m.web.toFilters}
              </a>
            ) : null}{' '}
            {FACET_NAMES.some((f) => query.selected[f].length > 0) ? (
              <a href={withQuery(paths.catalogue, [['q', query.q]])}>{m.catalogue.clearFilters}</a>
            ) : null}
          </p>
          {result.didYouMean ? (
            <p class="did-you-mean">
              {m.catalogue.didYouMean}{' '}
              <a
                href={withQuery(paths.catalogue, [
                  ['q', result.didYouMean],
                  ...base.filter(([k]) => k !== 'q'),
                ])}
              >
                {result.didYouMean}
              </a>
              ?
            </p>
          ) : null}
          {result.items.length === 0 ? (
            <p class="notice">{m.catalogue.noResults}</p>
          ) : (
            <ol class="result-list" start={from}>
              {result.items.map((platform) => (
                <PlatformItem ui={ui} platform={platform} />
              ))}
            </ol>
          )}
          <Pagination ui={ui} total={result.total} limit={query.limit} offset={query.offset} href={href} />
        </section>
        {hasFacets ? (
          <aside class="facets" aria-labelledby="filters-heading">
            <FacetForm ui={ui} query={query} facets={result.facets} />
          </aside>
        ) : null}
      </div>
    </>
  );
}
