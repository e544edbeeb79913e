import type { EditionDetailView, EditionView } from '../../services/edition.service.ts';
import { ExternalLink } from './components/facts.tsx';
import { PlatformItem } from './components/platform-item.tsx';
import { paths } from './paths.ts';
import { cite, label, orgHref, type Ui } from './ui.ts';

const countOrNot = (ui: Ui, n: number | null) => (n === null ? ui.m.edition.notStated : String(n));

/** The official editions, newest first, each with its declared total beside the registry's. */
export function EditionsPage({ ui, editions }: { ui: Ui; editions: EditionView[] }) {
  const { m } = ui;
  return (
    <>
      <h1>{m.edition.title}</h1>
      <p class="lead">{m.web.editionsIntro}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{m.edition.title}</caption>
          <thead>
            <tr>
              <th scope="col">{m.web.document}</th>
              <th scope="col">{m.edition.issuer}</th>
              <th scope="col">{m.web.documentTitle}</th>
              <th scope="col" class="num">
                {m.edition.declaredTotal}
              </th>
              <th scope="col" class="num">
                {m.edition.registered}
              </th>
            </tr>
          </thead>
          <tbody>
            {editions.map((e) => (
              <tr>
                <th scope="row">
                  <a href={paths.edition(e.document.number)}>
                    {cite(ui, e.document.number, e.document.issuedOn)}
                  </a>
                </th>
                <td>{e.document.issuerName}</td>
                <td>{e.document.title}</td>
                <td class="num">{countOrNot(ui, e.declaredTotal)}</td>
                <td class="num">{e.registeredTotal}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** One edition: the citation, the totals side by side, per owner declared vs registered, its platforms. */
export function EditionPage({ ui, edition: e }: { ui: Ui; edition: EditionDetailView }) {
  const { m } = ui;
  const d = e.document;
  const incomplete = e.declaredTotal === null || e.registeredTotal < e.declaredTotal;
  return (
    <article class="record">
      <p class="kicker">{label(m.docKind, d.kind)}</p>
      <h1>{cite(ui, d.number, d.issuedOn)}</h1>
      <p class="lead">{d.title}</p>
      <dl class="facts">
        <div class="fact">
          <dt>{m.edition.issuer}</dt>
          <dd>{d.issuerName}</dd>
        </div>
        <div class="fact">
          <dt>{m.edition.source}</dt>
          <dd>
            {d.sourceUrl ? (
              <ExternalLink href={d.sourceUrl} />
            ) : (
              <span class="muted">{m.platform.notKnown}</span>
            )}
          </dd>
        </div>
        {d.note ? (
          <div class="fact">
            <dt>{m.platform.note}</dt>
            <dd>{d.note}</dd>
          </div>
        ) : null}
      </dl>

      <dl class="totals">
        <div>
          <dt>{m.edition.declaredTotal}</dt>
          <dd>{countOrNot(ui, e.declaredTotal)}</dd>
        </div>
        <div>
          <dt>{m.edition.registered}</dt>
          <dd>{e.registeredTotal}</dd>
        </div>
      </dl>
      {incomplete ? <p class="notice">{m.edition.gapNote}</p> : null}

      <section aria-labelledby="per-owner">
        <h2 id="per-owner">{m.edition.perOwner}</h2>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{m.web.perOwnerCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.edition.ownerNamed}</th>
                <th scope="col">{m.edition.nowPart}</th>
                <th scope="col" class="num">
                  {m.edition.declared}
                </th>
                <th scope="col" class="num">
                  {m.edition.registered}
                </th>
              </tr>
            </thead>
            <tbody>
              {e.perOwner.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={orgHref(ui, row.owner)}>{row.owner.name}</a>
                    {row.note ? <span class="cell-note">{row.note}</span> : null}
                  </th>
                  <td>
                    {row.currentOwner ? (
                      <a href={orgHref(ui, row.currentOwner)}>{row.currentOwner.name}</a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td class="num">{countOrNot(ui, row.declared)}</td>
                  <td class="num">{row.registered}</td>
                </tr>
              ))}
              {e.registeredWithoutOwner > 0 ? (
                <tr>
                  <th scope="row">{m.edition.unknownOwner}</th>
                  <td>—</td>
                  <td class="num">—</td>
                  <td class="num">{e.registeredWithoutOwner}</td>
                </tr>
              ) : null}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colspan={2}>
                  {m.web.total}
                </th>
                <td class="num">{countOrNot(ui, e.declaredTotal)}</td>
                <td class="num">{e.registeredTotal}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="listed">
        <h2 id="listed">{m.edition.platforms}</h2>
        {e.platforms.length === 0 ? (
          <p class="muted">{m.web.noneRegistered}</p>
        ) : (
          <ul class="result-list">
            {e.platforms.map((p) => (
              <PlatformItem ui={ui} platform={p} />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
