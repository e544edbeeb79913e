import type { OverlapReportView } from '../../../services/overlap-report.service.ts';
import type { LocalSystemView } from '../../../services/local-system.service.ts';
import { format, formatDate } from '../../../i18n/index.ts';
import { localSystemsEn } from '../../../i18n/local-systems.en.ts';
import { localSystemsVi, type LocalSystemsMessages } from '../../../i18n/local-systems.vi.ts';
import type { Ui } from '../ui.ts';
import { workTexts } from './local-system-fields.tsx';
import { localSystemPaths } from './local-system-paths.ts';

/** The locality's list of its systems, and the nationwide report: server-rendered, no script. */
export const textsFor = (ui: Ui): LocalSystemsMessages =>
  ui.locale === 'en' ? localSystemsEn : localSystemsVi;

const dateTime = (iso: string | null | undefined) =>
  iso
    ? `${formatDate(new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString())} ${new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(11, 16)}`
    : '';
const money = (n: number | null, ui: Ui) =>
  n === null ? '' : new Intl.NumberFormat(ui.locale === 'en' ? 'en-GB' : 'vi-VN').format(n);

function Standing({
  t,
  standing,
}: {
  t: LocalSystemsMessages;
  standing: keyof LocalSystemsMessages['standing'];
}) {
  const warn = standing === 'unresolved' || standing === 'rejected' || standing === 'pending';
  return standing === 'none' ? (
    <span>{t.standing.none}</span>
  ) : (
    <span class={warn ? 'badge badge-former' : 'badge badge-current'}>{t.standing[standing]}</span>
  );
}

export function LocalSystemsPage(props: {
  ui: Ui;
  systems: LocalSystemView[];
  localities: { id: string; code: string; name: string }[] | null;
  selected: string;
  /** What the reader may do from here (decided with `can` by the route). */
  links?: { create: boolean; queue: boolean };
}) {
  const t = textsFor(props.ui);
  const p = t.page;
  const w = workTexts(props.ui);
  return (
    <section>
      <h1>{p.listTitle}</h1>
      <p>{p.listIntro}</p>
      {props.links?.create || props.links?.queue ? (
        <p class="form-actions">
          {props.links.create ? (
            <a class="button" href={localSystemPaths.create}>
              {w.newLink}
            </a>
          ) : null}
          {props.links.queue ? <a href={localSystemPaths.queue}>{w.queueLink}</a> : null}
        </p>
      ) : null}
      {props.localities ? (
        <form method="get" class="filters">
          <label for="organisation">{p.locality}</label>{' '}
          <select id="organisation" name="organisation">
            <option value="">{p.chooseLocality}</option>
            {props.localities.map((l) => (
              <option value={l.code} selected={l.code === props.selected}>
                {l.name}
              </option>
            ))}
          </select>{' '}
          <button type="submit">{p.show}</button>
        </form>
      ) : null}
      {props.systems.length === 0 ? (
        <p>{p.none}</p>
      ) : (
        <div class="table-wrap">
          <table class="stack">
            <caption class="visually-hidden">{p.listTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{p.name}</th>
                <th scope="col">{p.locality}</th>
                <th scope="col">{p.status}</th>
                <th scope="col">{p.verdict}</th>
                <th scope="col">{p.duplicates}</th>
                <th scope="col">{p.standing}</th>
                <th scope="col">{p.decision}</th>
                <th scope="col" class="num">
                  {p.budget}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.systems.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={localSystemPaths.system(s.id)}>{s.name}</a>
                  </th>
                  <td data-label={p.locality}>
                    {s.locality?.name}
                    {s.origin && s.origin.id !== s.locality?.id ? (
                      <span class="cell-note">
                        {p.origin}: {s.origin.name}
                      </span>
                    ) : null}
                  </td>
                  <td data-label={p.status}>{t.status[s.status]}</td>
                  <td data-label={p.verdict}>
                    {s.latestCheck ? t.verdict[s.latestCheck.verdict] : t.verdict.unchecked}
                    {s.latestCheck ? (
                      <span class="cell-note">{dateTime(s.latestCheck.checkedAt)}</span>
                    ) : null}
                  </td>
                  <td data-label={p.duplicates}>
                    {(s.latestCheck?.matches ?? [])
                      .filter((m) => m.level === 'overlap')
                      .map((m) => m.name)
                      .join('; ')}
                  </td>
                  <td data-label={p.standing}>
                    <Standing t={t} standing={s.standing} />
                  </td>
                  <td data-label={p.decision}>
                    {s.decision
                      ? `${s.decision.number} ${props.ui.locale === 'vi' ? 'ngày' : 'of'} ${formatDate(s.decision.date)}`
                      : ''}
                  </td>
                  <td class="num" data-label={p.budget}>
                    {money(s.budgetVnd, props.ui)}
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

export function OverlapReportPage({
  ui,
  report,
  csvHref,
}: {
  ui: Ui;
  report: OverlapReportView;
  csvHref: string;
}) {
  const t = textsFor(ui);
  const p = t.page;
  const run = report.runs[0];
  return (
    <section>
      <h1>{p.reportTitle}</h1>
      <p>{p.reportIntro}</p>
      <p>
        {format(p.computedAt, {
          from: dateTime(report.checkedFrom),
          to: dateTime(report.checkedTo),
          revision: report.catalogueRevision,
        })}{' '}
        {run
          ? format(p.lastRun, {
              status: p.runStatus[run.status],
              checked: run.checked,
              finishedAt: dateTime(run.finishedAt),
            })
          : p.noRun}
      </p>
      <p>
        <strong>
          {format(p.totals, {
            systems: report.totals.systems,
            localities: report.totals.localities,
            overlapping: report.totals.overlapping,
            unresolved: report.totals.unresolved,
          })}
        </strong>{' '}
        <a href={csvHref}>{p.exportCsv}</a>
      </p>
      <h2 id="by-platform">{p.byPlatform}</h2>
      {report.byPlatform.length === 0 ? (
        <p>{p.noneOverlapping}</p>
      ) : (
        <div class="table-wrap">
          <table aria-labelledby="by-platform">
            <thead>
              <tr>
                <th scope="col">{p.platform}</th>
                <th scope="col" class="num">
                  {p.count}
                </th>
                <th scope="col">{p.systems}</th>
              </tr>
            </thead>
            <tbody>
              {report.byPlatform.map((g) => (
                <tr>
                  <th scope="row">{g.platform.name}</th>
                  <td class="num">{g.systems.length}</td>
                  <td>
                    <ul>
                      {g.systems.map((s) => (
                        <li>
                          {s.name} ({s.locality?.name}
                          {s.origin && s.origin.id !== s.locality?.id
                            ? `, ${p.origin.toLowerCase()} ${s.origin.name}`
                            : ''}
                          ; {t.status[s.status]}) <Standing t={t} standing={s.standing} />
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="by-province">{p.byProvince}</h2>
      <div class="table-wrap">
        <table aria-labelledby="by-province">
          <thead>
            <tr>
              <th scope="col">{p.locality}</th>
              <th scope="col" class="num">
                {p.systems}
              </th>
              <th scope="col" class="num">
                {p.overlapping}
              </th>
              <th scope="col" class="num">
                {p.unresolved}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.byLocality.map((l) => (
              <tr>
                <th scope="row">{l.locality?.name}</th>
                <td class="num">{l.systems}</td>
                <td class="num">{l.overlapping}</td>
                <td class="num">{l.unresolved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function MessagePage({ title, body }: { title: string; body: string }) {
  return (
    <section class="error-page">
      <h1>{title}</h1>
      <p>{body}</p>
    </section>
  );
}
