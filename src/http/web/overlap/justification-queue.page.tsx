import type { FieldIssue } from '../../../domain/errors.ts';
import type { Resolution } from '../../../domain/local-system.ts';
import type { Platform } from '../../../domain/platform.ts';
import { format } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { LocalSystemView } from '../../../services/local-system.service.ts';
import { Csrf, Flash, type WorkUi } from '../work/shell.tsx';
import { Field, workTexts } from './local-system-fields.tsx';
import { CheckResult, JustificationText, vietnamTime } from './local-system-check.tsx';
import { localSystemPaths } from './local-system-paths.ts';
import { textsFor } from './local-systems.page.tsx';

/** The authority's queue: each pending justification with its system and verdict, to accept or reject. */
export interface QueueItem {
  system: LocalSystemView;
  resolution: Resolution;
}

export function JustificationQueuePage(props: {
  ui: WorkUi;
  auth: Authenticated;
  items: QueueItem[];
  platforms: ReadonlyMap<string, Platform>;
  flash?: { text: string; kind: 'ok' | 'error' } | undefined;
  /** The decision refused, with what was typed: its resolution id, issues and comment. */
  failed?: { resolutionId: string; issues: readonly FieldIssue[]; comment: string } | undefined;
}) {
  const { ui, auth } = props;
  const w = workTexts(ui);
  const t = textsFor(ui);
  return (
    <section class="justification-queue">
      <h1>{w.queueTitle}</h1>
      <p>{w.queueIntro}</p>
      <Flash text={props.flash?.text} kind={props.flash?.kind} />
      {props.items.length === 0 ? <p>{w.queueEmpty}</p> : null}
      {props.items.map(({ system, resolution }) => {
        const failed = props.failed?.resolutionId === resolution.id ? props.failed : undefined;
        const sent = vietnamTime(resolution.createdAt);
        const scope = `${resolution.id}-`;
        return (
          <article class="queue-item" aria-labelledby={`q-${resolution.id}`}>
            <h2 id={`q-${resolution.id}`}>
              <a href={localSystemPaths.system(system.id)}>{system.name}</a>
            </h2>
            <p>
              {system.locality?.name}
              {system.origin && system.origin.id !== system.locality?.id
                ? ` (${t.page.origin}: ${system.origin.name})`
                : ''}{' '}
              · {t.status[system.status]} · {format(w.sentAt, { when: `${sent.time} ${sent.date}` })}
            </p>
            <details>
              <summary>{w.checkTitle}</summary>
              <CheckResult ui={ui} check={system.latestCheck} platforms={props.platforms} />
            </details>
            <p>
              <strong>{w.duplicates}:</strong>{' '}
              {(system.latestCheck?.matches ?? [])
                .filter((m) => m.level === 'overlap')
                .map((m) => m.name)
                .join('; ')}
            </p>
            {resolution.justification ? (
              <JustificationText ui={ui} justification={resolution.justification} />
            ) : null}
            <form
              method="post"
              action={`${localSystemPaths.decide(resolution.id)}#q-${resolution.id}`}
              class="work-form"
              novalidate
            >
              <Csrf auth={auth} />
              <Field
                ui={ui}
                name="comment"
                scope={scope}
                label={w.field.comment}
                value={failed?.comment ?? ''}
                issues={failed?.issues ?? []}
                rows={3}
              />
              <div class="form-actions">
                <button type="submit" name="decision" value="reject" class="danger">
                  {w.reject}
                </button>
                <button type="submit" name="decision" value="accept">
                  {w.accept}
                </button>
              </div>
            </form>
          </article>
        );
      })}
    </section>
  );
}
