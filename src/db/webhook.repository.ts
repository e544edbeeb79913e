import type { Selectable } from 'kysely';
import type { PublicationEventType, Webhook } from '../domain/notification.ts';
import type { Db } from './database.ts';
import type { WebhookTable } from './notification.schema.ts';

/** Webhook endpoints. The sealed secret is read only by `readWebhookSecret` (the dispatcher). */
const COLUMNS = [
  'id',
  'url',
  'description',
  'event_types',
  'enabled',
  'version',
  'created_by',
  'created_at',
  'updated_at',
] as const;

function toWebhook(r: Pick<Selectable<WebhookTable>, (typeof COLUMNS)[number]>): Webhook {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    eventTypes: r.event_types as PublicationEventType[],
    enabled: r.enabled,
    version: r.version,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

export async function insertWebhook(
  tx: Db,
  webhook: Pick<Webhook, 'id' | 'url' | 'description' | 'eventTypes' | 'enabled' | 'createdBy'>,
  sealedSecret: string,
  now: Date,
): Promise<Webhook> {
  const row = await tx
    .insertInto('webhook')
    .values({
      id: webhook.id,
      url: webhook.url,
      description: webhook.description,
      event_types: webhook.eventTypes,
      secret: sealedSecret,
      enabled: webhook.enabled,
      created_by: webhook.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toWebhook(row);
}

export async function listWebhooks(db: Db, options: { enabledOnly?: boolean } = {}): Promise<Webhook[]> {
  let query = db.selectFrom('webhook').select(COLUMNS).orderBy('created_at').orderBy('id');
  if (options.enabledOnly) query = query.where('enabled', '=', true);
  return (await query.execute()).map(toWebhook);
}

export async function readWebhook(db: Db, id: string): Promise<Webhook | null> {
  const row = await db.selectFrom('webhook').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toWebhook(row) : null;
}

export async function readWebhookSecret(db: Db, id: string): Promise<string | null> {
  const row = await db.selectFrom('webhook').select('secret').where('id', '=', id).executeTakeFirst();
  return row?.secret ?? null;
}

/** Applies the changes if the webhook is still at `version`; null when another write came first. */
export async function updateWebhook(
  tx: Db,
  id: string,
  version: number,
  changes: Partial<Pick<Webhook, 'url' | 'description' | 'eventTypes' | 'enabled'>>,
  now: Date,
): Promise<Webhook | null> {
  const row = await tx
    .updateTable('webhook')
    .set({
      ...(changes.url !== undefined ? { url: changes.url } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.eventTypes !== undefined ? { event_types: changes.eventTypes } : {}),
      ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
      version: version + 1,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toWebhook(row) : null;
}

export async function deleteWebhook(tx: Db, id: string): Promise<Webhook | null> {
  const row = await tx.deleteFrom('webhook').where('id', '=', id).returning(COLUMNS).executeTakeFirst();
  return row ? toWebhook(row) : null;
}
