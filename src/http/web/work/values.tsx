import type { Completeness } from '../../../domain/completeness.ts';
import type { ContentField } from '../../../domain/platform-version.ts';
import type { Connection, FocalPoint, SourceCitation } from '../../../domain/platform.ts';
import { format, formatDate } from '../../../i18n/index.ts';
import { label } from '../ui.ts';
import type { WorkUi } from './shell.tsx';

/** A content field's label as a person knows it ("focalPoints[0].email" → "Đầu mối vận hành"). */
export function fieldLabel(ui: WorkUi, field: string): string {
  const key = field.replace(/^proposed\.?/, '').replace(/[[.].*$/, '');
  return label(ui.w.field, key || 'name');
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A field's value, readable: labels for codes, one line per list item, dates as dd/mm/yyyy. */
export function FieldValue({ ui, field, value }: { ui: WorkUi; field: ContentField; value: unknown }) {
  if (isEmpty(value)) return <span class="muted">{ui.w.proposal.empty}</span>;
  switch (field) {
    case 'kind':
      return <>{label(ui.m.kind, value as string)}</>;
    case 'scope':
      return <>{label(ui.m.scope, value as string)}</>;
    case 'status':
      return <>{label(ui.m.status, value as string)}</>;
    case 'deploymentLevels':
      return <>{(value as string[]).map((v) => label(ui.m.deploymentLevel, v)).join(', ')}</>;
    case 'ndxp':
    case 'ndop': {
      const c = value as Connection;
      return (
        <>
          {label(ui.m.connection, c.status)}
          {c.since ? ` (${format(ui.m.web.since, { date: formatDate(c.since) })})` : ''}
        </>
      );
    }
    case 'focalPoints':
      return (
        <ul>
          {(value as FocalPoint[]).map((f) => (
            <li>{[f.name, f.unit, f.email, f.phone].filter(Boolean).join(' — ')}</li>
          ))}
        </ul>
      );
    case 'sources':
      return (
        <ul>
          {(value as SourceCitation[]).map((s) => (
            <li>{[s.url, s.note].filter(Boolean).join(' — ')}</li>
          ))}
        </ul>
      );
    default:
      if (Array.isArray(value))
        return (
          <ul>
            {(value as unknown[]).map((v) => (
              <li>{String(v)}</li>
            ))}
          </ul>
        );
      if (typeof value === 'object') return <>{JSON.stringify(value)}</>;
      return <>{String(value as string | number)}</>;
  }
}

/** Field by field, the published value beside the proposed one. */
export function DiffTable({
  ui,
  changes,
}: {
  ui: WorkUi;
  changes: readonly { field: ContentField; from: unknown; to: unknown }[];
}) {
  const t = ui.w.proposal;
  return (
    <section class="diff" aria-labelledby="diff-title">
      <h2 id="diff-title">{t.diffTitle}</h2>
      {changes.length === 0 ? (
        <p>{t.noDiff}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.diffField}</th>
                <th scope="col">{t.diffOld}</th>
                <th scope="col">{t.diffNew}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr data-field={change.field}>
                  <th scope="row">{fieldLabel(ui, change.field)}</th>
                  <td class="diff-old">
                    <FieldValue ui={ui} field={change.field} value={change.from} />
                  </td>
                  <td class="diff-new">
                    <FieldValue ui={ui} field={change.field} value={change.to} />
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

/** The score and what is missing, shown before the request is sent. */
export function CompletenessPanel({ ui, completeness }: { ui: WorkUi; completeness: Completeness }) {
  const t = ui.w.proposal;
  return (
    <section class="completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title">{format(t.completeness, { score: completeness.score })}</h2>
      <meter min={0} max={100} value={completeness.score} aria-labelledby="completeness-title" />
      {completeness.missingRequired.length > 0 ? (
        <div class="missing missing-required">
          <h3>{t.missingRequired}</h3>
          <ul>
            {completeness.missingRequired.map((field) => (
              <li>
                <a href={`#f-${field}`}>{fieldLabel(ui, field)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{t.complete}</p>
      )}
      {completeness.missingRecommended.length > 0 ? (
        <div class="missing">
          <h3>{t.missingRecommended}</h3>
          <ul>
            {completeness.missingRecommended.map((field) => (
              <li>
                <a href={`#f-${field}`}>{fieldLabel(ui, field)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
