import { can } from '../../../domain/permission.ts';
import { format, formatDate } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { DeclarationReport } from '../../../services/declaration.service.ts';
import { paths } from '../paths.ts';
import { formatInstant } from '../ui.ts';
import { authorityPaths } from './authority-paths.ts';
import type { AuthorityUi } from './authority-shell.tsx';
import { Csrf, Flash } from './shell.tsx';

type Row = DeclarationReport['items'][number];

/** The follow-up table: one row per ministry or agency. */
function FollowUpTable({ ui, items }: { ui: AuthorityUi; items: readonly Row[] }) {
  const t = ui.a.declarations;
  return (
    <div class="table-wrap">
      <table class="declarations">
        <thead>
          <tr>
            <th scope="col">{t.organisation}</th>
            <th scope="col">{t.declared}</th>
            <th scope="col" class="num">
              {t.platforms}
            </th>
            <th scope="col">{t.oldestConfirmed}</th>
            <th scope="col">{t.overdue}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr
              data-organisation={r.organisation.code}
              class={r.overdueCount > 0 ? 'overdue-row' : undefined}
            >
              <th scope="row">
                <a href={paths.organisation(r.organisation.code)}>{r.organisation.name}</a>
              </th>
              <td>
                {r.declared ? t.yes : <strong>{t.no}</strong>}
                {r.firstSubmittedAt ? (
                  <span class="muted">
                    {' '}
                    ({t.since} {formatInstant(r.firstSubmittedAt)})
                  </span>
                ) : null}
              </td>
              <td class="num">{r.platformCount}</td>
              <td>
                {r.oldestConfirmedAt ? (
                  formatInstant(r.oldestConfirmedAt)
                ) : r.platformCount > 0 ? (
                  <span class="muted">{t.never}</span>
                ) : (
                  ''
                )}
              </td>
              <td>
                {r.overdueCount > 0 ? (
                  <strong class="overdue">{format(t.overdueCount, { count: r.overdueCount })}</strong>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A ministry's own platforms, each with its "still current" button. */
function OwnPlatforms({ ui, auth, row }: { ui: AuthorityUi; auth: Authenticated; row: Row }) {
  const t = ui.a.declarations;
  return (
    <section aria-labelledby={`own-${row.organisation.code}`}>
      <h2 id={`own-${row.organisation.code}`}>
        {format(t.ownTitle, { organisation: row.organisation.name })}
      </h2>
      {row.platforms.length === 0 ? (
        <p>{t.noPlatforms}</p>
      ) : (
        <div class="table-wrap">
          <table class="own-platforms">
            <thead>
              <tr>
                <th scope="col">{t.platform}</th>
                <th scope="col">{t.lastConfirmed}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.confirm}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {row.platforms.map((p) => (
                <tr data-platform={p.slug} class={p.overdue ? 'overdue-row' : undefined}>
                  <th scope="row">
                    <a href={paths.platform(p.slug)}>{p.name}</a>
                  </th>
                  <td>
                    {p.lastConfirmedAt ? (
                      formatInstant(p.lastConfirmedAt)
                    ) : (
                      <span class="muted">{t.never}</span>
                    )}
                    {p.overdue ? (
                      <>
                        {' '}
                        <strong class="overdue">{t.overdue}</strong>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {/* The service decides again; the button is shown only where it would be allowed. */}
                    <form method="post" action={authorityPaths.confirmPlatform(p.id)} class="inline-form">
                      <Csrf auth={auth} />
                      <button
                        type="submit"
                        class="secondary"
                        aria-label={format(t.confirmLabel, { name: p.name })}
                      >
                        {t.confirm}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DeclarationsPage({
  ui,
  auth,
  report,
  flash,
}: {
  ui: AuthorityUi;
  auth: Authenticated;
  report: DeclarationReport & { all: boolean };
  flash?: { text: string; kind: 'ok' | 'error' } | undefined;
}) {
  const t = ui.a.declarations;
  // Rows whose platforms this person may confirm (a ministry's editor: their own body).
  const confirmable = report.items.filter((r) =>
    can(auth.actor, 'platform.confirm', { kind: 'platform', ownerId: r.organisation.id }),
  );
  return (
    <section>
      <h1>{t.title}</h1>
      <p class="lead">{format(t.intro, { days: report.periodDays })}</p>
      <Flash text={flash?.text} kind={flash?.kind} />
      {report.all ? (
        <>
          <p>
            {format(t.summary, {
              declared: report.declaredBodies,
              bodies: report.bodies,
              date: formatDate(report.asOf.slice(0, 10)),
            })}
          </p>
          {report.official.map((o) => (
            <p class="official">
              {format(t.official, {
                // The report cites in Vietnamese ("… ngày dd/mm/yyyy"); English reads "… of dd/mm/yyyy".
                citation:
                  ui.locale === 'en'
                    ? o.citation.replace(/ ngày (?=\d{2}\/\d{2}\/\d{4}$)/, ' of ')
                    : o.citation,
                declared: o.declared,
                total: o.total,
              })}
              {o.sourceUrl ? (
                <>
                  {' '}
                  (
                  <a href={o.sourceUrl} class="external" rel="noopener noreferrer">
                    {t.officialSource}
                  </a>
                  )
                </>
              ) : null}
            </p>
          ))}
          <p>
            <a class="button" href={authorityPaths.declarationsCsv} download="declarations.csv">
              {t.csv}
            </a>
          </p>
        </>
      ) : null}
      <FollowUpTable ui={ui} items={report.items} />
      {report.all ? (
        <section aria-labelledby="not-declared">
          <h2 id="not-declared">{format(t.notDeclaredTitle, { count: report.notDeclared.length })}</h2>
          {report.notDeclared.length === 0 ? (
            <p>{t.allDeclared}</p>
          ) : (
            <ul class="not-declared">
              {report.notDeclared.map((o) => (
                <li>
                  <a href={paths.organisation(o.code)}>{o.name}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {confirmable.map((row) => (
        <>
          <p>{format(t.ownIntro, { days: report.periodDays })}</p>
          <OwnPlatforms ui={ui} auth={auth} row={row} />
        </>
      ))}
    </section>
  );
}
