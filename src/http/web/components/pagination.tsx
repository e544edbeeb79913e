import { format } from '../../../i18n/index.ts';
import type { Ui } from '../ui.ts';

interface PaginationProps {
  ui: Ui;
  total: number;
  limit: number;
  offset: number;
  /** The address of the page starting at `offset`, keeping every other parameter. */
  href: (offset: number) => string;
}

/** Page numbers to show: the first, the last, and two either side of the current one. */
function pageWindow(current: number, pages: number): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let page = 1; page <= pages; page++) {
    if (page === 1 || page === pages || Math.abs(page - current) <= 2) shown.push(page);
    else if (shown[shown.length - 1] !== null) shown.push(null);
  }
  return shown;
}

/** Plain links (limit/offset in the address), so every page of results can be shared. */
export function Pagination({ ui, total, limit, offset, href }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const current = Math.floor(offset / limit) + 1;
  if (pages <= 1 && offset === 0) return null;
  const { m } = ui;
  return (
    <nav class="pagination" aria-label={m.web.pagination}>
      <p>{format(m.catalogue.page, { page: current, pages })}</p>
      <ul>
        {offset > 0 ? (
          <li>
            <a href={href(Math.max(0, offset - limit))} rel="prev">
              ‹ {m.catalogue.previous}
            </a>
          </li>
        ) : null}
        {pageWindow(current, pages).map((page) =>
          page === null ? (
            <li aria-hidden="true">…</li>
          ) : (
            <li>
              {page === current ? (
                <span aria-current="page">{page}</span>
              ) : (
                <a href={href((page - 1) * limit)} aria-label={format(m.catalogue.page, { page, pages })}>
                  {page}
                </a>
              )}
            </li>
          ),
        )}
        {offset + limit < total ? (
          <li>
            <a href={href(offset + limit)} rel="next">
              {m.catalogue.next} ›
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
