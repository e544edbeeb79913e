import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { listDeliveries } from '../db/webhook-delivery.repository.ts';
import {
  deleteWebhook,
  insertWebhook,
  listWebhooks,
  readWebhook,
  updateWebhook,
} from '../db/webhook.repository.ts';
import type { WriteContext } from '../domain/audit.ts';
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from '../domain/errors.ts';
import type { Delivery, PublicationEventType, Webhook } from '../domain/notification.ts';
import { can, type Actor } from '../domain/permission.ts';
import { requireActor } from './user.service.ts';
import { webhookUrlProblem } from './webhook-address.ts';
import { newWebhookSecret, sealSecret } from './webhook-secret.ts';

/**
 * Webhook endpoints, managed by administrators: every call is authorised with `can`, every
 * write audited in its transaction (never with the secret). The secret is generated here and
 * returned once, by `create`; nothing reads it back out through the API.
 */
export interface WebhookInput {
  url: string;
  description?: string;
  eventTypes?: PublicationEventType[];
  enabled?: boolean;
}

export function createWebhookService(deps: { db: Db; clock: Clock; config: Config['webhooks'] }) {
  const { db, clock, config } = deps;
  const key = config.secretKey ? Buffer.from(config.secretKey, 'hex') : null;

  const allowed = (actor: Actor | null): Actor => {
    const a = requireActor(actor);
    if (!can(a, 'webhook.manage', { kind: 'webhook' })) throw new NotAllowedError('webhook.manage');
    return a;
  };
  const checkUrl = (url: string) => {
    const problem = webhookUrlProblem(url, config.allowPrivate);
    if (problem) throw new InvalidInputError([{ field: 'url', code: problem }]);
  };
  const found = async (id: string): Promise<Webhook> => {
    const webhook = await readWebhook(db, id);
    if (!webhook) throw new NotFoundError('webhook', id);
    return webhook;
  };
  const unique = (types: PublicationEventType[] | undefined) =>
    types ? [...new Set(types)].sort() : undefined;

  return {
    async list(actor: Actor | null): Promise<Webhook[]> {
      allowed(actor);
      return listWebhooks(db);
    },

    async get(actor: Actor | null, id: string): Promise<Webhook> {
      allowed(actor);
      return found(id);
    },

    async create(
      actor: Actor | null,
      input: WebhookInput,
      ctx: WriteContext,
    ): Promise<{ webhook: Webhook; secret: string }> {
      const a = allowed(actor);
      checkUrl(input.url);
      const secret = newWebhookSecret();
      const now = clock.now();
      const webhook = await db.transaction().execute(async (tx) => {
        const created = await insertWebhook(
          tx,
          {
            id: randomUUID(),
            url: input.url,
            description: input.description?.trim() ?? '',
            eventTypes: unique(input.eventTypes) ?? [],
            enabled: input.enabled ?? true,
            createdBy: a.userId,
          },
          sealSecret(secret, key),
          now,
        );
        await appendAudit(
          tx,
          ctx,
          [{ action: 'webhook.create', targetType: 'webhook', targetId: created.id, after: created }],
          now,
        );
        return created;
      });
      return { webhook, secret };
    },

    async update(
      actor: Actor | null,
      id: string,
      input: Partial<WebhookInput> & { version: number },
      ctx: WriteContext,
    ): Promise<Webhook> {
      allowed(actor);
      if (input.url !== undefined) checkUrl(input.url);
      const before = await found(id);
      if (before.version !== input.version)
        throw new ConflictError('version_mismatch', { currentVersion: before.version });
      const now = clock.now();
      return db.transaction().execute(async (tx) => {
        const after = await updateWebhook(
          tx,
          id,
          input.version,
          {
            ...(input.url !== undefined ? { url: input.url } : {}),
            ...(input.description !== undefined ? { description: input.description.trim() } : {}),
            ...(input.eventTypes !== undefined ? { eventTypes: unique(input.eventTypes) ?? [] } : {}),
            ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
          },
          now,
        );
        if (!after) throw new ConflictError('version_mismatch', { currentVersion: before.version });
        await appendAudit(
          tx,
          ctx,
          [{ action: 'webhook.update', targetType: 'webhook', targetId: id, before, after }],
          now,
        );
        return after;
      });
    },

    async remove(actor: Actor | null, id: string, ctx: WriteContext): Promise<void> {
      allowed(actor);
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        const removed = await deleteWebhook(tx, id);
        if (!removed) throw new NotFoundError('webhook', id);
        await appendAudit(
          tx,
          ctx,
          [{ action: 'webhook.delete', targetType: 'webhook', targetId: id, before: removed }],
          now,
        );
      });
    },

    /** The delivery log, newest first. */
    async deliveries(actor: Actor | null, id: string, limit: number): Promise<Delivery[]> {
      allowed(actor);
      await found(id);
      return listDeliveries(db, id, limit);
    },
  };
}
export type WebhookService = ReturnType<typeof createWebhookService>;
