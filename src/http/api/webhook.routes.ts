import { createRoute, z } from '@hono/zod-openapi';
import { PUBLICATION_EVENT_TYPES, type Delivery, type Webhook } from '../../domain/notification.ts';
import type { WebhookService } from '../../services/webhook.service.ts';
import { apiRouter } from './router.ts';
import { requestMeta, SESSION_SECURITY, VersionField, writeProblems } from './write-context.ts';

/** Webhook endpoints and their delivery log (administrators). */
const EventTypes = z
  .array(z.enum(PUBLICATION_EVENT_TYPES))
  .max(PUBLICATION_EVENT_TYPES.length)
  .openapi({ description: 'Event types to receive; empty: every type' });
const Url = z.string().trim().max(2000).openapi({
  description:
    'https to a public address (http and private addresses only where WEBHOOK_ALLOW_PRIVATE is set)',
  example: 'https://example.gov.vn/ndp-hooks',
});
const WebhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.enum(PUBLICATION_EVENT_TYPES)),
    enabled: z.boolean(),
    version: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Webhook');
const CreatedWebhook = WebhookSchema.extend({
  secret: z.string().openapi({
    description:
      'Shown this once: signs every delivery, X-NDP-Signature = "sha256=" + hex HMAC-SHA256(secret, X-NDP-Timestamp + "." + body)',
  }),
}).openapi('CreatedWebhook');
const DeliverySchema = z
  .object({
    id: z.uuid().openapi({ description: 'Sent as X-NDP-Delivery with every attempt' }),
    eventId: z.uuid(),
    eventType: z.enum(PUBLICATION_EVENT_TYPES),
    state: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    log: z.array(
      z.object({
        attempt: z.number().int(),
        startedAt: z.string(),
        statusCode: z.number().int().nullable(),
        durationMs: z.number().int(),
        error: z.string().nullable(),
        nextAttemptAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('WebhookDelivery');
const Id = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const tags = ['Notifications'];
const problems = { 400: writeProblems[400], 401: writeProblems[401], 403: writeProblems[403] };
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const present = (w: Webhook) => ({
  ...w,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});
const presentDelivery = ({ webhookId: _, ...d }: Delivery) => ({
  ...d,
  nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
  log: d.log.map((a) => ({
    ...a,
    startedAt: a.startedAt.toISOString(),
    nextAttemptAt: a.nextAttemptAt?.toISOString() ?? null,
  })),
});

const list = createRoute({
  method: 'get',
  path: '/api/v1/webhooks',
  tags,
  summary: 'Registered webhook endpoints (administrators)',
  security: SESSION_SECURITY,
  responses: { 200: json(z.object({ items: z.array(WebhookSchema) }), 'Endpoints'), ...problems },
});
const create = createRoute({
  method: 'post',
  path: '/api/v1/webhooks',
  tags,
  summary: 'Register an endpoint; the answer carries its signing secret, shown once (administrators)',
  security: SESSION_SECURITY,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              url: Url,
              description: z.string().max(500).optional(),
              eventTypes: EventTypes.optional(),
              enabled: z.boolean().optional(),
            })
            .strict(),
        },
      },
    },
  },
  responses: { 201: json(CreatedWebhook, 'Registered'), ...problems },
});
const get = createRoute({
  method: 'get',
  path: '/api/v1/webhooks/{id}',
  tags,
  summary: 'One endpoint (administrators)',
  security: SESSION_SECURITY,
  request: { params: Id },
  responses: { 200: json(WebhookSchema, 'The endpoint'), ...problems, 404: writeProblems[404] },
});
const update = createRoute({
  method: 'patch',
  path: '/api/v1/webhooks/{id}',
  tags,
  summary: 'Change an endpoint: address, description, event types, enabled (administrators)',
  security: SESSION_SECURITY,
  request: {
    params: Id,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              version: VersionField,
              url: Url.optional(),
              description: z.string().max(500).optional(),
              eventTypes: EventTypes.optional(),
              enabled: z.boolean().optional(),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: json(WebhookSchema, 'Changed'),
    ...problems,
    404: writeProblems[404],
    409: writeProblems[409],
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/v1/webhooks/{id}',
  tags,
  summary: 'Remove an endpoint and its delivery log (administrators)',
  security: SESSION_SECURITY,
  request: { params: Id },
  responses: { 204: { description: 'Removed' }, ...problems, 404: writeProblems[404] },
});
const deliveries = createRoute({
  method: 'get',
  path: '/api/v1/webhooks/{id}/deliveries',
  tags,
  summary:
    'The delivery log, newest first: every attempt with its status, duration and error (administrators)',
  security: SESSION_SECURITY,
  request: {
    params: Id,
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
  },
  responses: {
    200: json(z.object({ items: z.array(DeliverySchema) }), 'Deliveries'),
    ...problems,
    404: writeProblems[404],
  },
});

export function webhookRoutes(webhooks: WebhookService) {
  return apiRouter()
    .openapi(list, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ items: (await webhooks.list(c.get('actor'))).map(present) }, 200);
    })
    .openapi(create, async (c) => {
      const { webhook, secret } = await webhooks.create(c.get('actor'), c.req.valid('json'), requestMeta(c));
      c.header('Cache-Control', 'no-store');
      return c.json({ ...present(webhook), secret }, 201);
    })
    .openapi(get, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(present(await webhooks.get(c.get('actor'), c.req.valid('param').id)), 200);
    })
    .openapi(update, async (c) => {
      const updated = await webhooks.update(
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
        requestMeta(c),
      );
      return c.json(present(updated), 200);
    })
    .openapi(remove, async (c) => {
      await webhooks.remove(c.get('actor'), c.req.valid('param').id, requestMeta(c));
      return c.body(null, 204);
    })
    .openapi(deliveries, async (c) => {
      c.header('Cache-Control', 'no-store');
      const items = await webhooks.deliveries(
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('query').limit,
      );
      return c.json({ items: items.map(presentDelivery) }, 200);
    });
}
