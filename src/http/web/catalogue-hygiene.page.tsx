import { format } from '../../i18n/index.ts';
import { catalogueHygieneEn } from '../../i18n/catalogue-hygiene.en.ts';
import { catalogueHygieneVi, type CatalogueHygieneMessages } from '../../i18n/catalogue-hygiene.vi.ts';
import type { HygieneEntry } from '../../domain/catalogue-hygiene.ts';
import type { HygieneReport } from '../../services/catalogue-hygiene.service.ts';
import { paths } from './paths.ts';
import { formatInstant, type Ui } from './ui.ts';

/**
 * Catalogue hygiene for the authority: pairs of entries that are probably one platform recorded
 * twice, each with why, and a form to mark it "not a duplicate" (works without JavaScript).
 */
export const hygieneTexts = (ui: Ui): CatalogueHygieneMessages =>
  ui.locale === 'en' ? catalogueHygieneEn : catalogueHygieneVi;

export const HYGIENE_CSV_HREF = '/api/v1/catalogue-hygiene/export';

function EntryCell({ ui, entry }: { ui: Ui; entry: HygieneEntry }) {
  const t = hygieneTexts(ui);
  return (
    <>
      {entry.slug ? <a href={paths.platform(entry.slug)}>{entry.name}</a> : entry.name}
      <br />
      <span class="muted">{format(t.owner, { owner: entry.owner?.name ?? t.ownerUnknown })}</span>
    </>
  );
}

export function CatalogueHygienePage({
  ui,
  report,
  csrfToken,
}: {
  ui: Ui;
  report: HygieneReport;
  csrfToken: string;
}) {
  const t = hygieneTexts(ui);
  return (
    <div class="hygiene">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <p>
        {format(t.summary, {
          count: report.items.length,
          threshold: `${Math.round(report.threshold * 100)}%`,
          catalogue: report.catalogueRevision,
          rules: report.rulesVersion,
        })}{' '}
        <a href={HYGIENE_CSV_HREF} download>
          {t.csv}
        </a>
      </p>
      {report.items.length === 0 ? (
        <p class="notice">{t.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="hygiene-pairs">
            <thead>
              <tr>
                <th scope="col">{t.score}</th>
                <th scope="col">{t.entryA}</th>
                <th scope="col">{t.entryB}</th>
                <th scope="col">{t.reasons}</th>
                <th scope="col">{t.action}</th>
              </tr>
            </thead>
            <tbody>
              {report.items.map((p, i) => (
                <tr>
                  <td class="num">{`${Math.round(p.score * 100)}%`}</td>
                  <td>
                    <EntryCell ui={ui} entry={p.a} />
                  </td>
                  <td>
                    <EntryCell ui={ui} entry={p.b} />
                  </td>
                  <td>
                    <ul class="reasons">
                      {p.reasons.map((r) => (
                        <li>{r}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <form method="post" action={paths.catalogueHygieneDismiss} class="dismiss-form">
                      <input type="hidden" name="_csrf" value={csrfToken} />
                      <input type="hidden" name="a" value={p.a.id} />
                      <input type="hidden" name="b" value={p.b.id} />
                      <label for={`note-${i}`}>{t.note}</label>
                      <input type="text" id={`note-${i}`} name="note" maxlength={1000} />
                      <button type="submit">{t.dismiss}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.dismissed.length > 0 ? (
        <section aria-labelledby="dismissed-title">
          <h2 id="dismissed-title">{format(t.dismissedHeading, { count: report.dismissed.length })}</h2>
          <ul class="dismissed">
            {report.dismissed.map((d) => (
              <li>
                <strong>{d.names[0]}</strong> ~ <strong>{d.names[1]}</strong>
                {d.note ? ` — ${d.note}` : ''}{' '}
                <span class="muted">({format(t.dismissedOn, { date: formatInstant(d.dismissedAt) })})</span>
                <form method="post" action={paths.catalogueHygieneRestore} class="inline-form">
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <input type="hidden" name="a" value={d.a} />
                  <input type="hidden" name="b" value={d.b} />
                  <button type="submit" class="secondary">
                    {t.restore}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function HygieneRefusedPage({ ui, signedIn }: { ui: Ui; signedIn: boolean }) {
  const t = hygieneTexts(ui);
  const m = signedIn ? t.forbidden : t.signIn;
  return (
    <section class="error-page">
      <h1>{m.title}</h1>
      <p>{m.body}</p>
    </section>
  );
}
