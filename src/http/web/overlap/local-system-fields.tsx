import type { FieldIssue } from '../../../domain/errors.ts';
import { localSystemWorkEn } from '../../../i18n/local-system-work.en.ts';
import { localSystemWorkVi, type LocalSystemWorkMessages } from '../../../i18n/local-system-work.vi.ts';
import { fieldMessage } from '../../problem.ts';
import type { Ui } from '../ui.ts';
import { described, errorId } from '../work/shell.tsx';

/** Form fields of the local-system screens, each with its message beside it. */
export const workTexts = (ui: Ui): LocalSystemWorkMessages =>
  ui.locale === 'en' ? localSystemWorkEn : localSystemWorkVi;

/** The form's own wording first (dates as dd/mm/yyyy), then the API's. */
export function issueText(ui: Ui, issue: FieldIssue): string {
  const own = workTexts(ui).error as Record<string, string>;
  return own[issue.code] ?? fieldMessage(issue, ui.locale);
}

export const issueOf = (issues: readonly FieldIssue[], key: string) => issues.find((i) => i.field === key);

/** `scope` keeps ids apart when one page has several forms with the same field names. */
const idOf = (name: string, scope = '') => `f-${scope}${name}`;

function Message({ ui, name, scope, issue }: { ui: Ui; name: string; scope?: string; issue?: FieldIssue }) {
  if (!issue) return null;
  return (
    <p class="field-error" id={errorId(`${scope ?? ''}${name}`)}>
      {issueText(ui, issue)}
    </p>
  );
}

export function Field(props: {
  ui: Ui;
  name: string;
  label: string;
  value: string;
  issues: readonly FieldIssue[];
  hint?: string;
  rows?: number;
  type?: string;
  scope?: string;
  inputmode?: 'numeric';
}) {
  const issue = issueOf(props.issues, props.name);
  const id = idOf(props.name, props.scope);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const aria = described(`${props.scope ?? ''}${props.name}`, issue, hintId);
  return (
    <div class={issue ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <Message ui={props.ui} name={props.name} scope={props.scope} issue={issue} />
      {props.rows ? (
        <textarea id={id} name={props.name} rows={props.rows} {...aria}>
          {props.value}
        </textarea>
      ) : (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          inputmode={props.inputmode}
          {...aria}
        />
      )}
    </div>
  );
}

export function Select(props: {
  ui: Ui;
  name: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  issues: readonly FieldIssue[];
  hint?: string;
}) {
  const issue = issueOf(props.issues, props.name);
  const id = idOf(props.name);
  const hintId = props.hint ? `${id}-hint` : undefined;
  return (
    <div class={issue ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <Message ui={props.ui} name={props.name} issue={issue} />
      <select id={id} name={props.name} {...described(props.name, issue, hintId)}>
        {props.options.map(([value, text]) => (
          <option value={value} selected={value === props.value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
