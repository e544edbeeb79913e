import type { Child } from 'hono/jsx';
import type { OverlapMatch, OverlapReason } from '../../domain/overlap/index.ts';
import type { Platform } from '../../domain/platform.ts';
import { format, formatDate } from '../../i18n/index.ts';
import { overlapCheckEn } from '../../i18n/overlap-check.en.ts';
import { overlapCheckVi, type OverlapCheckMessages } from '../../i18n/overlap-check.vi.ts';
import type { OverlapCheckView } from '../../services/overlap.service.ts';
import { OwnerText } from './components/owner.tsx';
import type { FormIssue, OverlapForm } from './overlap-check.form.ts';
import { paths } from './paths.ts';
import type { Ui } from './ui.ts';

/**
 * The public overlap check: a form (works without JavaScript), and under it the verdict in
 * plain words, each platform found with what matched what, its owner and focal point, and what
 * to do next.
 */
export const overlapTexts = (ui: Ui): OverlapCheckMessages =>
  ui.locale === 'en' ? overlapCheckEn : overlapCheckVi;

export interface ProvinceOption {
  code: string;
  name: string;
}

export interface MatchView {
  match: OverlapMatch;
  platform: Platform | undefined;
}

export interface CheckOutcome {
  result: OverlapCheckView;
  matches: MatchView[];
  /** A GET address that reruns this check, when short enough to share. */
  shareHref: string | null;
}

interface PageProps {
  ui: Ui;
  form: OverlapForm;
  provinces: readonly ProvinceOption[];
  issues: readonly FormIssue[];
  outcome: CheckOutcome | null;
  csrfToken: string | null;
}

const TEXT_KINDS = new Set(['name', 'alias', 'function', 'data', 'description', 'integration']);

function issueText(t: OverlapCheckMessages, issue: FormIssue): string {
  const messages = t.field as Record<string, string>;
  const message = format(messages[issue.code] ?? t.field.invalid, issue.params);
  return issue.line ? format(t.form.line, { line: issue.line, message }) : message;
}

/** `text` with the matched words marked (they are given as written, so matched as written). */
export function marked(text: string, words: readonly string[]): Child[] {
  const terms = [...new Set(words.filter((w) => w.trim() !== ''))].sort((a, b) => b.length - a.length);
  if (terms.length === 0) return [text];
  const escaped = terms.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  // split with a capturing group: the odd parts are the matches.
  return text
    .split(pattern)
    .map((part, i) => (i % 2 === 1 ? <mark>{part}</mark> : part))
    .filter((part) => part !== '');
}

function Field({
  id,
  label,
  hint,
  required,
  issues,
  t,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  required?: boolean;
  issues: readonly FormIssue[];
  t: OverlapCheckMessages;
  children: Child;
}) {
  return (
    <div class={issues.length > 0 ? 'form-field has-error' : 'form-field'}>
      <label for={id}>
        {label}
        {required ? <span class="required"> {t.form.required}</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {issues.length > 0 ? (
        <p class="field-error" id={`${id}-error`}>
          {issues.map((i) => issueText(t, i)).join('; ')}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(id: string, hint: boolean, issues: readonly FormIssue[]): string | undefined {
  const ids = [...(hint ? [`${id}-hint`] : []), ...(issues.length > 0 ? [`${id}-error`] : [])];
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function CheckForm({ ui, form, provinces, issues, csrfToken }: Omit<PageProps, 'outcome'>) {
  const t = overlapTexts(ui);
  const of = (input: keyof OverlapForm) => issues.filter((i) => i.input === input);
  const attrs = (input: keyof OverlapForm, hint = true) => ({
    id: `f-${input}`,
    name: input,
    'aria-describedby': describedBy(`f-${input}`, hint, of(input)),
    'aria-invalid': of(input).length > 0 ? 'true' : undefined,
  });
  return (
    <form method="post" action={paths.overlapCheck} class="overlap-form" novalidate>
      {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
      <fieldset>
        <legend>{t.form.legend}</legend>
        <Field id="f-name" label={t.form.name} hint={t.form.nameHint} required issues={of('name')} t={t}>
          <input
            type="text"
            {...attrs('name')}
            value={form.name}
            required
            maxlength={300}
            autocomplete="off"
          />
        </Field>
        <Field
          id="f-description"
          label={t.form.description}
          hint={t.form.descriptionHint}
          issues={of('description')}
          t={t}
        >
          <textarea {...attrs('description')} rows={4} maxlength={5000}>
            {form.description}
          </textarea>
        </Field>
        <Field
          id="f-functions"
          label={t.form.functions}
          hint={t.form.functionsHint}
          issues={of('functions')}
          t={t}
        >
          <textarea {...attrs('functions')} rows={5}>
            {form.functions}
          </textarea>
        </Field>
        <Field id="f-data" label={t.form.data} hint={t.form.dataHint} issues={of('data')} t={t}>
          <textarea {...attrs('data')} rows={3}>
            {form.data}
          </textarea>
        </Field>
        <Field
          id="f-province"
          label={t.form.province}
          hint={t.form.provinceHint}
          issues={of('province')}
          t={t}
        >
          <select {...attrs('province')}>
            <option value="">{t.form.provinceNone}</option>
            {provinces.map((p) => (
              <option value={p.code} selected={p.code === form.province}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>
      <div class="form-actions">
        <button type="submit">{t.form.submit}</button>
      </div>
    </form>
  );
}

function ErrorSummary({ ui, issues }: { ui: Ui; issues: readonly FormIssue[] }) {
  const t = overlapTexts(ui);
  const labels: Record<keyof OverlapForm, string> = {
    name: t.form.name,
    description: t.form.description,
    functions: t.form.functions,
    data: t.form.data,
    province: t.form.province,
  };
  return (
    <div class="notice notice-error error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{format(t.form.errorSummary, { count: issues.length })}</h2>
      <ul>
        {issues.map((i) => (
          <li>
            <a href={`#f-${i.input}`}>{labels[i.input]}</a>: {issueText(t, i)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Evidence({ t, reasons }: { t: OverlapCheckMessages; reasons: readonly OverlapReason[] }) {
  const pairs = reasons.filter((r) => TEXT_KINDS.has(r.kind) && r.proposalText && r.platformText);
  if (pairs.length === 0) return null;
  return (
    <div class="evidence">
      <h4>{t.result.evidenceHeading}</h4>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.result.proposalSide}</th>
            <th scope="col">{t.result.platformSide}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((r) => (
            <tr>
              <td>{marked(r.proposalText, r.matchedTerms)}</td>
              <td>{marked(r.platformText, r.platformTerms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Contacts({ ui, platform }: { ui: Ui; platform: Platform }) {
  const t = overlapTexts(ui);
  return (
    <dl class="match-facts">
      <div>
        <dt>{t.result.owner}</dt>
        <dd>
          <OwnerText ui={ui} platform={platform} />
        </dd>
      </div>
      <div>
        <dt>{t.result.focalPoints}</dt>
        <dd>
          {platform.focalPoints.length === 0 ? (
            <span class="muted">{t.result.noFocalPoint}</span>
          ) : (
            platform.focalPoints.map((f) => (
              <p class="contact">
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
              </p>
            ))
          )}
        </dd>
      </div>
      {platform.website ? (
        <div>
          <dt>{t.result.website}</dt>
          <dd>
            <a class="external" href={platform.website} rel="noopener noreferrer">
              {platform.website}
            </a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function MatchCard({ ui, view }: { ui: Ui; view: MatchView }) {
  const t = overlapTexts(ui);
  const { match, platform } = view;
  const sentences = match.reasons.filter((r) => r.kind !== 'contact');
  return (
    <li class={`match match-${match.level}`}>
      <h3>
        <span class={`level level-${match.level}`}>{t.result.level[match.level]}</span>{' '}
        {platform ? <a href={paths.platform(platform.slug)}>{match.name}</a> : match.name}
      </h3>
      <p class="score">{format(t.result.score, { percent: `${Math.round(match.score * 100)}%` })}</p>
      {sentences.length > 0 ? (
        <>
          <h4>{t.result.why}</h4>
          <ul class="reasons">
            {sentences.map((r) => (
              <li>{r.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Evidence t={t} reasons={match.reasons} />
      {platform ? <Contacts ui={ui} platform={platform} /> : null}
      {platform ? (
        <p>
          <a href={paths.platform(platform.slug)}>{t.result.openPlatform}</a>
        </p>
      ) : null}
    </li>
  );
}

/** hh:mm and dd/mm/yyyy in Vietnam's time (UTC+7). */
function vietnamTime(iso: string): { time: string; date: string } {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return { time: local.slice(11, 16), date: formatDate(local) };
}

function Result({
  ui,
  form,
  provinces,
  outcome,
}: {
  ui: Ui;
  form: OverlapForm;
  provinces: readonly ProvinceOption[];
  outcome: CheckOutcome;
}) {
  const t = overlapTexts(ui);
  const { result } = outcome;
  const province = provinces.find((p) => p.code === form.province);
  const when = vietnamTime(result.checkedAt);
  return (
    <section class="overlap-result" aria-labelledby="result-title">
      <h2 id="result-title">{t.result.heading}</h2>
      <div class={`verdict verdict-${result.verdict}`} role="status">
        <p class="verdict-title">{t.result.verdict[result.verdict]}</p>
        <p>{t.result.verdictBody[result.verdict]}</p>
        <p class="muted">
          {format(t.result.proposal, { name: form.name.trim() })}
          {province ? (
            <>
              {' · '}
              {format(t.result.province, { province: province.name })}
            </>
          ) : null}
        </p>
      </div>
      {outcome.matches.length > 0 ? (
        <>
          <h2>{format(t.result.matchesHeading, { count: outcome.matches.length })}</h2>
          <ol class="matches">
            {outcome.matches.map((view) => (
              <MatchCard ui={ui} view={view} />
            ))}
          </ol>
        </>
      ) : null}
      <h2>{t.result.nextHeading}</h2>
      <ul class="next-steps">
        {t.result.next[result.verdict].map((step) => (
          <li>{step}</li>
        ))}
      </ul>
      <p class="muted check-meta">
        {format(t.result.meta, {
          time: when.time,
          date: when.date,
          catalogue: result.catalogueRevision,
          rules: result.rulesVersion,
        })}
      </p>
      {outcome.shareHref ? (
        <p>
          <a href={outcome.shareHref}>{t.result.share}</a>
        </p>
      ) : null}
      <p>
        <a href="#f-name">{t.result.again}</a>
      </p>
    </section>
  );
}

export function OverlapCheckPage(props: PageProps) {
  const { ui, issues, outcome } = props;
  const t = overlapTexts(ui);
  return (
    <div class="overlap-check">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {issues.length > 0 ? <ErrorSummary ui={ui} issues={issues} /> : null}
      {outcome ? <Result ui={ui} form={props.form} provinces={props.provinces} outcome={outcome} /> : null}
      <CheckForm
        ui={ui}
        form={props.form}
        provinces={props.provinces}
        issues={issues}
        csrfToken={props.csrfToken}
      />
    </div>
  );
}

export function RateLimitedPage({ ui, seconds }: { ui: Ui; seconds: number }) {
  const t = overlapTexts(ui);
  return (
    <section class="error-page">
      <h1>{t.rateLimited.title}</h1>
      <p>{format(t.rateLimited.body, { seconds })}</p>
      <p>
        <a href={paths.overlapCheck}>{t.title}</a>
      </p>
    </section>
  );
}
