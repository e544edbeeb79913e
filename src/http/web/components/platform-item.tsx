import type { Platform } from '../../../domain/platform.ts';
import type { SearchMatch } from '../../../services/platform-search.ts';
import { paths } from '../paths.ts';
import { label, type Ui } from '../ui.ts';
import { searchEn } from '../../../i18n/search.en.ts';
import { searchVi } from '../../../i18n/search.vi.ts';
import { EditionLinks } from './edition-links.tsx';
import { markedChildren, rangesOf, snippet } from './marked-text.tsx';
import { OwnerText } from './owner.tsx';

type Item = Platform & Partial<SearchMatch>;

/** Why a search hit matched: which words met which text, and how (folded, abbreviation, ...). */
function Reasons({ ui, reasons }: { ui: Ui; reasons: NonNullable<Item['reasons']> }) {
  if (reasons.length === 0) return null;
  return (
    <div class="reasons">
      <span class="reasons-label">{ui.m.catalogue.matchedBecause}:</span>
      <ul class="inline-list">
        {reasons.map((r) => (
          <li>
            {label(ui.m.matchField, r.field)}: “<mark>{r.matched}</mark>” ({label(ui.m.matchKind, r.kind)})
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The part of the description a query matched, its words marked; nothing when none did. */
function DescriptionSnippet({ ui, platform }: { ui: Ui; platform: Item }) {
  const ranges = rangesOf(platform.highlights, 'description');
  if (!platform.description || ranges.length === 0) return null;
  const cut = snippet(platform.description, ranges);
  return (
    <p class="snippet">
      <span class="visually-hidden">{(ui.locale === 'en' ? searchEn : searchVi).results.snippetLabel}: </span>
      {markedChildren(cut.text, cut.ranges)}
    </p>
  );
}

/**
 * One platform in a list: name, other names, owner, kind, status, editions; for a search hit,
 * the matched words marked in the name, aliases and a description snippet, and why it matched.
 */
export function PlatformItem({ ui, platform }: { ui: Ui; platform: Item }) {
  const { m } = ui;
  const hl = platform.highlights;
  return (
    <li class="result">
      <h3 class="result-title">
        <a href={paths.platform(platform.slug)}>{markedChildren(platform.name, rangesOf(hl, 'name'))}</a>
      </h3>
      {platform.nameEn ? (
        <p class="name-en" lang="en">
          {markedChildren(platform.nameEn, rangesOf(hl, 'nameEn'))}
        </p>
      ) : null}
      {platform.aliases.length > 0 ? (
        <p class="aliases">
          <span class="label">{m.platform.aliases}:</span>{' '}
          {platform.aliases.flatMap((alias, i) => [
            ...(i > 0 ? ['; '] : []),
            ...markedChildren(alias, rangesOf(hl, 'aliases', i)),
          ])}
        </p>
      ) : null}
      <dl class="meta">
        <div>
          <dt>{m.catalogue.owner}</dt>
          <dd>
            <OwnerText ui={ui} platform={platform} />
          </dd>
        </div>
        <div>
          <dt>{m.catalogue.kind}</dt>
          <dd>{label(m.kind, platform.kind)}</dd>
        </div>
        <div>
          <dt>{m.catalogue.status}</dt>
          <dd>{label(m.status, platform.status ?? 'unknown')}</dd>
        </div>
        <div>
          <dt>{m.catalogue.edition}</dt>
          <dd>
            <EditionLinks ui={ui} numbers={platform.editions} />
          </dd>
        </div>
      </dl>
      <DescriptionSnippet ui={ui} platform={platform} />
      {platform.reasons ? <Reasons ui={ui} reasons={platform.reasons} /> : null}
    </li>
  );
}
