import { FACET_NAMES, type FacetName, type Facets } from '../../../domain/platform-query.ts';
import type { CatalogueQuery } from '../catalogue-query.ts';
import { DEFAULT_LIMIT } from '../catalogue-query.ts';
import { paths, withQuery } from '../paths.ts';
import { label, type Ui } from '../ui.ts';

interface FacetValue {
  value: string;
  label: string;
  count: number;
  checked: boolean;
}

function valueLabel(ui: Ui, facet: FacetName, value: string, fallback: string): string {
  const { m } = ui;
  switch (facet) {
    case 'owner':
      return fallback || ui.orgs.get(value)?.name || value;
    case 'kind':
      return label(m.kind, value);
    case 'scope':
      return label(m.scope, value);
    case 'status':
      return label(m.status, value);
    case 'ndxp':
    case 'ndop':
      return label(m.connection, value);
    case 'edition':
      return value;
  }
}

/**
 * A facet's values with counts. Owners go by code in the address; a chosen value that no
 * entry has any more is still listed (count 0), so it can be unticked.
 */
function facetValues(ui: Ui, facet: FacetName, facets: Facets, chosen: readonly string[]): FacetValue[] {
  const keyOf = (value: string) => (facet === 'owner' ? (ui.orgs.get(value)?.code ?? value) : value);
  const chosenKeys = new Set(chosen.map(keyOf));
  const values: FacetValue[] = facets[facet].map((f) => ({
    value: keyOf(f.value),
    label: valueLabel(ui, facet, f.value, f.label),
    count: f.count,
    checked: chosenKeys.has(keyOf(f.value)),
  }));
  for (const key of chosenKeys)
    if (!values.some((v) => v.value === key))
      values.push({ value: key, label: valueLabel(ui, facet, key, ''), count: 0, checked: true });
  return values;
}

/** The filters as one GET form of checkboxes: works without JavaScript, and the address is shareable. */
export function FacetForm({ ui, query, facets }: { ui: Ui; query: CatalogueQuery; facets: Facets }) {
  const { m } = ui;
  const active = FACET_NAMES.some((f) => query.selected[f].length > 0);
  return (
    <form method="get" action={paths.catalogue} class="filters" id="filters">
      <h2 id="filters-heading">{m.catalogue.filters}</h2>
      {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
      {query.limit !== DEFAULT_LIMIT ? (
        <input type="hidden" name="limit" value={String(query.limit)} />
      ) : null}
      {FACET_NAMES.map((facet) => {
        const values = facetValues(ui, facet, facets, query.selected[facet]);
        if (values.length === 0) return null;
        return (
          <fieldset>
            <legend>{m.catalogue[facet]}</legend>
            <ul>
              {values.map((v, i) =>
                // Entries without an owner cannot be filtered by owner (the API has no such value).
                facet === 'owner' && v.value === 'unknown' ? (
                  <li class="facet-note">
                    {m.catalogue.ownerUnknown} <span class="count">({v.count})</span>
                  </li>
                ) : (
                  <li>
                    <input
                      type="checkbox"
                      id={`f-${facet}-${i}`}
                      name={facet}
                      value={v.value}
                      checked={v.checked}
                    />
                    <label for={`f-${facet}-${i}`}>
                      {v.label} <span class="count">({v.count})</span>
                    </label>
                  </li>
                ),
              )}
            </ul>
          </fieldset>
        );
      })}
      <div class="form-actions">
        <button type="submit">{m.catalogue.apply}</button>
        {active ? (
          <a href={withQuery(paths.catalogue, [['q', query.q]])}>{m.catalogue.clearFilters}</a>
        ) : null}
      </div>
    </form>
  );
}
