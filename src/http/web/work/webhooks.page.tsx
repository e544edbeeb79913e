import type { FieldIssue } from '../../../domain/errors.ts';
import { PUBLICATION_EVENT_TYPES, type Delivery, type Webhook } from '../../../domain/notification.ts';
import { format } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import { authorityPaths } from './authority-paths.ts';
import { dateTime, type AuthorityUi } from './authority-shell.tsx';
import { Csrf, ErrorSummary, FieldError, Flash, TextField } from './shell.tsx';

export interface WebhookValues {
  url: string;
  description: string;
  events: string[];
}
export const EMPTY_WEBHOOK: WebhookValues = { url: '', description: '', events: [] };

const eventsText = (ui: AuthorityUi, types: readonly string[]) =>
  types.length === 0
    ? ui.a.webhooks.allEvents
    : types.map((type) => (ui.a.webhooks.event as Record<string, string>)[type] ?? type).join(', ');

export function WebhooksPage({
  ui,
  auth,
  webhooks,
  values,
  issues,
  flash,
  secret,
}: {
  ui: AuthorityUi;
  auth: Authenticated;
  webhooks: readonly Webhook[];
  values: WebhookValues;
  issues: readonly FieldIssue[];
  flash?: { text: string; kind: 'ok' | 'error' } | undefined;
  /** The new endpoint's secret, on the one page that shows it. */
  secret?: string | undefined;
}) {
  const t = ui.a.webhooks;
  const issue = (field: string) => issues.find((i) => i.field === field);
  const labels: Record<string, string> = { url: t.url, description: t.description, eventTypes: t.events };
  return (
    <section>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <Flash text={flash?.text} kind={flash?.kind} />
      {secret ? (
        <div class="notice notice-ok secret" role="status">
          <h2>{t.secretTitle}</h2>
          <p>{t.secretBody}</p>
          <p>
            <code class="secret-value">{secret}</code>
          </p>
        </div>
      ) : null}
      {webhooks.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap">
          <table class="webhooks">
            <thead>
              <tr>
                <th scope="col">{t.url}</th>
                <th scope="col">{t.events}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.delete}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {webhooks.map((w) => (
                <tr data-webhook={w.id} class={w.enabled ? undefined : 'disabled-row'}>
                  <th scope="row">
                    <a href={authorityPaths.webhook(w.id)}>{w.url}</a>
                    {w.description ? (
                      <>
                        <br />
                        <span class="muted">{w.description}</span>
                      </>
                    ) : null}
                  </th>
                  <td>{eventsText(ui, w.eventTypes)}</td>
                  <td>
                    {w.enabled ? t.enabled : t.disabled}
                    <form method="post" action={authorityPaths.webhookState(w.id)} class="inline-form">
                      <Csrf auth={auth} />
                      <input type="hidden" name="version" value={String(w.version)} />
                      <input type="hidden" name="enabled" value={w.enabled ? 'false' : 'true'} />
                      <button type="submit" class="secondary">
                        {w.enabled ? t.disable : t.enable}
                      </button>
                    </form>
                  </td>
                  <td>
                    <a href={authorityPaths.webhook(w.id)}>{t.deliveriesLink}</a>
                    {' · '}
                    <a href={authorityPaths.webhookDelete(w.id)} class="danger-link">
                      {t.delete}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="register-title">
        <h2 id="register-title">{t.registerTitle}</h2>
        <form method="post" action={authorityPaths.webhooks} class="work-form narrow" novalidate>
          <Csrf auth={auth} />
          <ErrorSummary ui={ui} issues={issues} label={(f) => labels[f] ?? f} />
          <TextField
            ui={ui}
            id="webhook-url"
            name="url"
            label={t.url}
            hint={t.urlHint}
            value={values.url}
            issue={issue('url')}
            type="url"
            required
          />
          <TextField
            ui={ui}
            id="webhook-description"
            name="description"
            label={t.description}
            value={values.description}
            issue={issue('description')}
          />
          <fieldset class={issue('eventTypes') ? 'field-invalid' : undefined}>
            <legend>{t.events}</legend>
            <p class="hint">{t.eventsHint}</p>
            <FieldError ui={ui} id="eventTypes" issue={issue('eventTypes')} />
            <ul>
              {PUBLICATION_EVENT_TYPES.map((type) => (
                <li>
                  <input
                    type="checkbox"
                    id={`event-${type}`}
                    name="events"
                    value={type}
                    checked={values.events.includes(type)}
                  />{' '}
                  <label for={`event-${type}`}>{t.event[type]}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div class="form-actions">
            <button type="submit">{t.register}</button>
          </div>
        </form>
      </section>
    </section>
  );
}

/** One endpoint's delivery log: each event's state, attempts, next retry and last error. */
export function DeliveriesPage({
  ui,
  webhook,
  deliveries,
}: {
  ui: AuthorityUi;
  webhook: Webhook;
  deliveries: readonly Delivery[];
}) {
  const t = ui.a.webhooks;
  return (
    <section>
      <h1>{webhook.url}</h1>
      <p>
        {eventsText(ui, webhook.eventTypes)} — {webhook.enabled ? t.enabled : t.disabled}
      </p>
      <h2>{t.deliveriesTitle}</h2>
      {deliveries.length === 0 ? (
        <p>{t.noDeliveries}</p>
      ) : (
        <div class="table-wrap">
          <table class="deliveries">
            <thead>
              <tr>
                <th scope="col">{t.createdAt}</th>
                <th scope="col">{t.events}</th>
                <th scope="col">{t.state}</th>
                <th scope="col" class="num">
                  {t.attempts}
                </th>
                <th scope="col">{t.nextRetry}</th>
                <th scope="col">{t.lastStatus}</th>
                <th scope="col">{t.lastError}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => {
                const last = d.log.at(-1);
                return (
                  <tr data-delivery={d.id} data-state={d.state}>
                    <td>{dateTime(d.createdAt)}</td>
                    <td>{(t.event as Record<string, string>)[d.eventType] ?? d.eventType}</td>
                    <td>{t.deliveryState[d.state]}</td>
                    <td class="num">{d.attempts}</td>
                    <td>{d.nextAttemptAt ? dateTime(d.nextAttemptAt) : ''}</td>
                    <td>{last?.statusCode ?? ''}</td>
                    <td>{last?.error ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={authorityPaths.webhooks}>{t.back}</a>
      </p>
    </section>
  );
}

/** The step before deleting: what goes with the webhook, and that it cannot be undone. */
export function DeleteWebhookPage({
  ui,
  auth,
  webhook,
}: {
  ui: AuthorityUi;
  auth: Authenticated;
  webhook: Webhook;
}) {
  const t = ui.a.webhooks;
  return (
    <section>
      <h1>{format(t.deleteTitle, { url: webhook.url })}</h1>
      <p>{t.deleteBody}</p>
      <form method="post" action={authorityPaths.webhookDelete(webhook.id)}>
        <Csrf auth={auth} />
        <button type="submit" class="danger">
          {t.deleteConfirm}
        </button>{' '}
        <a href={authorityPaths.webhooks}>{t.cancel}</a>
      </form>
    </section>
  );
}
