import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from 'openapi3-ts/oas31';
import { paths } from './paths.ts';
import { interpolate } from './components/interpolate.tsx';
import type { Ui } from './ui.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const isRef = (value: unknown): value is ReferenceObject =>
  typeof value === 'object' && value !== null && '$ref' in value;

/** An id for an operation's heading, so the contents list can link to it. */
const anchor = (method: string, path: string) => `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-');

const refName = (ref: ReferenceObject) => ref.$ref.split('/').pop() ?? ref.$ref;

/** A schema in a few words: "string", "string | string[]", "integer (1–100, default 20)", "Problem". */
function schemaText(schema: SchemaObject | ReferenceObject | undefined): string {
  if (!schema) return '';
  if (isRef(schema)) return refName(schema);
  if (schema.anyOf) return schema.anyOf.map(schemaText).join(' | ');
  if (schema.enum) return schema.enum.map(String).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? '');
  const base = type === 'array' ? `${schemaText(schema.items)}[]` : type;
  const notes: string[] = [];
  if (schema.minimum !== undefined || schema.maximum !== undefined)
    notes.push(`${schema.minimum ?? ''}–${schema.maximum ?? ''}`);
  if (schema.maxLength !== undefined) notes.push(`≤ ${schema.maxLength}`);
  if (schema.default !== undefined) notes.push(`= ${JSON.stringify(schema.default)}`);
  return notes.length > 0 ? `${base} (${notes.join(', ')})` : base;
}

function Operation({ ui, path, method, op }: { ui: Ui; path: string; method: string; op: OperationObject }) {
  const { m } = ui;
  const id = anchor(method, path);
  const params = (op.parameters ?? []).filter((p): p is ParameterObject => !isRef(p));
  return (
    <section class="operation" aria-labelledby={id}>
      <h3 id={id}>
        <span class={`method method-${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      {op.summary ? <p class="summary">{op.summary}</p> : null}
      {op.description ? <p>{op.description}</p> : null}
      <h4>{m.docs.parameters}</h4>
      {params.length === 0 ? (
        <p class="muted">{m.web.noParameters}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{m.web.paramName}</th>
                <th scope="col">{m.web.paramIn}</th>
                <th scope="col">{m.web.paramType}</th>
                <th scope="col">{m.web.description}</th>
              </tr>
            </thead>
            <tbody>
              {params.map((p) => (
                <tr>
                  <th scope="row">
                    <code>{p.name}</code>
                    {p.required ? <span class="required"> ({m.field.required})</span> : null}
                  </th>
                  <td>{p.in}</td>
                  <td>
                    <code>{schemaText(p.schema)}</code>
                  </td>
                  <td>{p.description ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4>{m.docs.responses}</h4>
      <ul class="responses">
        {Object.entries(op.responses ?? {}).map(([status, response]) => {
          const r = response as ResponseObject | ReferenceObject;
          if (isRef(r)) return <li>{`${status}: ${refName(r)}`}</li>;
          return (
            <li>
              <code>{status}</code> {r.description}
              {Object.entries(r.content ?? {}).map(([type, media]) => (
                <span class="muted">
                  {' '}
                  — {type}
                  {media.schema ? ` (${schemaText(media.schema)})` : ''}
                </span>
              ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The API reference, rendered from the same OpenAPI document the API serves. */
export function ApiDocsPage({ ui, doc }: { ui: Ui; doc: OpenAPIObject }) {
  const { m } = ui;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ path, method, op, tag: op.tags?.[0] ?? '' }] : [];
    }),
  );
  const tags = [...new Set(operations.map((o) => o.tag))];
  return (
    <>
      <h1>{m.docs.title}</h1>
      <p class="lead">{interpolate(m.docs.intro, { link: <a href={paths.openapi}>{paths.openapi}</a> })}</p>
      <p>
        {doc.info.title} · {m.web.version} {doc.info.version}
      </p>
      <nav aria-label={m.web.apiContents} class="toc">
        <ul>
          {operations.map(({ path, method, op }) => (
            <li>
              <a href={`#${anchor(method, path)}`}>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </a>{' '}
              {op.summary ?? ''}
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>{tag || m.nav.api}</h2>
          {operations
            .filter((o) => o.tag === tag)
            .map((o) => (
              <Operation ui={ui} path={o.path} method={o.method} op={o.op} />
            ))}
        </section>
      ))}
    </>
  );
}
