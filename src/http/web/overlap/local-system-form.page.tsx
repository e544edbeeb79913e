import type { FieldIssue } from '../../../domain/errors.ts';
import { LOCAL_SYSTEM_STATUSES } from '../../../domain/local-system.ts';
import type { OrganisationRef } from '../../../domain/platform.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import { Csrf, type WorkUi } from '../work/shell.tsx';
import type { SystemFormValues } from './local-system-form.ts';
import { Field, issueText, Select, workTexts } from './local-system-fields.tsx';
import { textsFor } from './local-systems.page.tsx';

/** The record/edit form of a local system; a refused save shows what was typed, errors beside. */
export function SystemForm(props: {
  ui: WorkUi;
  auth: Authenticated;
  action: string;
  values: SystemFormValues;
  issues: readonly FieldIssue[];
  /** The version the form edits (absent: a new record). */
  version?: number;
  /** Where a new record may be recorded for (absent: an edit). */
  origins?: readonly OrganisationRef[];
  submitLabel: string;
}) {
  const { ui, values, issues } = props;
  const w = workTexts(ui);
  const f = w.field;
  const status = textsFor(ui).status;
  const text = (
    name: keyof SystemFormValues,
    label: string,
    options: { hint?: string; rows?: number; type?: string; inputmode?: 'numeric' } = {},
  ) => <Field ui={ui} name={name} label={label} value={values[name]} issues={issues} {...options} />;
  return (
    <form method="post" action={props.action} class="work-form" novalidate>
      <Csrf auth={props.auth} />
      {props.version !== undefined ? (
        <input type="hidden" name="version" value={String(props.version)} />
      ) : null}
      {issues.length > 0 ? (
        <div class="notice notice-error" role="alert">
          <ul>
            {issues.map((issue) => (
              <li>
                <a href={`#f-${issue.field}`}>{labelOf(w, issue.field)}</a>: {issueText(ui, issue)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.origins && props.origins.length > 1 ? (
        <Select
          ui={ui}
          name="organisation"
          label={f.organisation}
          hint={f.organisationHint}
          value={values.organisation}
          options={props.origins.map((o) => [o.id, o.name] as const)}
          issues={issues}
        />
      ) : null}
      {text('name', f.name)}
      {text('description', f.description, { rows: 4 })}
      {text('functions', f.functions, { rows: 5, hint: f.functionsHint })}
      {text('data', f.data, { rows: 3, hint: f.dataHint })}
      <Select
        ui={ui}
        name="status"
        label={f.status}
        hint={w.forwardHint}
        value={values.status}
        options={LOCAL_SYSTEM_STATUSES.map((s) => [s, status[s]] as const)}
        issues={issues}
      />
      <div class="field-row">
        {text('decisionNumber', f.decisionNumber, { hint: f.decisionNumberHint })}
        {text('decisionDate', f.decisionDate, { hint: f.decisionDateHint })}
      </div>
      {text('budget', f.budgetVnd, { hint: f.budgetHint, inputmode: 'numeric' })}
      <div class="field-row">
        {text('contactName', f.contactName)}
        {text('contactEmail', f.contactEmail, { type: 'email' })}
        {text('contactPhone', f.contactPhone, { type: 'tel' })}
      </div>
      <div class="form-actions">
        <button type="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}

function labelOf(w: ReturnType<typeof workTexts>, key: string): string {
  const labels: Record<string, string> = { ...w.field, budget: w.field.budgetVnd };
  return labels[key] ?? key;
}
