import type { Child } from 'hono/jsx';
import type { Statistics } from '../../domain/catalogue.ts';
import { format } from '../../i18n/index.ts';
import { paths, withQuery } from './paths.ts';
import { label, orgHref, type Ui } from './ui.ts';

interface Row {
  name: Child;
  count: number;
}

/**
 * A count table with a bar per row. The bar is decoration (the number is in the cell beside it)
 * and its width is a class in 5% steps: the CSP forbids style attributes.
 */
function CountTable(props: {
  ui: Ui;
  id: string;
  title: string;
  column: string;
  rows: Row[];
  total: number;
}) {
  const { ui, id, title, column, rows, total } = props;
  const { m } = ui;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div class="table-wrap">
        <table class="stats">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" class="num">
                {m.web.count}
              </th>
              <th scope="col" class="num">
                {m.web.share}
              </th>
              <th scope="col" class="bar-col">
                <span class="visually-hidden">{m.web.chart}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const share = total > 0 ? row.count / total : 0;
              return (
                <tr>
                  <th scope="row">{row.name}</th>
                  <td class="num">{row.count}</td>
                  <td class="num">{`${Math.round(share * 100)}%`}</td>
                  <td class="bar-col" aria-hidden="true">
                    <span class={`bar w${Math.round(share * 20) * 5}`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function StatisticsPage({ ui, stats }: { ui: Ui; stats: Statistics }) {
  const { m } = ui;
  const filter = (key: string, value: string) => withQuery(paths.catalogue, [[key, value]]);
  return (
    <>
      <h1>{m.statistics.title}</h1>
      <dl class="totals">
        <div>
          <dt>{m.statistics.total}</dt>
          <dd>{stats.total}</dd>
        </div>
        <div>
          <dt>{m.web.ndxpConnected}</dt>
          <dd>{stats.ndxpConnected}</dd>
        </div>
        <div>
          <dt>{m.web.ndopConnected}</dt>
          <dd>{stats.ndopConnected}</dd>
        </div>
      </dl>
      <p class="muted">{format(m.web.statisticsNote, { total: stats.total })}</p>
      <CountTable
        ui={ui}
        id="by-owner"
        title={m.statistics.byOwner}
        column={m.catalogue.owner}
        total={stats.total}
        rows={stats.byOwner.map((r) => ({
          name: r.owner ? <a href={orgHref(ui, r.owner)}>{r.owner.name}</a> : m.catalogue.ownerUnknown,
          count: r.count,
        }))}
      />
      <CountTable
        ui={ui}
        id="by-kind"
        title={m.statistics.byKind}
        column={m.catalogue.kind}
        total={stats.total}
        rows={stats.byKind.map((r) => ({
          name: <a href={filter('kind', r.kind)}>{label(m.kind, r.kind)}</a>,
          count: r.count,
        }))}
      />
      <CountTable
        ui={ui}
        id="by-status"
        title={m.statistics.byStatus}
        column={m.catalogue.status}
        total={stats.total}
        rows={stats.byStatus.map((r) => ({
          name: (
            <a href={filter('status', r.status ?? 'unknown')}>{label(m.status, r.status ?? 'unknown')}</a>
          ),
          count: r.count,
        }))}
      />
      <CountTable
        ui={ui}
        id="by-scope"
        title={m.web.byScope}
        column={m.catalogue.scope}
        total={stats.total}
        rows={stats.byScope.map((r) => ({
          name: <a href={filter('scope', r.scope)}>{label(m.scope, r.scope)}</a>,
          count: r.count,
        }))}
      />
    </>
  );
}
