import type { Child } from 'hono/jsx';
import type { FieldIssue } from '../../../domain/errors.ts';
import { overlappingPlatformIds, type CheckSnapshot } from '../../../domain/local-system.ts';
import type { Platform } from '../../../domain/platform.ts';
import { formatDate } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { LocalSystemDetail } from '../../../services/local-system.service.ts';
import { Csrf, Flash, type WorkUi } from '../work/shell.tsx';
import { Field, issueOf, issueText, workTexts } from './local-system-fields.tsx';
import { textsFor } from './local-systems.page.tsx';
import { Answers, CheckResult, when } from './local-system-check.tsx';
import { localSystemPaths } from './local-system-paths.ts';

/**
 * One local system: what it is, its latest check with the platforms found (owner and focal
 * point), "check now", comply or explain, the answers sent, every check, and the edit form.
 * What is shown and offered follows `can` (decided by the route and passed in).
 */
export interface JustificationValues {
  reason: string;
  platformUnfit: string;
  costComparison: string;
  integrationPlan: string;
}
export const EMPTY_JUSTIFICATION: JustificationValues = {
  reason: '',
  platformUnfit: '',
  costComparison: '',
  integrationPlan: '',
};

function Comply(props: {
  ui: WorkUi;
  auth: Authenticated;
  detail: LocalSystemDetail;
  check: CheckSnapshot;
  issues: readonly FieldIssue[];
  values: JustificationValues;
  chosen: string;
}) {
  const { ui, auth, detail, check, issues } = props;
  const w = workTexts(ui);
  const f = w.field;
  const overlapping = new Set(overlappingPlatformIds(check));
  const choices = [...check.matches].sort(
    (a, b) => Number(overlapping.has(b.platformId)) - Number(overlapping.has(a.platformId)),
  );
  const platformIssue = issueOf(issues, 'platform');
  return (
    <section id="comply" aria-labelledby="comply-title">
      <h2 id="comply-title">{w.comply}</h2>
      <p>{w.complyIntro}</p>
      <form
        method="post"
        action={`${localSystemPaths.resolve(detail.id)}#comply`}
        class="work-form"
        novalidate
      >
        <Csrf auth={auth} />
        <input type="hidden" name="kind" value="adoption" />
        <fieldset class={platformIssue ? 'field-invalid' : undefined}>
          <legend>{w.adoptTitle}</legend>
          {platformIssue ? (
            <p class="field-error" id="err-platform">
              {issueText(ui, platformIssue)}
            </p>
          ) : null}
          <ul>
            {choices.map((m) => (
              <li>
                <input
                  type="radio"
                  id={`adopt-${m.platformId}`}
                  name="platform"
                  value={m.platformId}
                  checked={props.chosen === m.platformId}
                />
                <label for={`adopt-${m.platformId}`}>
                  {m.name} ({w.level[m.level]})
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="secondary">
            {w.adopt}
          </button>
        </div>
      </form>
      <form
        method="post"
        action={`${localSystemPaths.resolve(detail.id)}#comply`}
        class="work-form"
        novalidate
      >
        <Csrf auth={auth} />
        <input type="hidden" name="kind" value="justification" />
        <fieldset>
          <legend>{w.justifyTitle}</legend>
          <Field
            ui={ui}
            name="reason"
            label={f.reason}
            value={props.values.reason}
            issues={issues}
            rows={4}
          />
          <Field
            ui={ui}
            name="platformUnfit"
            label={f.platformUnfit}
            value={props.values.platformUnfit}
            issues={issues}
            rows={4}
          />
          <Field
            ui={ui}
            name="costComparison"
            label={f.costComparison}
            value={props.values.costComparison}
            issues={issues}
            rows={3}
          />
          <Field
            ui={ui}
            name="integrationPlan"
            label={f.integrationPlan}
            value={props.values.integrationPlan}
            issues={issues}
            rows={3}
          />
        </fieldset>
        <div class="form-actions">
          <button type="submit">{w.justify}</button>
        </div>
      </form>
    </section>
  );
}

export interface SystemPageProps {
  ui: WorkUi;
  auth: Authenticated;
  detail: LocalSystemDetail;
  platforms: ReadonlyMap<string, Platform>;
  allowed: { manage: boolean; check: boolean };
  flash?: { text: string; kind: 'ok' | 'error' } | undefined;
  comply?: { issues: readonly FieldIssue[]; values: JustificationValues; chosen: string };
  /** The edit form (rendered by the caller with its values and issues), if the reader may edit. */
  form: Child | null;
}

export function SystemPage(props: SystemPageProps) {
  const { ui, auth, detail } = props;
  const w = workTexts(ui);
  const t = textsFor(ui);
  const check = detail.latestCheck;
  const names = new Map(detail.checks.flatMap((c) => c.matches.map((m) => [m.platformId, m.name] as const)));
  const canAnswer =
    props.allowed.manage &&
    check?.verdict === 'overlap' &&
    (detail.standing === 'unresolved' || detail.standing === 'rejected');
  const money =
    detail.budgetVnd === null
      ? ''
      : new Intl.NumberFormat(ui.locale === 'en' ? 'en-GB' : 'vi-VN').format(detail.budgetVnd);
  const facts: [string, string][] = [
    [w.locality, detail.locality?.name ?? ''],
    ...(detail.origin && detail.origin.id !== detail.locality?.id
      ? [[w.origin, detail.origin.name] as [string, string]]
      : []),
    [t.page.status, t.status[detail.status]],
    [w.standing, t.standing[detail.standing]],
    [
      t.page.decision,
      detail.decision
        ? `${detail.decision.number} ${ui.locale === 'vi' ? 'ngày' : 'of'} ${formatDate(detail.decision.date)}`
        : w.none,
    ],
    [t.page.budget, money || w.none],
    [
      w.field.contactName,
      [detail.contact.name, detail.contact.email, detail.contact.phone].filter(Boolean).join(' · ') || w.none,
    ],
    [w.field.description, detail.description || w.none],
    [w.field.functions, detail.functions.join('; ') || w.none],
    [w.field.data, detail.data.join('; ') || w.none],
    [w.version, `${detail.version} · ${w.updatedAt} ${when(detail.updatedAt)}`],
  ];
  return (
    <article class="local-system">
      <h1>{detail.name}</h1>
      <Flash text={props.flash?.text} kind={props.flash?.kind} />
      <section aria-labelledby="facts-title">
        <h2 id="facts-title">{w.facts}</h2>
        <dl class="facts">
          {facts.map(([k, v]) => (
            <div class="fact">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section id="check" aria-labelledby="check-title">
        <h2 id="check-title">{w.checkTitle}</h2>
        <CheckResult ui={ui} check={check} platforms={props.platforms} />
        {props.allowed.check ? (
          <form method="post" action={localSystemPaths.check(detail.id)} class="work-form">
            <Csrf auth={auth} />
            <input type="hidden" name="version" value={String(detail.version)} />
            <p class="hint">{w.checkNowHint}</p>
            <button type="submit" class="secondary">
              {w.checkNow}
            </button>
          </form>
        ) : null}
      </section>
      {canAnswer && check ? (
        <Comply
          ui={ui}
          auth={auth}
          detail={detail}
          check={check}
          issues={props.comply?.issues ?? []}
          values={props.comply?.values ?? EMPTY_JUSTIFICATION}
          chosen={props.comply?.chosen ?? ''}
        />
      ) : null}
      {detail.resolutions.length > 0 ? (
        <section aria-labelledby="answers-title">
          <h2 id="answers-title">{w.answers}</h2>
          <Answers ui={ui} resolutions={detail.resolutions} names={names} />
        </section>
      ) : null}
      {props.form ? (
        <section id="edit" aria-labelledby="edit-title">
          <h2 id="edit-title">{w.editTitle}</h2>
          {props.form}
        </section>
      ) : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{w.history}</h2>
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">{w.historyWhen}</th>
                <th scope="col">{w.historyTrigger}</th>
                <th scope="col">{w.historyVerdict}</th>
                <th scope="col">{w.historyOverlaps}</th>
              </tr>
            </thead>
            <tbody>
              {detail.checks.map((c) => (
                <tr>
                  <th scope="row">{when(c.checkedAt)}</th>
                  <td data-label={w.historyTrigger}>{w.trigger[c.trigger]}</td>
                  <td data-label={w.historyVerdict}>{t.verdict[c.verdict]}</td>
                  <td data-label={w.historyOverlaps}>
                    {c.matches
                      .filter((m) => m.level === 'overlap')
                      .map((m) => m.name)
                      .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <p>
        <a href={localSystemPaths.list}>{w.back}</a>
      </p>
    </article>
  );
}
