import type { FieldIssue } from '../../../domain/errors.ts';
import {
  CONNECTION_STATUSES,
  DEPLOYMENT_LEVELS,
  PLATFORM_KINDS,
  PLATFORM_SCOPES,
} from '../../../domain/platform.ts';
import { format, formatDate } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import { focalRows, type Content } from './proposal-form.ts';
import { Csrf, described, ErrorSummary, FieldError, TextField, type WorkUi } from './shell.tsx';
import { fieldLabel } from './values.tsx';

/** A stored date as dd/mm/yyyy; a value that is not a date (being corrected) as typed. */
const formatSince = (value: string | null) =>
  value && /^\d{4}-\d\d-\d\d$/.test(value) ? formatDate(value) : (value ?? '');

/** Proposable statuses: retirement is its own kind of request. */
const STATUSES = ['planned', 'in_development', 'operating'] as const;

export interface ProposalFormProps {
  ui: WorkUi;
  auth: Authenticated;
  action: string;
  /** Hidden fields the action needs (kind, platform, version). */
  hidden: Record<string, string>;
  summary: string;
  /** null: a retirement, which proposes no content. */
  values: Content | null;
  issues: readonly FieldIssue[];
  submitLabel: string;
}

/** The first issue for `key` or anything inside it ("sources" also takes "sources[2].url"). */
function issueFor(issues: readonly FieldIssue[], key: string): FieldIssue | undefined {
  const keyOf = (field: string) => field.replace(/^proposed\.?/, '');
  return (
    issues.find((i) => keyOf(i.field) === key) ??
    issues.find((i) => keyOf(i.field).startsWith(`${key}[`) || keyOf(i.field).startsWith(`${key}.`))
  );
}

function SelectField(props: {
  ui: WorkUi;
  name: string;
  label: string;
  value: string | null;
  options: readonly (readonly [string, string])[];
  issues: readonly FieldIssue[];
  empty: string;
}) {
  const issue = issueFor(props.issues, props.name);
  const id = `f-${props.name}`;
  return (
    <div class={issue ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <FieldError ui={props.ui} id={props.name} issue={issue} />
      <select id={id} name={props.name} {...described(props.name, issue)}>
        <option value="">{props.empty}</option>
        {props.options.map(([value, text]) => (
          <option value={value} selected={value === props.value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ProposalForm(props: ProposalFormProps) {
  const { ui, values, issues } = props;
  const t = ui.w.proposal;
  const f = ui.w.field;
  const text = (name: keyof Content, options: { area?: boolean; hint?: string; type?: string } = {}) => (
    <TextField
      ui={ui}
      name={name}
      label={f[name as keyof typeof f]}
      value={values ? (values[name] as string | null) : null}
      issue={issueFor(issues, name)}
      hint={options.hint}
      type={options.type}
      rows={options.area ? 4 : undefined}
    />
  );
  const list = (name: 'aliases' | 'functions') => (
    <TextField
      ui={ui}
      name={name}
      label={f[name]}
      value={values ? values[name].join('\n') : ''}
      issue={issueFor(issues, name)}
      rows={4}
      hint={t.listHint}
    />
  );
  const connection = (key: 'ndxp' | 'ndop') => {
    const issue = issueFor(issues, key);
    return (
      <fieldset id={`f-${key}`} class={issue ? 'field-invalid' : undefined}>
        <legend>{f[key]}</legend>
        <FieldError ui={ui} id={key} issue={issue} />
        <div class="field-row">
          <div class="field">
            <label for={`f-${key}.status`}>{f.connectionStatus}</label>
            <select id={`f-${key}.status`} name={`${key}.status`}>
              {CONNECTION_STATUSES.map((s) => (
                <option value={s} selected={values?.[key].status === s}>
                  {ui.m.connection[s]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`f-${key}.since`}>{f.since}</label>
            <p class="hint" id={`f-${key}-since-hint`}>
              {t.dateHint}
            </p>
            <input
              id={`f-${key}.since`}
              name={`${key}.since`}
              type="text"
              inputmode="numeric"
              value={formatSince(values?.[key].since ?? null)}
              {...described(key, issue, `f-${key}-since-hint`)}
            />
          </div>
        </div>
      </fieldset>
    );
  };
  const summaryIssue = issueFor(issues, 'summary');
  return (
    <form method="post" action={props.action} class="work-form proposal-form" novalidate>
      <Csrf auth={props.auth} />
      {Object.entries(props.hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary ui={ui} issues={issues} label={(field) => fieldLabel(ui, field)} />
      <div class={summaryIssue ? 'field field-invalid' : 'field'}>
        <label for="f-summary">{t.summary}</label>
        <p class="hint" id="f-summary-hint">
          {values ? t.summaryHint : t.retireHint}
        </p>
        <FieldError ui={ui} id="summary" issue={summaryIssue} />
        <textarea
          id="f-summary"
          name="summary"
          rows={3}
          {...described('summary', summaryIssue, 'f-summary-hint')}
        >
          {props.summary}
        </textarea>
      </div>
      {values ? (
        <>
          <fieldset>
            <legend>{ui.m.web.platformGeneral}</legend>
            {text('name')}
            {text('nameEn')}
            {list('aliases')}
            {text('description', { area: true })}
            {list('functions')}
            {text('field')}
            <SelectField
              ui={ui}
              name="kind"
              label={f.kind}
              value={values.kind}
              options={PLATFORM_KINDS.map((k) => [k, ui.m.kind[k]] as const)}
              issues={issues}
              empty={t.choose}
            />
            <SelectField
              ui={ui}
              name="scope"
              label={f.scope}
              value={values.scope}
              options={PLATFORM_SCOPES.map((k) => [k, ui.m.scope[k]] as const)}
              issues={issues}
              empty={t.choose}
            />
            <SelectField
              ui={ui}
              name="status"
              label={f.status}
              value={values.status}
              options={STATUSES.map((k) => [k, ui.m.status[k]] as const)}
              issues={issues}
              empty={t.unknown}
            />
            <fieldset id="f-deploymentLevels">
              <legend>{f.deploymentLevels}</legend>
              <ul>
                {DEPLOYMENT_LEVELS.map((level) => (
                  <li>
                    <label>
                      <input
                        type="checkbox"
                        name="deploymentLevels"
                        value={level}
                        checked={values.deploymentLevels.includes(level)}
                      />{' '}
                      {ui.m.deploymentLevel[level]}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </fieldset>
          <fieldset>
            <legend>{ui.m.web.platformOwnership}</legend>
            {text('operator')}
            {text('website', { type: 'url' })}
            <fieldset
              id="f-focalPoints"
              class={issueFor(issues, 'focalPoints') ? 'field-invalid' : undefined}
            >
              <legend>{f.focalPoints}</legend>
              <FieldError
                ui={ui}
                id="focalPoints"
                issue={issues.find((i) => i.field.replace(/^proposed\.?/, '') === 'focalPoints')}
              />
              {Array.from({ length: focalRows(values) }, (_, i) => {
                const point = values.focalPoints[i];
                const cell = (key: 'name' | 'unit' | 'email' | 'phone', labelText: string, type = 'text') => {
                  const name = `focalPoints[${i}].${key}`;
                  const issue = issues.find((x) => x.field.replace(/^proposed\.?/, '') === name);
                  return (
                    <div class="field">
                      <label for={`f-${name}`}>{labelText}</label>
                      <FieldError ui={ui} id={name} issue={issue} />
                      <input
                        id={`f-${name}`}
                        name={name}
                        type={type}
                        value={point?.[key] ?? ''}
                        {...described(name, issue)}
                      />
                    </div>
                  );
                };
                return (
                  <div class="focal-row" role="group" aria-label={format(t.focalPoint, { n: i + 1 })}>
                    <p class="focal-title">{format(t.focalPoint, { n: i + 1 })}</p>
                    <div class="field-row">
                      {cell('name', f.focalName)}
                      {cell('unit', f.focalUnit)}
                      {cell('email', f.focalEmail, 'email')}
                      {cell('phone', f.focalPhone, 'tel')}
                    </div>
                  </div>
                );
              })}
            </fieldset>
          </fieldset>
          <fieldset>
            <legend>{ui.m.web.platformSharing}</legend>
            {connection('ndxp')}
            {connection('ndop')}
          </fieldset>
          <fieldset>
            <legend>{ui.m.web.platformDocuments}</legend>
            {text('legalBasis', { area: true })}
            <TextField
              ui={ui}
              name="sources"
              label={f.sources}
              value={values.sources.map((s) => (s.note ? `${s.url} ${s.note}` : s.url)).join('\n')}
              issue={issueFor(issues, 'sources')}
              rows={4}
              hint={t.sourcesHint}
            />
            {text('note', { area: true })}
          </fieldset>
        </>
      ) : null}
      <div class="form-actions">
        {values ? (
          <button type="submit" name="action" value="check" class="secondary">
            {t.check}
          </button>
        ) : null}
        <button type="submit" name="action" value="save" class="secondary">
          {t.save}
        </button>
        <button type="submit" name="action" value="submit">
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
