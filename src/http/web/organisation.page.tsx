import { format, formatDate } from '../../i18n/index.ts';
import type {
  LinkView,
  OrganisationDetailView,
  OrganisationView,
} from '../../services/organisation.service.ts';
import { ExternalLink } from './components/facts.tsx';
import { PlatformItem } from './components/platform-item.tsx';
import { paths } from './paths.ts';
import { label, orgHref, type Ui } from './ui.ts';

function validity(ui: Ui, org: Pick<OrganisationView, 'validFrom' | 'validTo'>): string {
  const parts: string[] = [];
  if (org.validFrom) parts.push(format(ui.m.organisation.validFrom, { date: formatDate(org.validFrom) }));
  if (org.validTo) parts.push(format(ui.m.organisation.validTo, { date: formatDate(org.validTo) }));
  return parts.join(' · ');
}

function OrgList({ ui, title, orgs }: { ui: Ui; title: string; orgs: OrganisationView[] }) {
  if (orgs.length === 0) return null;
  const id = `orgs-${orgs[0]?.level ?? ''}-${orgs[0]?.current ? 'current' : 'former'}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} <span class="count">({orgs.length})</span>
      </h2>
      <ul class="org-list">
        {orgs.map((o) => (
          <li>
            <a href={paths.organisation(o.code)}>{o.name}</a>
            <span class="muted">
              {' '}
              — {[label(ui.m.orgKind, o.kind), validity(ui, o)].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Today's central bodies and 34 provinces, then the bodies that were reorganised. */
export function OrganisationsPage({ ui, organisations }: { ui: Ui; organisations: OrganisationView[] }) {
  const { m } = ui;
  const pick = (level: string, current: boolean) =>
    organisations.filter((o) => o.level === level && o.current === current);
  const listed = new Set(['central', 'province']);
  const others = organisations.filter((o) => !listed.has(o.level));
  return (
    <>
      <h1>{m.organisation.title}</h1>
      <p class="lead">{m.web.organisationsIntro}</p>
      <OrgList ui={ui} title={m.organisation.central} orgs={pick('central', true)} />
      <OrgList ui={ui} title={m.organisation.provinces} orgs={pick('province', true)} />
      <OrgList ui={ui} title={m.web.formerCentral} orgs={pick('central', false)} />
      <OrgList ui={ui} title={m.organisation.formerProvinces} orgs={pick('province', false)} />
      <OrgList ui={ui} title={m.web.otherOrganisations} orgs={others} />
    </>
  );
}

function LineageTable({
  ui,
  id,
  title,
  links,
  side,
}: {
  ui: Ui;
  id: string;
  title: string;
  links: LinkView[];
  side: 'successor' | 'predecessor';
}) {
  const { m } = ui;
  if (links.length === 0) return null;
  return (
    <div class="table-wrap">
      <table aria-labelledby={id} class="stack">
        <caption id={id}>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{m.web.organisation}</th>
            <th scope="col">{m.web.linkKind}</th>
            <th scope="col">{m.web.effectiveDate}</th>
            <th scope="col">{m.platform.legalBasis}</th>
          </tr>
        </thead>
        <tbody>
          {links.map((l) => (
            <tr>
              <th scope="row">
                <a href={orgHref(ui, l[side])}>{l[side].name}</a>
              </th>
              <td data-label={m.web.linkKind}>{label(m.linkKind, l.kind)}</td>
              <td data-label={m.web.effectiveDate}>{formatDate(l.effectiveDate)}</td>
              <td data-label={m.platform.legalBasis}>
                {l.legalBasis ?? <span class="muted">{m.platform.notKnown}</span>}
                {l.sourceUrl ? (
                  <>
                    {' '}
                    (<ExternalLink href={l.sourceUrl}>{m.edition.source}</ExternalLink>)
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An organisation: what it is, when it was in being, what it became or came from, what it owns. */
export function OrganisationPage({ ui, organisation: o }: { ui: Ui; organisation: OrganisationDetailView }) {
  const { m } = ui;
  const successors = o.current ? [] : o.currentSuccessors.filter((s) => s.id !== o.id);
  return (
    <article class="record">
      <p class="kicker">{label(m.orgKind, o.kind)}</p>
      <h1>{o.name}</h1>
      {o.nameEn ? (
        <p class="name-en" lang="en">
          {o.nameEn}
        </p>
      ) : null}
      <p>
        <span class={o.current ? 'badge badge-current' : 'badge badge-former'}>
          {o.current ? m.organisation.current : m.organisation.former}
        </span>{' '}
        {validity(ui, o)}
      </p>
      {successors.length > 0 ? (
        <p class="notice">
          {m.web.nowIs}{' '}
          {successors.map((s, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a href={orgHref(ui, s)}>{s.name}</a>
            </>
          ))}
        </p>
      ) : null}

      <section aria-labelledby="lineage">
        <h2 id="lineage">{m.web.lineage}</h2>
        {o.becameOf.length === 0 && o.formedFrom.length === 0 ? <p class="muted">{m.web.noLineage}</p> : null}
        <LineageTable
          ui={ui}
          id="became-of"
          title={m.organisation.becameOf}
          links={o.becameOf}
          side="successor"
        />
        <LineageTable
          ui={ui}
          id="formed-from"
          title={m.organisation.formedFrom}
          links={o.formedFrom}
          side="predecessor"
        />
        {o.sourceUrl ? (
          <p>
            {m.edition.source}: <ExternalLink href={o.sourceUrl} />
          </p>
        ) : null}
        {o.note ? <p>{o.note}</p> : null}
      </section>

      <section aria-labelledby="org-platforms">
        <h2 id="org-platforms">
          {o.current ? m.organisation.platforms : m.web.declaredPlatforms}{' '}
          <span class="count">({o.platforms.length})</span>
        </h2>
        {o.platforms.length === 0 ? (
          <p class="muted">{m.web.noneRegistered}</p>
        ) : (
          <ul class="result-list">
            {o.platforms.map((p) => (
              <PlatformItem ui={ui} platform={p} />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
