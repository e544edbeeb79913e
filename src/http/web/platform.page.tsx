import type { Connection, Platform } from '../../domain/platform.ts';
import { format, formatDate } from '../../i18n/index.ts';
import { EditionLinks } from './components/edition-links.tsx';
import { ExternalLink, Fact } from './components/facts.tsx';
import { OwnerText } from './components/owner.tsx';
import { paths } from './paths.ts';
import { formatInstant, label, orgHref, type Ui } from './ui.ts';

function ConnectionText({ ui, connection }: { ui: Ui; connection: Connection }) {
  return (
    <>
      {label(ui.m.connection, connection.status)}
      {connection.since ? ` (${format(ui.m.web.since, { date: formatDate(connection.since) })})` : null}
    </>
  );
}

/** Every field of the platform model, grouped as a reader looks for them. */
export function PlatformPage({ ui, platform: p }: { ui: Ui; platform: Platform }) {
  const { m } = ui;
  return (
    <article class="record">
      <h1>{p.name}</h1>
      {p.nameEn ? (
        <p class="name-en" lang="en">
          {p.nameEn}
        </p>
      ) : null}
      <p class="record-owner">
        <span class="label">{m.platform.owner}:</span> <OwnerText ui={ui} platform={p} />
      </p>

      <section aria-labelledby="general">
        <h2 id="general">{m.web.platformGeneral}</h2>
        <dl class="facts">
          <Fact ui={ui} term={m.platform.aliases} has={p.aliases.length > 0}>
            {p.aliases.join('; ')}
          </Fact>
          <Fact ui={ui} term={m.platform.description} has={!!p.description}>
            {p.description}
          </Fact>
          <Fact ui={ui} term={m.platform.functions} has={p.functions.length > 0}>
            <ul>
              {p.functions.map((f) => (
                <li>{f}</li>
              ))}
            </ul>
          </Fact>
          <Fact ui={ui} term={m.web.field} has={!!p.field}>
            {p.field}
          </Fact>
          <Fact ui={ui} term={m.catalogue.kind} has>
            {label(m.kind, p.kind)}
          </Fact>
          <Fact ui={ui} term={m.catalogue.scope} has>
            {label(m.scope, p.scope)}
          </Fact>
          <Fact ui={ui} term={m.web.deploymentLevels} has={p.deploymentLevels.length > 0}>
            {p.deploymentLevels.map((l) => label(m.deploymentLevel, l)).join(', ')}
          </Fact>
          <Fact ui={ui} term={m.catalogue.status} has>
            {label(m.status, p.status ?? 'unknown')}
          </Fact>
        </dl>
      </section>

      <section aria-labelledby="ownership">
        <h2 id="ownership">{m.web.platformOwnership}</h2>
        <dl class="facts">
          <Fact ui={ui} term={m.platform.owner} has={!!p.owner}>
            {p.owner ? <a href={orgHref(ui, p.owner)}>{p.owner.name}</a> : null}
          </Fact>
          <Fact ui={ui} term={m.platform.declaredOwner} has={!!p.declaredOwner}>
            {p.declaredOwner ? <a href={orgHref(ui, p.declaredOwner)}>{p.declaredOwner.name}</a> : null}
          </Fact>
          <Fact ui={ui} term={m.web.ownerBasis} has>
            {label(m.ownerBasis, p.ownerBasis)}
          </Fact>
          <Fact ui={ui} term={m.platform.operator} has={!!p.operator}>
            {p.operator}
          </Fact>
          <div class="fact">
            <dt>{m.platform.focalPoints}</dt>
            <dd>
              {p.focalPoints.length === 0 ? (
                <span class="muted">{m.platform.noFocalPoint}</span>
              ) : (
                <ul>
                  {p.focalPoints.map((f) => (
                    <li>
                      {f.name}
                      {f.unit ? `, ${f.unit}` : ''}
                      {f.email ? (
                        <>
                          {' · '}
                          <a href={`mailto:${f.email}`}>{f.email}</a>
                        </>
                      ) : null}
                      {f.phone ? (
                        <>
                          {' · '}
                          <a href={`tel:${f.phone.replace(/[^\d+]/g, '')}`}>{f.phone}</a>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <Fact ui={ui} term={m.platform.website} has={!!p.website}>
            {p.website ? <ExternalLink href={p.website} /> : null}
          </Fact>
        </dl>
      </section>

      <section aria-labelledby="data-sharing">
        <h2 id="data-sharing">{m.web.platformSharing}</h2>
        <dl class="facts">
          <Fact ui={ui} term={m.catalogue.ndxp} has>
            <ConnectionText ui={ui} connection={p.ndxp} />
          </Fact>
          <Fact ui={ui} term={m.catalogue.ndop} has>
            <ConnectionText ui={ui} connection={p.ndop} />
          </Fact>
        </dl>
      </section>

      <section aria-labelledby="documents">
        <h2 id="documents">{m.web.platformDocuments}</h2>
        <dl class="facts">
          <div class="fact">
            <dt>{m.platform.editions}</dt>
            <dd>
              <EditionLinks ui={ui} numbers={p.editions} />
            </dd>
          </div>
          <Fact ui={ui} term={m.platform.legalBasis} has={!!p.legalBasis}>
            {p.legalBasis}
          </Fact>
          <Fact ui={ui} term={m.platform.sources} has={p.sources.length > 0}>
            <ul>
              {p.sources.map((s) => (
                <li>
                  <ExternalLink href={s.url} />
                  {s.note ? ` — ${s.note}` : ''}
                </li>
              ))}
            </ul>
          </Fact>
          <Fact ui={ui} term={m.platform.note} has={!!p.note}>
            {p.note}
          </Fact>
          <Fact ui={ui} term={m.web.createdAt} has>
            {formatInstant(p.createdAt)}
          </Fact>
          <Fact ui={ui} term={m.platform.updatedAt} has>
            {formatInstant(p.updatedAt)}
          </Fact>
          <Fact ui={ui} term={m.web.identifier} has>
            <code>{p.id}</code> ·{' '}
            <a href={`/api/v1/platforms/${encodeURIComponent(p.slug)}`}>{m.web.asJson}</a>
          </Fact>
        </dl>
      </section>
      <p>
        <a href={paths.catalogue}>{m.notFoundPage.back}</a>
      </p>
    </article>
  );
}
