import { Hono, type Context } from 'hono';
import { ConflictError, InvalidInputError, NotFoundError, type FieldIssue } from '../../../domain/errors.ts';
import { PUBLICATION_EVENT_TYPES, type PublicationEventType } from '../../../domain/notification.ts';
import { can } from '../../../domain/permission.ts';
import { format } from '../../../i18n/index.ts';
import type { Authenticated } from '../../../services/auth.service.ts';
import type { WebhookService } from '../../../services/webhook.service.ts';
import { requestMeta } from '../../api/write-context.ts';
import type { AppEnv } from '../../env.ts';
import { authorityPaths } from './authority-paths.ts';
import { authorityUi } from './authority-shell.tsx';
import { signedInOr } from './auth.routes.tsx';
import { every, one, readForm } from './form.ts';
import { workPaths } from './paths.ts';
import { forbiddenPage, renderWork } from './shell.tsx';
import {
  DeleteWebhookPage,
  DeliveriesPage,
  EMPTY_WEBHOOK,
  WebhooksPage,
  type WebhookValues,
} from './webhooks.page.tsx';

export interface WebhookPagesDeps {
  webhooks: WebhookService;
}

const FLASH = { updated: 'cap-nhat', deleted: 'da-xoa' } as const;
const DELIVERIES_SHOWN = 100;
const isEventType = (value: string): value is PublicationEventType =>
  (PUBLICATION_EVENT_TYPES as readonly string[]).includes(value);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Webhooks (administrators): the endpoints, registering one (its secret shown once, on the
 * answer to the form and never again), enabling, disabling and deleting, and each one's
 * delivery log.
 */
export function webhookPages({ webhooks }: WebhookPagesDeps) {
  const web = new Hono<AppEnv>();

  const admin = async (c: Context<AppEnv>): Promise<Authenticated | Response> => {
    const auth = await signedInOr(c);
    if (auth instanceof Response) return auth;
    if (!can(auth.actor, 'webhook.manage', { kind: 'webhook' })) return forbiddenPage(c);
    return auth;
  };

  const listPage = async (
    c: Context<AppEnv>,
    auth: Authenticated,
    state: {
      values?: WebhookValues;
      issues?: FieldIssue[];
      flash?: { text: string; kind: 'ok' | 'error' };
      secret?: string;
    } = {},
    status: 200 | 201 | 400 | 409 = 200,
  ) => {
    const ui = authorityUi(c);
    const list = await webhooks.list(auth.actor);
    return renderWork(
      c,
      ui,
      { title: ui.a.webhooks.title, status },
      <WebhooksPage
        ui={ui}
        auth={auth}
        webhooks={list}
        values={state.values ?? EMPTY_WEBHOOK}
        issues={state.issues ?? []}
        flash={state.flash}
        secret={state.secret}
      />,
    );
  };

  web.get(authorityPaths.webhooks, async (c) => {
    const auth = await admin(c);
    if (auth instanceof Response) return auth;
    const ui = authorityUi(c);
    const ok = c.req.query('ok');
    if (ok === FLASH.deleted)
      return listPage(c, auth, { flash: { text: ui.a.webhooks.deleted, kind: 'ok' } });
    const id = c.req.query('id') ?? '';
    if (ok === FLASH.updated && UUID.test(id)) {
      const updated = (await webhooks.list(auth.actor)).find((w) => w.id === id);
      if (updated)
        return listPage(c, auth, {
          flash: { text: format(ui.a.webhooks.updated, { url: updated.url }), kind: 'ok' },
        });
    }
    return listPage(c, auth);
  });

  web.post(authorityPaths.webhooks, async (c) => {
    const auth = await admin(c);
    if (auth instanceof Response) return auth;
    const fields = await readForm(c);
    const values: WebhookValues = {
      url: one(fields, 'url').trim(),
      description: one(fields, 'description').trim(),
      events: every(fields, 'events'),
    };
    const issues: FieldIssue[] = [];
    if (values.url === '') issues.push({ field: 'url', code: 'required' });
    else if (values.url.length > 2000)
      issues.push({ field: 'url', code: 'too_big', params: { maximum: 2000 } });
    if (values.description.length > 500)
      issues.push({ field: 'description', code: 'too_big', params: { maximum: 500 } });
    if (!values.events.every(isEventType)) issues.push({ field: 'eventTypes', code: 'invalid_value' });
    if (issues.length > 0) return listPage(c, auth, { values, issues }, 400);
    let created;
    try {
      created = await webhooks.create(
        auth.actor,
        { url: values.url, description: values.description, eventTypes: values.events.filter(isEventType) },
        requestMeta(c),
      );
    } catch (error) {
      if (error instanceof InvalidInputError) return listPage(c, auth, { values, issues: error.issues }, 400);
      throw error;
    }
    const ui = authorityUi(c);
    // Answered here, not after a redirect: the secret must never travel in a URL or be shown again.
    return listPage(
      c,
      auth,
      {
        flash: { text: format(ui.a.webhooks.registered, { url: created.webhook.url }), kind: 'ok' },
        secret: created.secret,
      },
      201,
    );
  });

  web.get('/cong-viec/webhook/:id', async (c) => {
    const auth = await admin(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    if (!UUID.test(id)) throw new NotFoundError('webhook', id);
    const [webhook, deliveries] = await Promise.all([
      webhooks.get(auth.actor, id),
      webhooks.deliveries(auth.actor, id, DELIVERIES_SHOWN),
    ]);
    const ui = authorityUi(c);
    return renderWork(
      c,
      ui,
      {
        title: ui.a.webhooks.deliveriesTitle,
        crumbs: [
          { href: workPaths.home, text: ui.w.work.title },
          { href: authorityPaths.webhooks, text: ui.a.webhooks.title },
        ],
      },
      <DeliveriesPage ui={ui} webhook={webhook} deliveries={deliveries} />,
    );
  });

  web.post('/cong-viec/webhook/:id/trang-thai', async (c) => {
    const auth = await admin(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    if (!UUID.test(id)) throw new NotFoundError('webhook', id);
    const fields = await readForm(c);
    try {
      await webhooks.update(
        auth.actor,
        id,
        { version: Number(one(fields, 'version')) || 0, enabled: one(fields, 'enabled') === 'true' },
        requestMeta(c),
      );
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const ui = authorityUi(c);
      return listPage(c, auth, { flash: { text: ui.a.webhooks.stale, kind: 'error' } }, 409);
    }
    return c.redirect(`${authorityPaths.webhooks}?ok=${FLASH.updated}&id=${encodeURIComponent(id)}`, 303);
  });

  web.get('/cong-viec/webhook/:id/xoa', async (c) => {
    const auth = await admin(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    if (!UUID.test(id)) throw new NotFoundError('webhook', id);
    const webhook = await webhooks.get(auth.actor, id);
    const ui = authorityUi(c);
    return renderWork(
      c,
      ui,
      {
        title: format(ui.a.webhooks.deleteTitle, { url: webhook.url }),
        crumbs: [
          { href: workPaths.home, text: ui.w.work.title },
          { href: authorityPaths.webhooks, text: ui.a.webhooks.title },
        ],
      },
      <DeleteWebhookPage ui={ui} auth={auth} webhook={webhook} />,
    );
  });

  web.post('/cong-viec/webhook/:id/xoa', async (c) => {
    const auth = await admin(c);
    if (auth instanceof Response) return auth;
    const id = c.req.param('id');
    if (!UUID.test(id)) throw new NotFoundError('webhook', id);
    await webhooks.remove(auth.actor, id, requestMeta(c));
    return c.redirect(`${authorityPaths.webhooks}?ok=${FLASH.deleted}`, 303);
  });

  return web;
}
