import type { Platform } from '../../../domain/platform.ts';
import { format, formatDate } from '../../../i18n/index.ts';
import type { ChangeRequestView, Deadline } from '../../../services/change-request.view.ts';
import { paths, withQuery } from '../paths.ts';
import { formatInstant, label } from '../ui.ts';
import { workPaths } from './paths.ts';
import type { WorkUi } from './shell.tsx';

export function DeadlineText({ ui, deadline }: { ui: WorkUi; deadline: Deadline | null }) {
  if (!deadline) return null;
  const date = formatDate(deadline.dueOn);
  const q = ui.w.queue;
  if (deadline.overdue)
    return (
      <strong class="overdue">{format(q.overdue, { date, days: Math.abs(deadline.workingDaysLeft) })}</strong>
    );
  if (deadline.workingDaysLeft === 0) return <span class="due-soon">{format(q.dueToday, { date })}</span>;
  return <span>{format(q.due, { date, days: deadline.workingDaysLeft })}</span>;
}

export interface HomeLinks {
  platforms: boolean;
  requests: boolean;
  queue: boolean;
  users: boolean;
}

export function HomePage({
  ui,
  links,
  more = [],
}: {
  ui: WorkUi;
  links: HomeLinks;
  /** Links of other areas' work screens, already decided with `can` (editions, local systems, ...). */
  more?: readonly { href: string; text: string }[];
}) {
  const w = ui.w.work;
  const items: [boolean, string, string][] = [
    [links.platforms, workPaths.myPlatforms, w.myPlatforms],
    [links.requests, workPaths.requests, w.myRequests],
    [links.queue, workPaths.reviewQueue, w.reviewQueue],
    [links.users, workPaths.users, w.users],
  ];
  const shown = [...items, ...more.map((m): [boolean, string, string] => [true, m.href, m.text])].filter(
    ([show]) => show,
  );
  return (
    <section>
      <h1>{w.title}</h1>
      {shown.length === 0 ? (
        <p>{w.nothing}</p>
      ) : (
        <ul class="work-links">
          {shown.map(([, href, text]) => (
            <li>
              <a href={href}>{text}</a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={workPaths.changePassword}>{ui.w.reset.changeTitle}</a>
      </p>
      <form method="post" action={workPaths.signOutEverywhere}>
        <input type="hidden" name="_csrf" value={ui.account?.csrfToken ?? ''} />
        <button type="submit" class="secondary">
          {ui.w.account.signOutEverywhere}
        </button>
      </form>
    </section>
  );
}

export function MyPlatformsPage({
  ui,
  organisation,
  platforms,
  canProposeNew,
}: {
  ui: WorkUi;
  organisation: string;
  platforms: readonly Platform[];
  canProposeNew: boolean;
}) {
  const t = ui.w.platforms;
  return (
    <section>
      <h1>{ui.w.work.myPlatforms}</h1>
      <p class="lead">{format(t.intro, { organisation })}</p>
      {canProposeNew ? (
        <p>
          <a class="button" href={withQuery(workPaths.newRequest, [['kind', 'create']])}>
            {t.proposeNew}
          </a>
        </p>
      ) : null}
      {platforms.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {platforms.map((p) => (
                <tr>
                  <th scope="row">
                    <a href={paths.platform(p.slug)}>{p.name}</a>
                    {p.declaredOwner && p.owner && p.declaredOwner.id !== p.owner.id ? (
                      <span class="declared-under">
                        {' '}
                        ({format(ui.m.web.declaredUnder, { name: p.declaredOwner.name })})
                      </span>
                    ) : null}
                  </th>
                  <td>{label(ui.m.status, p.status, ui.m.platform.notKnown)}</td>
                  <td>
                    {p.status === 'retired' ? null : (
                      <ul class="inline-list">
                        <li>
                          <a
                            href={withQuery(workPaths.newRequest, [
                              ['kind', 'update'],
                              ['platform', p.slug],
                            ])}
                          >
                            {t.proposeChange}
                          </a>
                        </li>
                        <li>
                          <a
                            href={withQuery(workPaths.newRequest, [
                              ['kind', 'retire'],
                              ['platform', p.slug],
                            ])}
                          >
                            {t.proposeRetire}
                          </a>
                        </li>
                      </ul>
                    )}
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

/** A list of change requests: an editor's own, or the authority's queue (with deadlines). */
export function RequestsPage({
  ui,
  title,
  intro,
  empty,
  requests,
  names,
  queue,
}: {
  ui: WorkUi;
  title: string;
  intro: string;
  empty: string;
  requests: readonly ChangeRequestView[];
  /** Platform names by id. */
  names: ReadonlyMap<string, string>;
  queue: boolean;
}) {
  const t = ui.w.requests;
  return (
    <section>
      <h1>{title}</h1>
      <p class="lead">{intro}</p>
      {requests.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="requests">
            <thead>
              <tr>
                <th scope="col">{t.platform}</th>
                <th scope="col">{t.kind}</th>
                {queue ? <th scope="col">{t.organisation}</th> : null}
                <th scope="col">{t.status}</th>
                <th scope="col">{queue ? t.deadline : t.updated}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((cr) => {
                const name = cr.platformId
                  ? (names.get(cr.platformId) ?? cr.platformId)
                  : `${cr.proposed.name ?? ''} ${t.newPlatform}`;
                return (
                  <tr class={cr.deadline?.overdue ? 'overdue-row' : undefined}>
                    <th scope="row">
                      <a href={workPaths.request(cr.id)}>{name.trim()}</a>
                      <br />
                      <span class="muted">{cr.summary}</span>
                    </th>
                    <td>{label(ui.m.changeRequestKind, cr.kind)}</td>
                    {queue ? <td>{cr.organisation?.name ?? ''}</td> : null}
                    <td>
                      <span class={`badge status-${cr.status}`}>
                        {label(ui.m.changeRequestStatus, cr.status)}
                      </span>
                    </td>
                    <td>
                      {queue ? <DeadlineText ui={ui} deadline={cr.deadline} /> : formatInstant(cr.updatedAt)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
