import type { CheckSnapshot, Resolution } from '../../../domain/local-system.ts';
import type { Platform } from '../../../domain/platform.ts';
import { format, formatDate } from '../../../i18n/index.ts';
import { Contacts } from '../overlap-check.page.tsx';
import { paths } from '../paths.ts';
import type { WorkUi } from '../work/shell.tsx';
import { workTexts } from './local-system-fields.tsx';
import { textsFor } from './local-systems.page.tsx';

/** A local system's check as read: the verdict, the platforms found (owner, focal point), the answers sent. */
/** hh:mm dd/mm/yyyy in Vietnam's time (UTC+7). */
export function vietnamTime(iso: string): { time: string; date: string } {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return { time: local.slice(11, 16), date: formatDate(local) };
}
export const when = (iso: string) => {
  const t = vietnamTime(iso);
  return `${t.time} ${t.date}`;
};

export function CheckResult({
  ui,
  check,
  platforms,
}: {
  ui: WorkUi;
  check: CheckSnapshot | null;
  platforms: ReadonlyMap<string, Platform>;
}) {
  const w = workTexts(ui);
  const t = textsFor(ui);
  if (!check) return <p>{w.unchecked}</p>;
  const at = vietnamTime(check.checkedAt);
  return (
    <>
      <div class={`verdict verdict-${check.verdict}`} role="status">
        <p class="verdict-title">{t.verdict[check.verdict]}</p>
        <p>{w.verdictBody[check.verdict]}</p>
      </div>
      {check.matches.length > 0 ? (
        <ol class="matches">
          {check.matches.map((m) => {
            const platform = platforms.get(m.platformId);
            return (
              <li class={`match match-${m.level}`}>
                <h3>
                  <span class={`level level-${m.level}`}>{w.level[m.level]}</span>{' '}
                  {platform ? <a href={paths.platform(platform.slug)}>{m.name}</a> : m.name}
                </h3>
                <p class="score">{format(w.score, { percent: `${Math.round(m.score * 100)}%` })}</p>
                {m.reasons.length > 0 ? (
                  <>
                    <h4>{w.why}</h4>
                    <ul class="reasons">
                      {m.reasons.map((r) => (
                        <li>{r}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {platform ? <Contacts ui={ui} platform={platform} /> : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <p class="muted check-meta">
        {format(w.checkMeta, {
          time: at.time,
          date: at.date,
          trigger: w.trigger[check.trigger],
          catalogue: check.catalogueRevision,
          rules: check.rulesVersion,
        })}
      </p>
    </>
  );
}

export function Answers({
  ui,
  resolutions,
  names,
}: {
  ui: WorkUi;
  resolutions: Resolution[];
  names: Map<string, string>;
}) {
  const w = workTexts(ui);
  return (
    <ol class="comment-list">
      {[...resolutions].reverse().map((r) => (
        <li class="comment">
          <p class="comment-meta">
            <strong>{w.answerKind[r.kind]}</strong> · {w.answerStatus[r.status]} ·{' '}
            {format(w.sentAt, { when: when(r.createdAt) })}
          </p>
          {r.platformId ? (
            <p>{format(w.platformUsed, { name: names.get(r.platformId) ?? r.platformId })}</p>
          ) : null}
          {r.justification ? <JustificationText ui={ui} justification={r.justification} /> : null}
          {r.reviewComment ? (
            <p>
              <strong>{w.reviewComment}</strong> (
              {r.reviewedAt ? format(w.decidedAt, { when: when(r.reviewedAt) }) : ''}): {r.reviewComment}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function JustificationText({
  ui,
  justification,
}: {
  ui: WorkUi;
  justification: NonNullable<Resolution['justification']>;
}) {
  const f = workTexts(ui).field;
  const rows: [string, string | null][] = [
    [f.reason, justification.reason],
    [f.platformUnfit, justification.platformUnfit],
    [f.costComparison, justification.costComparison],
    [f.integrationPlan, justification.integrationPlan],
  ];
  return (
    <dl class="facts">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div class="fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}
